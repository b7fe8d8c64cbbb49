package io.roleform.plan;

import io.roleform.config.DesiredState;
import io.roleform.diff.Operation;
import io.roleform.diff.UserRef;
import io.roleform.portal.LiveState;
import io.roleform.portal.LiveUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The notification preview: when {@code notifyMembers} is on once the plan has run (the desired
 * setting, else the live one), every member who joins or leaves a role — through member changes,
 * approvals, a role deleted with or without {@code moveMembersTo}, or a user deleted — gets one
 * entry saying why. Sorted by email. Empty when notifications are off.
 */
final class Notifications {

  private final LiveState live;
  private final Map<String, TreeSet<String>> added = new TreeMap<>();
  private final Map<String, TreeSet<String>> removed = new TreeMap<>();
  private final Map<String, String> shown = new HashMap<>();
  private Map<String, LiveUser> users;

  private Notifications(LiveState live) {
    this.live = live;
  }

  static List<Notification> preview(DesiredState desired, LiveState live, List<Operation> operations) {
    Boolean wanted = desired.settings().notifyMembers();
    boolean on = wanted != null ? wanted : Boolean.TRUE.equals(live.portal().settings().notifyMembers());
    if (!on || operations.isEmpty()) return List.of();
    Notifications n = new Notifications(live);
    Operation.Visitor<Void> collect = n.collector();
    operations.forEach(op -> op.accept(collect));
    return n.result();
  }

  private List<Notification> result() {
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

  private void note(Map<String, TreeSet<String>> into, UserRef u, String role) {
    String key = u.email().toLowerCase(Locale.ROOT);
    shown.putIfAbsent(key, u.toString());
    into.computeIfAbsent(key, k -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER)).add(role);
  }

  private Operation.Visitor<Void> collector() {
    return new Operation.Visitor<>() {
      @Override
      public Void changeMembers(Operation.ChangeMembers m) {
        for (UserRef u : m.add()) note(added, u, m.role().name());
        for (UserRef u : m.remove()) note(removed, u, m.role().name());
        return null;
      }

      @Override
      public Void approveApplier(Operation.ApproveApplier a) {
        note(added, a.user(), a.role().name());
        return null;
      }

      /** Its members leave it; with moveMembersTo they join the target (a role change). */
      @Override
      public Void deleteRole(Operation.DeleteRole d) {
        if (d.role().id() == null) return null;
        if (users == null) {
          users = new HashMap<>();
          for (LiveUser u : live.users()) users.put(u.id(), u);
        }
        for (String id : live.members().getOrDefault(d.role().id(), Set.of())) {
          LiveUser u = users.get(id);
          if (u == null) continue;
          UserRef ref = new UserRef(u.id(), u.email(), u.external());
          note(removed, ref, d.role().name());
          if (d.moveMembersTo() != null) note(added, ref, d.moveMembersTo().name());
        }
        return null;
      }

      @Override
      public Void deleteUser(Operation.DeleteUser d) {
        for (String role : d.roles()) note(removed, d.user(), role);
        return null;
      }

      @Override
      public Void createRole(Operation.CreateRole op) {
        return null;
      }

      @Override
      public Void updateRole(Operation.UpdateRole op) {
        return null;
      }

      @Override
      public Void reorderRoles(Operation.ReorderRoles op) {
        return null;
      }

      @Override
      public Void updateSettings(Operation.UpdateSettings op) {
        return null;
      }

      @Override
      public Void transferOwner(Operation.TransferOwner op) {
        return null;
      }

      @Override
      public Void createDepartment(Operation.CreateDepartment op) {
        return null;
      }

      @Override
      public Void renameDepartment(Operation.RenameDepartment op) {
        return null;
      }

      @Override
      public Void deleteDepartment(Operation.DeleteDepartment op) {
        return null;
      }

      @Override
      public Void inviteUser(Operation.InviteUser op) {
        return null;
      }

      @Override
      public Void updateUser(Operation.UpdateUser op) {
        return null;
      }

      /** The portal notifies members about roles, not about logins. */
      @Override
      public Void disableUser(Operation.DisableUser op) {
        return null;
      }

      @Override
      public Void denyApplier(Operation.DenyApplier op) {
        return null;
      }
    };
  }
}
