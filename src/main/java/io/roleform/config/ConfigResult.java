package io.roleform.config;

import java.util.List;

/**
 * The outcome of loading a config: either a valid {@link DesiredState} and no problems, or no
 * state and every problem found (sorted with {@link Diagnostic#ORDER}).
 *
 * @param desired the desired state; {@code null} exactly when {@code problems} is not empty
 * @param problems every problem found, sorted by file, line and column
 */
public record ConfigResult(DesiredState desired, List<Diagnostic> problems) {

  public ConfigResult {
    problems = problems.stream().sorted(Diagnostic.ORDER).toList();
    if ((desired == null) == problems.isEmpty()) {
      throw new IllegalArgumentException("desired must be null exactly when there are problems");
    }
  }

  /** Whether the config is valid. */
  public boolean ok() {
    return problems.isEmpty();
  }
}
