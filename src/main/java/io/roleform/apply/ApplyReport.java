package io.roleform.apply;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of applying a plan: one {@link OperationOutcome} per operation of the plan, in plan
 * order. At most one is {@code FAILED}, and every operation after it is {@code NOT_RUN}.
 *
 * @param stoppedByConcurrentChange the failure was a precondition (412): something else changed
 *     the portal during the apply; the remedy is to plan again
 */
public record ApplyReport(List<OperationOutcome> outcomes, boolean stoppedByConcurrentChange) {

  public ApplyReport {
    outcomes = List.copyOf(outcomes);
  }

  /** True when every operation is done (also for a plan with no operations). */
  public boolean succeeded() {
    return outcomes.stream().allMatch(o -> o.status() == OperationOutcome.Status.DONE);
  }

  /** The operation that failed, if one did. */
  public Optional<OperationOutcome> failure() {
    return outcomes.stream().filter(o -> o.status() == OperationOutcome.Status.FAILED).findFirst();
  }
}
