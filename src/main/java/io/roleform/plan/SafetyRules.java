package io.roleform.plan;

import io.roleform.diff.Operation;
import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The safety limits (DESIGN.md §3), checked on the simulated result of a plan ({@link AfterState}:
 * its state and what it recorded the plan doing). Each broken limit is
 * one {@link Refusal} naming the role or user and the flag that lifts it:
 *
 * <ul>
 *   <li>{@code min-admins}: the plan removes, disables or deletes members of the admin role and
 *       leaves it with fewer than {@code minAdmins} active administrators ({@link ActiveAdmins}:
 *       a disabled member or a pending applier counts neither before nor after; a portal that
 *       already has too few is not refused for changes elsewhere) — {@code --min-admins=N};
 *   <li>{@code self-lockout}: the token's user loses the role-management permission — no flag;
 *   <li>{@code max-deletions}: more than {@code maxDeletions} role deletions —
 *       {@code --max-deletions=N};
 *   <li>{@code max-member-removals}: more than {@code maxMemberRemovals} members removed in total
 *       ({@code --max-member-removals=N}), or more than {@code maxMemberRemovalPercent} % of one
 *       role's members ({@code --max-member-removal-percent=P}), all the plan's removals from that
 *       role counted together (however many operations: one per day of expired memberships). The percentage applies only to
 *       roles with at least {@value #MIN_MEMBERS_FOR_PERCENT} members (before the removal,
 *       including members moved in from deleted roles): removing one of two members is not a
 *       mass removal. Members of a deleted role are not counted here: moved members stay, and a
 *       deletion that drops members has its own rule;
 *   <li>{@code member-removal}: deleting a role that has members without {@code moveMembersTo} —
 *       {@code --allow-member-removal}.
 * </ul>
 */
final class SafetyRules {

  static final int MIN_MEMBERS_FOR_PERCENT = 4;

  private SafetyRules() {}

  static List<Refusal> check(LiveState live, AfterState after, PlanOptions options) {
    List<Refusal> refusals = new ArrayList<>();
    minAdmins(after, options, refusals);
    selfLockout(live, after, refusals);
    List<String> deleted = new ArrayList<>();
    for (Operation.DeleteRole d : after.roleDeletions) {
      deleted.add(d.role().name());
      if (d.moveMembersTo() == null && d.memberCount() > 0 && !options.allowMemberRemoval()) {
        refusals.add(new Refusal(Refusal.Rule.MEMBER_REMOVAL, "deleting role `" + d.role().name()
            + "` would remove its " + d.memberCount() + " member(s); name moveMembersTo in removed: to keep them",
            "--allow-member-removal"));
      }
    }
    int removed = 0;
    // Per role, not per operation: a role's removals may come in several operations (the config's
    // own, and one per day of expired memberships), and they count together.
    Map<String, Integer> removedFrom = new LinkedHashMap<>();
    Map<String, String> roleNames = new HashMap<>();
    for (Operation.ChangeMembers m : after.memberRemovals) {
      removed += m.remove().size();
      String role = AfterState.key(m.role());
      removedFrom.merge(role, m.remove().size(), Integer::sum);
      roleNames.putIfAbsent(role, m.role().name());
    }
    removedFrom.forEach((role, count) -> {
      int base = after.membersBeforeChanges.getOrDefault(role, 0);
      if (base >= MIN_MEMBERS_FOR_PERCENT && count * 100L > (long) options.maxMemberRemovalPercent() * base) {
        int percent = (int) Math.ceil(count * 100.0 / base);
        refusals.add(new Refusal(Refusal.Rule.MAX_MEMBER_REMOVALS, "the plan removes " + count
            + " of the " + base + " members of `" + roleNames.get(role) + "` (" + percent + "%, more than "
            + options.maxMemberRemovalPercent() + "%)", "--max-member-removal-percent=" + percent));
      }
    });
    PeopleSafety.check(live, after, options, refusals);
    if (removed > options.maxMemberRemovals()) {
      refusals.add(new Refusal(Refusal.Rule.MAX_MEMBER_REMOVALS, "the plan removes " + removed
          + " members in total (more than " + options.maxMemberRemovals() + ")", "--max-member-removals=" + removed));
    }
    if (deleted.size() > options.maxDeletions()) {
      refusals.add(new Refusal(Refusal.Rule.MAX_DELETIONS, "the plan deletes " + deleted.size() + " roles ("
          + String.join(", ", deleted) + "), more than " + options.maxDeletions(), "--max-deletions=" + deleted.size()));
    }
    return refusals;
  }

  private static void minAdmins(AfterState after, PlanOptions options, List<Refusal> refusals) {
    ActiveAdmins admins = after.admins();
    if (admins != null && admins.belowMinimum(options.minAdmins())) {
      refusals.add(new Refusal(Refusal.Rule.MIN_ADMINS, "the admin role `" + admins.name() + "` would be left with "
          + admins.after() + " active member(s), fewer than " + options.minAdmins(), "--min-admins=" + admins.after()));
    }
  }

  private static void selfLockout(LiveState live, AfterState after, List<Refusal> refusals) {
    String viewer = live.portal().viewerUserId();
    String permission = live.portal().roleManagementPermission();
    if (viewer == null || permission == null) return;
    boolean before = false;
    for (LiveRole r : live.roles()) {
      before |= r.permissions().contains(permission) && live.members().getOrDefault(r.id(), Set.of()).contains(viewer);
    }
    boolean now = false;
    for (Map.Entry<String, Set<String>> e : after.members.entrySet()) {
      now |= e.getValue().contains(viewer) && after.permissions.get(e.getKey()).contains(permission);
    }
    if (before && !now) {
      String who = live.portal().viewerEmail() != null ? live.portal().viewerEmail() : viewer;
      refusals.add(new Refusal(Refusal.Rule.SELF_LOCKOUT, "user " + who + ", whose token applies this plan, would lose `"
          + permission + "`, the permission to manage roles", null));
    }
  }
}
