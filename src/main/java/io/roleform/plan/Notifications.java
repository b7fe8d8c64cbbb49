package io.roleform.plan;

import io.roleform.config.DesiredState;
import io.roleform.diff.Operation;
import io.roleform.diff.UserRef;
import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import io.roleform.portal.LiveUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The notification preview: when {@code notifyMembers} is on once the plan has run (the desired
 * setting, else the live one), every member who joins or leaves a role — through member changes,
 * approvals, a role deleted with or without {@code moveMembersTo}, or a user removed — gets one
 * entry saying why. Sorted by email. Empty when notifications are off.
 */
final class Notifications {

  private Notifications() {}

  static List<Notification> preview(DesiredState desired, LiveState live, List<Operation> operations) {
    Boolean wanted = desired.settings().notifyMembers();
    boolean on = wanted != null ? wanted : Boolean.TRUE.equals(live.portal().settings().notifyMembers());
    if (!on || operations.isEmpty()) return List.of();
    Map<String, String> roleNames = new HashMap<>();
    for (LiveRole r : live.roles()) roleNames.put(r.id(), r.name());
    Map<String, LiveUser> users = new HashMap<>();
    Map<String, TreeSet<String>> added = new TreeMap<>();
    Map<String, TreeSet<String>> removed = new TreeMap<>();
    Map<String, String> shown = new HashMap<>();
    for (Operation op : operations) {
      if (op instanceof Operation.ChangeMembers m) {
        for (UserRef u : m.add()) note(added, shown, u, m.role().name());
        for (UserRef u : m.remove()) note(removed, shown, u, m.role().name());
      } else if (op instanceof Operation.ApproveApplier a) {
        note(added, shown, a.user(), a.role().name());
      } else if (op instanceof Operation.DeleteRole d && d.role().id() != null) {
        if (users.isEmpty()) for (LiveUser u : live.users()) users.put(u.id(), u);
        for (String id : live.members().getOrDefault(d.role().id(), java.util.Set.of())) {
          LiveUser u = users.get(id);
          if (u == null) continue;
          UserRef ref = new UserRef(u.id(), u.email(), u.external());
          note(removed, shown, ref, d.role().name());
          if (d.moveMembersTo() != null) note(added, shown, ref, d.moveMembersTo().name());
        }
      } else if (op instanceof Operation.DeleteUser d) {
        for (String role : d.roles()) note(removed, shown, d.user(), role);
      }
    }
    List<Notification> out = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(added.keySet());
    keys.addAll(removed.keySet());
    for (String key : keys) {
      TreeSet<String> a = added.getOrDefault(key, new TreeSet<>());
      TreeSet<String> r = removed.getOrDefault(key, new TreeSet<>());
      Notification.Reason reason = a.isEmpty() ? Notification.Reason.REMOVED
          : r.isEmpty() ? Notification.Reason.ADDED : Notification.Reason.ROLE_CHANGED;
      out.add(new Notification(shown.get(key), reason, List.copyOf(a), List.copyOf(r)));
    }
    return out;
  }

  private static void note(Map<String, TreeSet<String>> into, Map<String, String> shown, UserRef u, String role) {
    String key = u.email().toLowerCase(Locale.ROOT);
    shown.putIfAbsent(key, u.toString());
    into.computeIfAbsent(key, k -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER)).add(role);
  }
}
