package io.roleform.plan;

import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import io.roleform.portal.LiveUser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who gains and who loses which permission: a user's effective permissions are the union of the
 * permissions of the roles they are a member of, before (live) and after (the simulated plan).
 *
 * <p>Only users the plan can affect are examined: members (before or after) of roles whose
 * permissions change or that are deleted, and users named by member changes and approvals. The
 * cost is one pass over the memberships plus work in proportion to those users.
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

  static AccessImpact compute(LiveState live, AfterState after, List<Operation> operations) {
    Set<String> affected = affectedUsers(live, after, operations);
    if (affected.isEmpty()) return new AccessImpact(List.of(), List.of());
    Map<String, List<String>> rolesBefore = rolesOf(affected, live.members());
    Map<String, List<String>> rolesAfter = rolesOf(affected, after.members);
    Map<String, LiveRole> liveRoles = new HashMap<>();
    for (LiveRole r : live.roles()) liveRoles.put(r.id(), r);
    Map<String, String> emails = new HashMap<>();
    for (LiveUser u : live.users()) if (affected.contains(u.id())) emails.put(u.id(), u.email());

    List<AccessChange> changes = new ArrayList<>();
    List<Warning> warnings = new ArrayList<>();
    for (String user : affected) {
      String email = emails.getOrDefault(user, user);
      Map<String, Set<String>> before = new HashMap<>();
      for (String roleId : rolesBefore.getOrDefault(user, List.of())) {
        LiveRole r = liveRoles.get(roleId);
        for (String p : r.permissions()) before.computeIfAbsent(p, k -> new TreeSet<>()).add(r.name());
      }
      Map<String, Set<String>> now = new HashMap<>();
      for (String key : rolesAfter.getOrDefault(user, List.of())) {
        for (String p : after.permissions.get(key)) now.computeIfAbsent(p, k -> new TreeSet<>()).add(after.names.get(key));
      }
      for (Map.Entry<String, Set<String>> e : now.entrySet()) {
        if (!before.containsKey(e.getKey())) {
          changes.add(new AccessChange(email, e.getKey(), AccessChange.Direction.GAINED, List.copyOf(e.getValue())));
        }
      }
      for (Map.Entry<String, Set<String>> e : before.entrySet()) {
        if (!now.containsKey(e.getKey())) {
          changes.add(new AccessChange(email, e.getKey(), AccessChange.Direction.LOST, List.copyOf(e.getValue())));
        }
      }
      if (rolesBefore.containsKey(user) && !rolesAfter.containsKey(user)) {
        warnings.add(new Warning("user-in-no-role", "user " + email + " is in no role after this plan"));
      }
    }
    changes.sort(ORDER);
    warnings.sort(Comparator.comparing(Warning::message));
    return new AccessImpact(changes, warnings);
  }

  private static Set<String> affectedUsers(LiveState live, AfterState after, List<Operation> operations) {
    Set<String> users = new HashSet<>();
    for (Operation op : operations) {
      if (op instanceof Operation.UpdateRole u && u.permissions() != null) {
        users.addAll(live.members().getOrDefault(u.role().id(), Set.of()));
        users.addAll(after.members.getOrDefault(AfterState.key(u.role()), Set.of()));
      } else if (op instanceof Operation.DeleteRole d) {
        users.addAll(live.members().getOrDefault(d.role().id(), Set.of()));
      } else if (op instanceof Operation.ApproveApplier a) {
        users.add(a.user().id());
      } else if (op instanceof Operation.ChangeMembers m) {
        for (UserRef u : m.add()) users.add(u.id());
        for (UserRef u : m.remove()) users.add(u.id());
      }
    }
    return users;
  }

  /** Role keys per user, for the given users only; role keys in a stable (sorted) order. */
  private static Map<String, List<String>> rolesOf(Set<String> users, Map<String, ? extends Set<String>> membersByRole) {
    Map<String, List<String>> byUser = new TreeMap<>();
    for (Map.Entry<String, ? extends Set<String>> e : membersByRole.entrySet()) {
      for (String user : e.getValue()) {
        if (users.contains(user)) byUser.computeIfAbsent(user, u -> new ArrayList<>(2)).add(e.getKey());
      }
    }
    return byUser;
  }
}
