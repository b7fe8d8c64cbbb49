package io.roleform.plan;

import io.roleform.portal.LiveState;
import java.util.Set;

/**
 * The portal's admin role counted in <em>active administrators</em>, before and after a plan: the
 * one count both safety rules on the admin role read — {@code min-admins} ({@link SafetyRules})
 * and {@code last-admin} ({@link PeopleSafety}) — so they never disagree on who administers.
 *
 * <p>An active administrator is a member of the admin role whose account can sign in and act: not
 * disabled and not a pending applier ({@link AfterState#activeBefore}, {@link
 * AfterState#activeAfter}). After the plan that is its result: a member it disables or deletes is
 * not one, a member it enables again or approves, or an invitee it adds to the role, is one.
 *
 * @param name the admin role's name after the plan (its id when the plan deletes it)
 * @param before active administrators before the plan
 * @param after active administrators after the plan
 * @param accountsRemoved whether the plan disables or deletes a live member of the admin role
 */
record ActiveAdmins(String name, int before, int after, boolean accountsRemoved) {

  /** The count for {@code live}'s admin role, or {@code null} when its portal names none. */
  static ActiveAdmins of(LiveState live, AfterState state) {
    String admin = live.portal().adminRoleId();
    if (admin == null) return null;
    Set<String> liveMembers = live.members().getOrDefault(admin, Set.of());
    int before = 0;
    boolean removed = false;
    for (String id : liveMembers) {
      if (state.activeBefore(id)) before++;
      removed |= state.inactive.contains(id);
    }
    int after = 0;
    for (String key : state.members.getOrDefault(admin, Set.of())) if (state.activeAfter(key)) after++;
    return new ActiveAdmins(state.names.getOrDefault(admin, admin), before, after, removed);
  }

  /**
   * Whether the plan leaves the role without an active administrator by disabling or deleting the
   * last ones it had (the {@code last-admin} refusal, which no flag lifts).
   */
  boolean lastOnesRemoved() {
    return accountsRemoved && before > 0 && after == 0;
  }

  /**
   * Whether the plan takes active administrators away and leaves fewer than {@code minimum} (the
   * {@code min-admins} refusal). A portal that already has too few is not refused for changes that
   * take none away; and the case of {@link #lastOnesRemoved()} is that rule's alone.
   */
  boolean belowMinimum(int minimum) {
    return !lastOnesRemoved() && after < before && after < minimum;
  }
}
