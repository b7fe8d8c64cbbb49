package io.roleform.plan;

import io.roleform.diff.Operation;
import io.roleform.diff.RoleRef;
import io.roleform.diff.UserRef;
import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The roles, their permissions and their members as they will be once a plan's operations ran —
 * simulated, not read. Roles are keyed by live id, or by {@code "+" + lower-cased name} for roles
 * the plan creates (as {@link RoleRef#id()} is {@code null} for them).
 *
 * <p>Member sets are shared with the live state and copied only for the roles an operation
 * touches, so simulating a plan costs in proportion to the plan, not to the portal.
 */
final class AfterState {

  final Map<String, String> names = new HashMap<>();
  final Map<String, Set<String>> permissions = new HashMap<>();
  final Map<String, Set<String>> members = new HashMap<>();
  /** Users the plan disables or deletes (by {@link UserRef#key()}): they hold no access afterwards. */
  final Set<String> inactive = new HashSet<>();
  /** Users the plan deletes or denies (by {@link UserRef#key()}). */
  final Set<String> deleted = new HashSet<>();
  private final Set<String> copied = new HashSet<>();

  private AfterState() {}

  /** Applies {@code operations} (in apply order) to a model of {@code live}. */
  static AfterState simulate(LiveState live, List<Operation> operations) {
    AfterState s = new AfterState();
    for (LiveRole r : live.roles()) {
      s.names.put(r.id(), r.name());
      s.permissions.put(r.id(), Set.copyOf(r.permissions()));
      s.members.put(r.id(), live.members().getOrDefault(r.id(), Set.of()));
    }
    for (Operation op : operations) s.apply(op);
    return s;
  }

  static String key(RoleRef ref) {
    return ref.id() != null ? ref.id() : "+" + ref.name().toLowerCase(Locale.ROOT);
  }

  private void apply(Operation op) {
    op.accept(new Operation.Visitor<Void>() {
      @Override
      public Void updateRole(Operation.UpdateRole u) {
        String k = key(u.role());
        if (u.name() != null) names.put(k, u.name().after());
        if (u.permissions() != null) permissions.put(k, Set.copyOf(u.permissions().after()));
        return null;
      }

      @Override
      public Void createRole(Operation.CreateRole c) {
        String k = key(new RoleRef(null, c.name()));
        names.put(k, c.name());
        permissions.put(k, Set.copyOf(c.permissions()));
        members.put(k, Set.of());
        return null;
      }

      @Override
      public Void deleteRole(Operation.DeleteRole d) {
        String k = key(d.role());
        Set<String> moving = members.getOrDefault(k, Set.of());
        if (d.moveMembersTo() != null) writable(key(d.moveMembersTo())).addAll(moving);
        names.remove(k);
        permissions.remove(k);
        members.remove(k);
        return null;
      }

      @Override
      public Void approveApplier(Operation.ApproveApplier a) {
        writable(key(a.role())).add(a.user().key());
        return null;
      }

      @Override
      public Void changeMembers(Operation.ChangeMembers m) {
        Set<String> set = writable(key(m.role()));
        for (UserRef u : m.add()) set.add(u.key());
        for (UserRef u : m.remove()) set.remove(u.key());
        return null;
      }

      /** The order of roles changes no role, permission or member. */
      @Override
      public Void reorderRoles(Operation.ReorderRoles r) {
        return null;
      }

      /** Settings change no role, permission or member. */
      @Override
      public Void updateSettings(Operation.UpdateSettings s) {
        return null;
      }

      /** The owner is not a role: ownership changes no role's permissions or members. */
      @Override
      public Void transferOwner(Operation.TransferOwner t) {
        return null;
      }

      /** Departments hold no permission. */
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

      /** An invitee holds nothing until a member change names them. */
      @Override
      public Void inviteUser(Operation.InviteUser op) {
        return null;
      }

      @Override
      public Void updateUser(Operation.UpdateUser u) {
        if (u.status() != null) inactive.remove(u.user().key());
        return null;
      }

      @Override
      public Void disableUser(Operation.DisableUser d) {
        inactive.add(d.user().key());
        return null;
      }

      /** A deleted user leaves every role. */
      @Override
      public Void deleteUser(Operation.DeleteUser d) {
        String user = d.user().key();
        inactive.add(user);
        deleted.add(user);
        for (String role : List.copyOf(members.keySet())) {
          if (members.get(role).contains(user)) writable(role).remove(user);
        }
        return null;
      }

      @Override
      public Void denyApplier(Operation.DenyApplier d) {
        deleted.add(d.user().key());
        return null;
      }
    });
  }

  private Set<String> writable(String roleKey) {
    if (copied.add(roleKey)) members.put(roleKey, new HashSet<>(members.getOrDefault(roleKey, Set.of())));
    return members.get(roleKey);
  }
}
