package io.roleform.plan;

import io.roleform.config.Diagnostic;
import java.util.List;

/**
 * The outcome of planning: a plan, or the problems that prevent one (never both).
 *
 * @param plan the plan; {@code null} exactly when there are problems
 * @param problems plan-time errors in the config, sorted by position (empty when there is a plan)
 */
public record PlanResult(Plan plan, List<Diagnostic> problems) {

  public PlanResult {
    problems = List.copyOf(problems);
    if ((plan == null) == problems.isEmpty()) {
      throw new IllegalArgumentException("a plan result has either a plan or problems");
    }
  }

  public boolean ok() {
    return plan != null;
  }
}
