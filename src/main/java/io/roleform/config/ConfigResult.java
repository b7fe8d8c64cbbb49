package io.roleform.config;

import java.util.List;
import java.util.Set;

/**
 * The outcome of loading a config: either a valid {@link DesiredState} and no problems, or no
 * state and every problem found (sorted with {@link Diagnostic#ORDER}).
 *
 * @param desired the desired state; {@code null} exactly when {@code problems} is not empty
 * @param problems every problem found, sorted by file, line and column; no message echoes a
 *     substituted value
 * @param sources the files read, in path order, with their bytes (empty when there are problems)
 * @param variablesUsed the names of the variables substituted (empty when there are problems)
 * @param notes what {@code --verbose} shows: symbolic links followed out of the config directory
 */
public record ConfigResult(
    DesiredState desired, List<Diagnostic> problems, List<ConfigSource> sources, Set<String> variablesUsed,
    List<String> notes) {

  public ConfigResult {
    problems = problems.stream().sorted(Diagnostic.ORDER).toList();
    if ((desired == null) == problems.isEmpty()) {
      throw new IllegalArgumentException("desired must be null exactly when there are problems");
    }
    sources = sources == null ? List.of() : List.copyOf(sources);
    variablesUsed = variablesUsed == null ? Set.of() : Set.copyOf(variablesUsed);
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  /** A result without sources (tests, states not read from files). */
  public ConfigResult(DesiredState desired, List<Diagnostic> problems) {
    this(desired, problems, List.of(), Set.of(), List.of());
  }

  /** Whether the config is valid. */
  public boolean ok() {
    return problems.isEmpty();
  }
}
