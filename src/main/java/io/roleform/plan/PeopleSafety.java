package io.roleform.plan;

import io.roleform.diff.Operation;
import io.roleform.portal.LiveState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The safety limits on users and departments (DESIGN.md §7), checked on the simulated result:
 *
 * <ul>
 *   <li>{@code max-user-removals}: more users disabled or deleted (counted once each) than {@code
 *       --max-user-removals} (default 5 or 10 % of the live users, whichever is larger);
 *   <li>{@code self-removal}: the token's own user disabled or deleted — no flag;
 *   <li>{@code last-admin}: the admin role left without an active administrator ({@link
 *       ActiveAdmins}, the count {@code min-admins} reads too) because the plan disables or deletes
 *       its last one — no flag;
 *   <li>{@code department-not-empty}: deleting a department that still has users the plan does not
 *       move out or delete — no flag (move the users in the same plan).
 * </ul>
 */
final class PeopleSafety {

  private PeopleSafety() {}

  static void check(LiveState live, AfterState after, PlanOptions options, List<Refusal> refusals) {
    // Users disabled or deleted, by id (an invitee disabled at once has no id: not counted).
    Map<String, String> removedUsers = after.removedUsers;
    for (Operation.DeleteDepartment d : after.departmentDeletions) {
      if (d.usersLeft() == 0) continue;
      refusals.add(new Refusal(Refusal.Rule.DEPARTMENT_NOT_EMPTY, "deleting department `" + d.department().name()
          + "` would leave its " + d.usersLeft() + " user(s) without it; move them to other departments"
          + " (their `departments:`) or remove them in the same plan", null));
    }
    if (removedUsers.isEmpty()) return;
    int limit = options.userRemovalLimit(live.users().size());
    if (removedUsers.size() > limit) {
      List<String> shown = new ArrayList<>();
      for (String email : removedUsers.values()) if (shown.size() < 10) shown.add(email);
      refusals.add(new Refusal(Refusal.Rule.MAX_USER_REMOVALS, "the plan disables or deletes " + removedUsers.size()
          + " users (" + String.join(", ", shown) + (removedUsers.size() > shown.size() ? ", ..." : "")
          + "), more than " + limit, "--max-user-removals=" + removedUsers.size()));
    }
    String viewer = live.portal().viewerUserId();
    if (viewer != null && removedUsers.containsKey(viewer)) {
      refusals.add(new Refusal(Refusal.Rule.SELF_REMOVAL, "user " + removedUsers.get(viewer)
          + ", whose token applies this plan, would be disabled or deleted", null));
    }
    lastAdmin(after, refusals);
  }

  private static void lastAdmin(AfterState after, List<Refusal> refusals) {
    ActiveAdmins admins = after.admins();
    if (admins != null && admins.lastOnesRemoved()) {
      refusals.add(new Refusal(Refusal.Rule.LAST_ADMIN, "the admin role `" + admins.name()
          + "` would be left without an active member: the plan disables or deletes its last one", null));
    }
  }
}
