package io.roleform.plan;

import io.roleform.config.Diagnostic;
import java.util.List;

/**
 * The outcome of planning: a plan, or the problems that prevent one (never both).
 *
 * @param plan the plan; {@code null} exactly when there are problems
 * @param problems plan-time errors in the config, sorted by position (empty when there is a plan)
 * @param notes informational lines that are not part of the plan ({@link
 *     io.roleform.diff.DiffResult#notes}); shown with {@code --verbose}
 */
public record PlanResult(Plan plan, List<Diagnostic> problems, List<String> notes) {

  public PlanResult(Plan plan, List<Diagnostic> problems) {
    this(plan, problems, List.of());
  }

  public PlanResult {
    problems = List.copyOf(problems);
    notes = List.copyOf(notes);
    if ((plan == null) == problems.isEmpty()) {
      throw new IllegalArgumentException("a plan result has either a plan or problems");
    }
  }

  public boolean ok() {
    return plan != null;
  }
}
