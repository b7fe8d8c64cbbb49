package io.roleform.plan;

import io.roleform.diff.Operation;
import io.roleform.diff.RoleRef;
import io.roleform.policy.AccessState;
import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state a plan leaves, as policies see it: the simulated {@link AfterState} plus the
 * descriptions the plan sets (which the after-state does not track, as no safety rule needs them).
 */
final class PolicyStates {
  private PolicyStates() {}

  static AccessState after(LiveState live, AfterState after, List<Operation> operations) {
    Map<String, String> descriptions = new HashMap<>();
    for (LiveRole r : live.roles()) descriptions.put(r.id(), r.description());
    Operation.Visitor<Void> described = new Operation.Visitor<>() {
      @Override
      public Void createRole(Operation.CreateRole c) {
        descriptions.put(AfterState.key(new RoleRef(null, c.name())), c.description());
        return null;
      }

      @Override
      public Void updateRole(Operation.UpdateRole u) {
        if (u.description() != null) descriptions.put(AfterState.key(u.role()), u.description().after());
        return null;
      }

      /** The other operations set no description. */
      @Override
      public Void approveApplier(Operation.ApproveApplier a) {
        return null;
      }

      @Override
      public Void deleteRole(Operation.DeleteRole d) {
        return null;
      }

      @Override
      public Void changeMembers(Operation.ChangeMembers m) {
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

      @Override
      public Void transferOwner(Operation.TransferOwner t) {
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

      @Override
      public Void disableUser(Operation.DisableUser op) {
        return null;
      }

      @Override
      public Void deleteUser(Operation.DeleteUser op) {
        return null;
      }

      @Override
      public Void denyApplier(Operation.DenyApplier op) {
        return null;
      }
    };
    for (Operation op : operations) op.accept(described);
    List<AccessState.Role> roles = new ArrayList<>(after.names.size());
    after.names.forEach((key, name) -> roles.add(new AccessState.Role(key, name,
        after.permissions.getOrDefault(key, Set.of()), after.members.getOrDefault(key, Set.of()),
        descriptions.get(key))));
    return new AccessState(roles, live.users());
  }
}
