package io.roleform.plan;

import io.roleform.diff.UserRef;
import io.roleform.diff.Warning;
import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who gains and who loses which permission: a user's effective permissions are the union of the
 * permissions of the roles they are a member of, before (live) and after (the simulated plan).
 *
 * <p>Only the users the plan can affect ({@link AfterState#affected}: members before or after of
 * roles whose permissions change or that are deleted, users named by member changes and approvals,
 * users disabled, re-enabled or deleted) are examined. The cost is one pass over the memberships
 * plus work in proportion to those users. Users are shown by email, invitees included.
 *
 * <p>A user whose account is disabled (live, or by the plan) holds nothing: enabling one again is a
 * gain of every permission of their roles, disabling one a loss of all of them.
 *
 * <p>Also warns about users who lose their last role in this plan ({@code user-in-no-role});
 * users who were already in no role are not listed, to keep the warning about this change.
 *
 * @param changes sorted by user email, then direction (gained first), then permission
 */
record AccessImpact(List<AccessChange> changes, List<Warning> warnings) {

  static final Comparator<AccessChange> ORDER =
      Comparator.comparing((AccessChange a) -> a.user().toLowerCase(Locale.ROOT))
          .thenComparing(AccessChange::direction)
          .thenComparing(AccessChange::permission);

  static AccessImpact compute(LiveState live, AfterState after) {
    Set<String> affected = after.affected;
    if (affected.isEmpty()) return new AccessImpact(List.of(), List.of());
    Map<String, List<String>> rolesBefore = rolesOf(affected, live.members());
    Map<String, List<String>> rolesAfter = rolesOf(affected, after.members);
    Map<String, String> liveNames = new HashMap<>();
    for (LiveRole r : live.roles()) liveNames.put(r.id(), r.name());

    Map<String, Set<String>> livePermissions = new HashMap<>();
    for (LiveRole r : live.roles()) livePermissions.put(r.id(), Set.copyOf(r.permissions()));
    List<AccessChange> changes = new ArrayList<>();
    List<Warning> warnings = new ArrayList<>();
    for (String user : affected) {
      UserRef ref = after.user(user);
      if (ref == null) ref = new UserRef(user, user); // a member the portal lists no user for: shown by id
      String email = ref.email();
      boolean external = ref.external();
      List<String> before = rolesBefore.getOrDefault(user, List.of());
      List<String> now = rolesAfter.getOrDefault(user, List.of());
      // A disabled user holds nothing: one the plan disables or deletes loses everything their roles
      // gave them, one it enables again gains it all back.
      Set<String> had = after.heldNothingBefore(user) ? Set.of() : union(before, livePermissions);
      Set<String> has = after.holdsNothingAfter(user) ? Set.of() : union(now, after.permissions);
      for (String p : has) {
        if (!had.contains(p)) changes.add(new AccessChange(email, external, p, AccessChange.Direction.GAINED, via(p, now, after.permissions, after.names)));
      }
      for (String p : had) {
        if (!has.contains(p)) changes.add(new AccessChange(email, external, p, AccessChange.Direction.LOST, via(p, before, livePermissions, liveNames)));
      }
      if (!before.isEmpty() && now.isEmpty() && !after.deleted.contains(user)) {
        warnings.add(new Warning(Warning.Kind.USER_IN_NO_ROLE, "user " + ref + " is in no role after this plan"));
      }
    }
    changes.sort(ORDER);
    warnings.sort(Comparator.comparing(Warning::message));
    return new AccessImpact(changes, warnings);
  }

  private static Set<String> union(List<String> roleKeys, Map<String, Set<String>> permissionsByRole) {
    if (roleKeys.size() == 1) return permissionsByRole.get(roleKeys.get(0));
    Set<String> all = new HashSet<>();
    for (String key : roleKeys) all.addAll(permissionsByRole.get(key));
    return all;
  }

  /** The names of the roles among {@code roleKeys} that grant {@code permission}, sorted. */
  private static List<String> via(String permission, List<String> roleKeys, Map<String, Set<String>> permissionsByRole,
      Map<String, String> names) {
    Set<String> via = new TreeSet<>();
    for (String key : roleKeys) if (permissionsByRole.get(key).contains(permission)) via.add(names.get(key));
    return List.copyOf(via);
  }

  /** Role keys per user, for the given users only. */
  private static Map<String, List<String>> rolesOf(Set<String> users, Map<String, ? extends Set<String>> membersByRole) {
    Map<String, List<String>> byUser = new HashMap<>();
    for (Map.Entry<String, ? extends Set<String>> e : membersByRole.entrySet()) {
      for (String user : e.getValue()) {
        if (users.contains(user)) byUser.computeIfAbsent(user, u -> new ArrayList<>(2)).add(e.getKey());
      }
    }
    return byUser;
  }
}
