package io.roleform.apply;

import io.roleform.diff.Operation;
import io.roleform.diff.Operation.ApproveApplier;
import io.roleform.diff.Operation.ChangeMembers;
import io.roleform.diff.Operation.CreateRole;
import io.roleform.diff.Operation.DeleteRole;
import io.roleform.diff.Operation.ReorderRoles;
import io.roleform.diff.Operation.TransferOwner;
import io.roleform.diff.Operation.UpdateRole;
import io.roleform.diff.Operation.UpdateSettings;

/**
 * The short names of an operation used in progress lines and the apply report: its {@code type}
 * (the same word as in the plan file: {@code createRole}, {@code changeMembers} ...) and its
 * {@code target} (the role's name, the user's email, {@code role order}, {@code settings} or
 * {@code owner}).
 */
public final class OperationLabel {

  private OperationLabel() {}

  public static String type(Operation op) {
    if (op instanceof CreateRole) {
      return "createRole";
    } else if (op instanceof UpdateRole) {
      return "updateRole";
    } else if (op instanceof ApproveApplier) {
      return "approveApplier";
    } else if (op instanceof DeleteRole) {
      return "deleteRole";
    } else if (op instanceof ChangeMembers) {
      return "changeMembers";
    } else if (op instanceof ReorderRoles) {
      return "reorderRoles";
    } else if (op instanceof UpdateSettings) {
      return "updateSettings";
    } else if (op instanceof TransferOwner) {
      return "transferOwner";
    } else if (op instanceof Operation.CreateDepartment) {
      return "createDepartment";
    } else if (op instanceof Operation.RenameDepartment) {
      return "renameDepartment";
    } else if (op instanceof Operation.DeleteDepartment) {
      return "deleteDepartment";
    } else if (op instanceof Operation.InviteUser) {
      return "inviteUser";
    } else if (op instanceof Operation.UpdateUser) {
      return "updateUser";
    } else if (op instanceof Operation.DisableUser) {
      return "disableUser";
    } else if (op instanceof Operation.DeleteUser) {
      return "deleteUser";
    } else if (op instanceof Operation.DenyApplier) {
      return "denyApplier";
    }
    throw new IllegalArgumentException("unknown operation " + op.getClass().getName());
  }

  public static String target(Operation op) {
    if (op instanceof CreateRole c) {
      return c.name();
    } else if (op instanceof UpdateRole u) {
      return u.role().name();
    } else if (op instanceof ApproveApplier a) {
      return a.user().email();
    } else if (op instanceof DeleteRole d) {
      return d.role().name();
    } else if (op instanceof ChangeMembers m) {
      return m.role().name();
    } else if (op instanceof ReorderRoles) {
      return "role order";
    } else if (op instanceof UpdateSettings) {
      return "settings";
    } else if (op instanceof TransferOwner) {
      return "owner";
    } else if (op instanceof Operation.CreateDepartment c) {
      return c.name();
    } else if (op instanceof Operation.RenameDepartment r) {
      return r.department().name();
    } else if (op instanceof Operation.DeleteDepartment d) {
      return d.department().name();
    } else if (op instanceof Operation.InviteUser i) {
      return i.email();
    } else if (op instanceof Operation.UpdateUser u) {
      return u.user().toString();
    } else if (op instanceof Operation.DisableUser d) {
      return d.user().toString();
    } else if (op instanceof Operation.DeleteUser d) {
      return d.user().toString();
    } else if (op instanceof Operation.DenyApplier d) {
      return d.user().toString();
    }
    throw new IllegalArgumentException("unknown operation " + op.getClass().getName());
  }
}
