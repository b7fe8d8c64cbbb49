package io.roleform.apply;

import io.roleform.diff.Operation;

/**
 * The short names of an operation used in progress lines and the apply report: its {@code type}
 * (the same word as in the plan file: {@code createRole}, {@code changeMembers} ...) and its
 * {@code target} (the role's name, the user's email, {@code role order}, {@code settings} or
 * {@code owner}).
 */
public final class OperationLabel {

  private OperationLabel() {}

  public static String type(Operation op) {
    return op.type();
  }

  public static String target(Operation op) {
    return op.accept(TARGET);
  }

  private static final Operation.Visitor<String> TARGET = new Operation.Visitor<>() {
    @Override
    public String createRole(Operation.CreateRole op) {
      return op.name();
    }

    @Override
    public String updateRole(Operation.UpdateRole op) {
      return op.role().name();
    }

    @Override
    public String approveApplier(Operation.ApproveApplier op) {
      return op.user().email();
    }

    @Override
    public String deleteRole(Operation.DeleteRole op) {
      return op.role().name();
    }

    @Override
    public String changeMembers(Operation.ChangeMembers op) {
      return op.role().name();
    }

    @Override
    public String reorderRoles(Operation.ReorderRoles op) {
      return "role order";
    }

    @Override
    public String updateSettings(Operation.UpdateSettings op) {
      return "settings";
    }

    @Override
    public String transferOwner(Operation.TransferOwner op) {
      return "owner";
    }

    @Override
    public String createDepartment(Operation.CreateDepartment op) {
      return op.name();
    }

    @Override
    public String renameDepartment(Operation.RenameDepartment op) {
      return op.department().name();
    }

    @Override
    public String deleteDepartment(Operation.DeleteDepartment op) {
      return op.department().name();
    }

    @Override
    public String inviteUser(Operation.InviteUser op) {
      return op.email();
    }

    @Override
    public String updateUser(Operation.UpdateUser op) {
      return op.user().toString();
    }

    @Override
    public String disableUser(Operation.DisableUser op) {
      return op.user().toString();
    }

    @Override
    public String deleteUser(Operation.DeleteUser op) {
      return op.user().toString();
    }

    @Override
    public String denyApplier(Operation.DenyApplier op) {
      return op.user().toString();
    }
  };
}
