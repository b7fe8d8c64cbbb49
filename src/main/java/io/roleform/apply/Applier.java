package io.roleform.apply;

import io.roleform.apply.OperationOutcome.Status;
import io.roleform.diff.Operation;
import io.roleform.plan.Plan;
import io.roleform.portal.PortalClient;
import io.roleform.portal.PortalException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Carries out a plan as written: its operations in plan order (the plan's order is authoritative),
 * each with one client call, every write conditional on the portal being as the command's last
 * read saw it and then as this apply left it, as far as the portal kind detects other writers
 * ({@link io.roleform.portal.Capabilities.Concurrency}; see {@link PortalClient}).
 *
 * <p>It stops at the first operation that fails for good (the client has already retried what can
 * be retried): that one is {@code FAILED} with the reason, every later one {@code NOT_RUN}. What
 * ran stays done; re-running plan and apply converges. A precondition failure (412) means someone
 * else changed the portal meanwhile: the report says so ({@link
 * ApplyReport#stoppedByConcurrentChange()}) and the message tells the user to plan again.
 *
 * <p>It does not check that the plan is fresh or allowed: reading the portal, refusing a stale
 * plan (exit 3) and a refused plan (exit 4) happen before, in the command.
 */
public final class Applier {

  /** The failure message of an operation stopped by a 412. */
  public static final String CONCURRENT_CHANGE =
      "the portal changed during apply (another writer?); run plan again";

  private final PortalClient client;
  private final ProgressListener progress;

  public Applier(PortalClient client, ProgressListener progress) {
    this.client = Objects.requireNonNull(client, "client == null");
    this.progress = progress == null ? ProgressListener.NONE : progress;
  }

  /**
   * Applies {@code plan}. Never throws for a portal failure: that is in the report.
   *
   * @throws IllegalArgumentException if the plan has safety refusals (it must never be applied)
   */
  public ApplyReport apply(Plan plan) {
    if (plan.isRefused()) {
      throw new IllegalArgumentException("a plan refused by a safety limit is never applied");
    }
    List<Operation> operations = plan.operations();
    int total = operations.size();
    List<OperationOutcome> outcomes = new ArrayList<>(total);
    boolean concurrentChange = false;
    OperationRunner runner = new OperationRunner(client);
    boolean failed = false;
    for (int i = 0; i < total; i++) {
      Operation op = operations.get(i);
      int index = i + 1;
      if (failed) {
        outcomes.add(new OperationOutcome(index, op, Status.NOT_RUN, null));
        continue;
      }
      progress.started(index, total, op);
      OperationOutcome outcome;
      try {
        outcome = new OperationOutcome(index, op, Status.DONE, runner.run(op));
      } catch (PortalException e) {
        boolean precondition = e.kind() == PortalException.Kind.PRECONDITION_FAILED;
        concurrentChange = precondition;
        outcome = new OperationOutcome(
            index, op, Status.FAILED, precondition ? CONCURRENT_CHANGE : e.getMessage());
      } catch (OperationRunner.InconsistentPlan e) {
        outcome = new OperationOutcome(index, op, Status.FAILED, e.getMessage());
      }
      failed = outcome.status() == Status.FAILED;
      outcomes.add(outcome);
      progress.finished(index, total, op, outcome);
    }
    return new ApplyReport(outcomes, concurrentChange);
  }
}
