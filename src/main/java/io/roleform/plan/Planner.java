package io.roleform.plan;

import io.roleform.diff.Operation;
import io.roleform.diff.Warning;
import io.roleform.diff.ApplyOrder;
import io.roleform.config.DesiredState;
import io.roleform.diff.Diff;
import io.roleform.diff.DiffResult;
import io.roleform.portal.LiveState;
import io.roleform.config.Diagnostic;
import io.roleform.policy.AccessState;
import io.roleform.policy.PolicyCheck;
import io.roleform.policy.PolicyFinding;
import io.roleform.policy.PolicyReferences;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a {@link Plan}: the diff's operations in {@link ApplyOrder}, the live-state {@link
 * Fingerprints fingerprint} and the config digest (recorded, hashed only when read: see {@link
 * Plan}), the access impact (who gains and loses which permission), warnings,
 * the safety refusals and the policy findings computed on the simulated result, and the memberships
 * expiring soon. Pure: no I/O; the same inputs (and instant) always give the same plan.
 *
 * <p>With {@link PlanOptions#onlyExpired()} the plan holds only the removals of expired memberships
 * ({@link ExpiredOnly}); everything after that — access impact, safety limits, policies,
 * notifications — is computed on the after-state of that reduced plan, and the expiring-soon list
 * is the full one.
 */
public final class Planner {

  private Planner() {}

  /**
   * @param portalLabel the portal address as shown to people and recorded in the plan (never with
   *     credentials)
   * @return a plan, or the plan-time problems in the config (then nothing is planned)
   */
  public static PlanResult plan(DesiredState desired, LiveState live, PlanOptions options, String portalLabel) {
    return plan(desired, live, options, portalLabel, Clock.systemUTC());
  }

  /**
   * The plan as of {@code clock}'s instant, which decides which memberships have expired and which
   * expire within {@link PlanOptions#expiringWithinDays()}; otherwise pure.
   */
  public static PlanResult plan(DesiredState desired, LiveState live, PlanOptions options, String portalLabel,
      Clock clock) {
    return plan(desired, live, Fingerprints.lazy(live), options, portalLabel, clock);
  }

  /**
   * As above, with {@code fingerprint} (of {@code live}) as the plan's: the caller chooses whether
   * it is hashed already ({@link Fingerprints#of}), on a thread of its own while the diff runs
   * ({@link Fingerprint#start}: an output that shows it), or only if someone reads it ({@link
   * Fingerprints#lazy}: the text plan). The config digest is {@code desired}'s, likewise computed
   * when read unless started ({@link io.roleform.config.ConfigDigest#start}).
   */
  public static PlanResult plan(DesiredState desired, LiveState live, Fingerprint fingerprint, PlanOptions options,
      String portalLabel, Clock clock) {
    Instant now = clock.instant();
    DiffResult diff = Diff.compute(desired, live, options.prune(), options.pruneUsers(), now);
    List<Diagnostic> problems = new ArrayList<>(diff.problems());
    problems.addAll(PolicyReferences.check(desired, live));
    if (!problems.isEmpty()) {
      problems.sort(Diagnostic.ORDER);
      return new PlanResult(null, problems);
    }
    List<Operation> operations = ApplyOrder.sort(diff.operations());
    if (options.onlyExpired()) operations = ExpiredOnly.of(operations, live);
    AfterState after = AfterState.simulate(live, operations);
    AccessImpact impact = AccessImpact.compute(live, after);
    List<Warning> warnings = new ArrayList<>(diff.warnings());
    warnings.addAll(impact.warnings());
    List<Refusal> refusals = SafetyRules.check(live, after, options);
    List<PolicyFinding> policies = desired.policies().isEmpty() ? List.of()
        : PolicyCheck.compare(desired, AccessState.of(live), after.access());
    Plan plan = new Plan(Plan.FORMAT_VERSION, portalLabel, live.portal().profile(),
        desired.configDigest(), fingerprint, options, operations, impact.changes(), warnings, refusals,
        Notifications.preview(desired, live, after), policies,
        Expiring.within(desired, now, options.expiringWithinDays()));
    return new PlanResult(plan, List.of(), diff.notes());
  }
}
