package io.roleform.plan;

import io.roleform.diff.Operation;
import io.roleform.diff.Warning;
import io.roleform.diff.ApplyOrder;
import io.roleform.config.DesiredState;
import io.roleform.diff.Diff;
import io.roleform.diff.DiffResult;
import io.roleform.portal.LiveState;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a {@link Plan}: the diff's operations in {@link ApplyOrder}, the live-state {@link
 * Fingerprints fingerprint}, the access impact (who gains and loses which permission), warnings,
 * and the safety refusals computed on the simulated result. Pure: no I/O; the same inputs always
 * give the same plan.
 */
public final class Planner {

  private Planner() {}

  /**
   * @param portalLabel the portal address as shown to people and recorded in the plan (never with
   *     credentials)
   * @return a plan, or the plan-time problems in the config (then nothing is planned)
   */
  public static PlanResult plan(DesiredState desired, LiveState live, PlanOptions options, String portalLabel) {
    DiffResult diff = Diff.compute(desired, live, options.prune(), options.pruneUsers());
    if (!diff.ok()) return new PlanResult(null, diff.problems());
    List<Operation> operations = ApplyOrder.sort(diff.operations());
    AfterState after = AfterState.simulate(live, operations);
    AccessImpact impact = AccessImpact.compute(live, after, operations);
    List<Warning> warnings = new ArrayList<>(diff.warnings());
    warnings.addAll(impact.warnings());
    List<Refusal> refusals = SafetyRules.check(live, after, operations, options);
    Plan plan = new Plan(Plan.FORMAT_VERSION, portalLabel, live.portal().profile(), desired.digest(),
        Fingerprints.of(live), options, operations, impact.changes(), warnings, refusals,
        Notifications.preview(desired, live, operations));
    return new PlanResult(plan, List.of(), diff.notes());
  }
}
