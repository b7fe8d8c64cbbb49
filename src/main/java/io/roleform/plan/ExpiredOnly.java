package io.roleform.plan;

import io.roleform.diff.Expiry;
import io.roleform.diff.Operation;
import io.roleform.diff.UserRef;
import io.roleform.portal.LiveState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The plan of {@code --only-expired}: of the diff's operations, only the removals of expired
 * memberships — member removals whose reason is "access expired on DAY" ({@link Expiry#reason}),
 * each reduced to the users who are members of that live role now. Every other operation (adds,
 * other removals, role, permission, user, department, order and settings changes) is left out.
 *
 * <p>Guarantee: every operation returned is a {@link Operation.ChangeMembers} with no additions,
 * an expiry reason, a live role id and only live members of that role in its removals; the order
 * of the input is kept.
 */
final class ExpiredOnly {
  private ExpiredOnly() {}

  /** The expiry removals among {@code operations}, against {@code live}. */
  static List<Operation> of(List<Operation> operations, LiveState live) {
    List<Operation> kept = new ArrayList<>();
    Filter filter = new Filter(live);
    for (Operation op : operations) {
      Operation e = op.accept(filter);
      if (e != null) kept.add(e);
    }
    return kept;
  }

  /** Whether {@code reason} is the reason of an expiry removal. */
  static boolean isExpiryReason(String reason) {
    return reason != null && reason.startsWith(Expiry.REASON_PREFIX);
  }

  /** The operation itself when it removes expired access, else {@code null}. */
  private static final class Filter implements Operation.Visitor<Operation> {
    private final LiveState live;

    Filter(LiveState live) {
      this.live = live;
    }

    @Override
    public Operation changeMembers(Operation.ChangeMembers op) {
      if (!op.add().isEmpty() || !isExpiryReason(op.reason()) || op.role().id() == null) return null;
      Set<String> members = live.members().getOrDefault(op.role().id(), Set.of());
      List<UserRef> remove = op.remove().stream().filter(u -> members.contains(u.id())).toList();
      if (remove.isEmpty()) return null;
      return remove.size() == op.remove().size() ? op
          : new Operation.ChangeMembers(op.role(), List.of(), remove, op.reason());
    }

    @Override public Operation createRole(Operation.CreateRole op) { return null; }
    @Override public Operation updateRole(Operation.UpdateRole op) { return null; }
    @Override public Operation approveApplier(Operation.ApproveApplier op) { return null; }
    @Override public Operation deleteRole(Operation.DeleteRole op) { return null; }
    @Override public Operation reorderRoles(Operation.ReorderRoles op) { return null; }
    @Override public Operation updateSettings(Operation.UpdateSettings op) { return null; }
    @Override public Operation transferOwner(Operation.TransferOwner op) { return null; }
    @Override public Operation createDepartment(Operation.CreateDepartment op) { return null; }
    @Override public Operation renameDepartment(Operation.RenameDepartment op) { return null; }
    @Override public Operation deleteDepartment(Operation.DeleteDepartment op) { return null; }
    @Override public Operation inviteUser(Operation.InviteUser op) { return null; }
    @Override public Operation updateUser(Operation.UpdateUser op) { return null; }
    @Override public Operation disableUser(Operation.DisableUser op) { return null; }
    @Override public Operation deleteUser(Operation.DeleteUser op) { return null; }
    @Override public Operation denyApplier(Operation.DenyApplier op) { return null; }
  }
}
