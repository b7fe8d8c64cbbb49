package io.roleform.diff;

import io.roleform.config.Diagnostic;
import java.util.List;

/**
 * What a diff found.
 *
 * @param operations the changes, in no particular order (the plan orders them); meaningless when
 *     there are problems
 * @param warnings things a reviewer should know that are not changes
 * @param problems plan-time errors in the config (unknown permission ids, users, roles ...),
 *     sorted by position; a plan is made only when there are none
 * @param notes facts that need no review and change nothing (a {@code removed:} role already gone),
 *     in plain text; not part of the plan, shown only on request ({@code --verbose})
 */
public record DiffResult(
    List<Operation> operations, List<Warning> warnings, List<Diagnostic> problems, List<String> notes) {

  public DiffResult {
    operations = List.copyOf(operations);
    warnings = List.copyOf(warnings);
    problems = List.copyOf(problems);
    notes = List.copyOf(notes);
  }

  public DiffResult(List<Operation> operations, List<Warning> warnings, List<Diagnostic> problems) {
    this(operations, warnings, problems, List.of());
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
