package io.roleform.plan;

import io.roleform.policy.AccessState;
import io.roleform.portal.LiveState;

/**
 * Who holds what before and after a plan, for readers outside planning (the access report): the
 * live state as read, and the live state with the plan's operations simulated on it — the same
 * after-state the safety limits and the policies are checked on.
 */
public final class PlannedAccess {
  private PlannedAccess() {}

  /** The access of the live state. */
  public static AccessState before(LiveState live) {
    return AccessState.of(live);
  }

  /** The access once {@code plan} (made from {@code live}) is applied. */
  public static AccessState after(LiveState live, Plan plan) {
    return AfterState.simulate(live, plan.operations()).access();
  }
}
