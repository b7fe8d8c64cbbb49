package io.roleform.plan;

import io.roleform.diff.Operation;
import io.roleform.diff.UserRef;
import io.roleform.diff.Warning;
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
    Map<String, String> liveNames = new HashMap<>();
    for (LiveRole r : live.roles()) liveNames.put(r.id(), r.name());
    Map<String, String> emails = new HashMap<>();
    for (LiveUser u : live.users()) {
      if (affected.contains(u.id())) emails.put(u.id(), u.external() ? u.email() + " (external)" : u.email());
    }

    Map<String, Set<String>> livePermissions = new HashMap<>();
    for (LiveRole r : live.roles()) livePermissions.put(r.id(), Set.copyOf(r.permissions()));
    List<AccessChange> changes = new ArrayList<>();
    List<Warning> warnings = new ArrayList<>();
    for (String user : affected) {
      // An invitee's key is "+" and the lower-cased email (UserRef#key).
      String email = emails.getOrDefault(user, user.startsWith("+") ? user.substring(1) : user);
      List<String> before = rolesBefore.getOrDefault(user, List.of());
      List<String> now = rolesAfter.getOrDefault(user, List.of());
      Set<String> had = union(before, livePermissions);
      // A user the plan disables or deletes loses everything their roles gave them.
      Set<String> has = after.inactive.contains(user) ? Set.of() : union(now, after.permissions);
      for (String p : has) {
        if (!had.contains(p)) changes.add(new AccessChange(email, p, AccessChange.Direction.GAINED, via(p, now, after.permissions, after.names)));
      }
      for (String p : had) {
        if (!has.contains(p)) changes.add(new AccessChange(email, p, AccessChange.Direction.LOST, via(p, before, livePermissions, liveNames)));
      }
      if (!before.isEmpty() && now.isEmpty() && !after.deleted.contains(user)) {
        warnings.add(new Warning(Warning.Kind.USER_IN_NO_ROLE, "user " + email + " is in no role after this plan"));
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

  /** The users whose access an operation can change: members of every role it touches. */
  private static Set<String> affectedUsers(LiveState live, AfterState after, List<Operation> operations) {
    Set<String> users = new HashSet<>();
    Operation.Visitor<Void> collect = new Operation.Visitor<>() {
      @Override
      public Void updateRole(Operation.UpdateRole u) {
        if (u.permissions() != null) {
          users.addAll(live.members().getOrDefault(u.role().id(), Set.of()));
          users.addAll(after.members.getOrDefault(AfterState.key(u.role()), Set.of()));
        }
        return null;
      }

      /** A created role has no members before the plan; its new members come by ChangeMembers. */
      @Override
      public Void createRole(Operation.CreateRole c) {
        return null;
      }

      @Override
      public Void deleteRole(Operation.DeleteRole d) {
        users.addAll(live.members().getOrDefault(d.role().id(), Set.of()));
        return null;
      }

      @Override
      public Void approveApplier(Operation.ApproveApplier a) {
        users.add(a.user().key());
        return null;
      }

      @Override
      public Void changeMembers(Operation.ChangeMembers m) {
        for (UserRef u : m.add()) users.add(u.key());
        for (UserRef u : m.remove()) users.add(u.key());
        return null;
      }

      @Override
      public Void reorderRoles(Operation.ReorderRoles r) {
        return null;
      }

      @Override
      public Void updateSettings(Operation.UpdateSettings s) {
        return null;
      }

      /** Ownership is not a role: it grants or takes no permission. */
      @Override
      public Void transferOwner(Operation.TransferOwner t) {
        return null;
      }

      /** Departments grant no permission. */
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

      /** An invitee gains through the member changes that name them. */
      @Override
      public Void inviteUser(Operation.InviteUser op) {
        return null;
      }

      @Override
      public Void updateUser(Operation.UpdateUser u) {
        if (u.status() != null) users.add(u.user().key());
        return null;
      }

      @Override
      public Void disableUser(Operation.DisableUser d) {
        users.add(d.user().key());
        return null;
      }

      @Override
      public Void deleteUser(Operation.DeleteUser d) {
        users.add(d.user().key());
        return null;
      }

      /** A pending applier holds no role. */
      @Override
      public Void denyApplier(Operation.DenyApplier d) {
        return null;
      }
    };
    operations.forEach(op -> op.accept(collect));
    return users;
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
