package io.roleform.diff;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * One step of a plan: a single change to the portal, which apply carries out with the minimum
 * number of requests the portal allows (one, for Portal API v1). Every operation says why it is in
 * the plan ({@link #reason()}), as Terraform's {@code action_reason}.
 *
 * <p>Operations are values: they hold what the change is, never its outcome.
 *
 * <p>Code that handles operations does so through one {@link Visitor}, never by {@code instanceof}:
 * adding an operation kind is then a compile error in every place that does not handle it yet. The
 * kind's name ({@code createRole} ...) is written once, in its {@link JsonTypeName}, and read back
 * with {@link #type()}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(Operation.CreateRole.class),
  @JsonSubTypes.Type(Operation.UpdateRole.class),
  @JsonSubTypes.Type(Operation.ApproveApplier.class),
  @JsonSubTypes.Type(Operation.DeleteRole.class),
  @JsonSubTypes.Type(Operation.ChangeMembers.class),
  @JsonSubTypes.Type(Operation.ReorderRoles.class),
  @JsonSubTypes.Type(Operation.UpdateSettings.class),
  @JsonSubTypes.Type(Operation.TransferOwner.class),
  @JsonSubTypes.Type(Operation.CreateDepartment.class),
  @JsonSubTypes.Type(Operation.RenameDepartment.class),
  @JsonSubTypes.Type(Operation.DeleteDepartment.class),
  @JsonSubTypes.Type(Operation.InviteUser.class),
  @JsonSubTypes.Type(Operation.UpdateUser.class),
  @JsonSubTypes.Type(Operation.DisableUser.class),
  @JsonSubTypes.Type(Operation.DeleteUser.class),
  @JsonSubTypes.Type(Operation.DenyApplier.class)
})
public sealed interface Operation {

  /** {@code +}, {@code ~} or {@code -}. */
  Action action();

  /** Why this change is in the plan, in words a reviewer reads ("not in the live portal"). */
  String reason();

  /** Calls the {@code visitor} method for this operation's kind and returns what it returns. */
  <R> R accept(Visitor<R> visitor);

  /**
   * The kind's name, as in the plan file's {@code type} field ({@code createRole}, {@code
   * changeMembers} ...).
   */
  @JsonIgnore
  default String type() {
    return getClass().getAnnotation(JsonTypeName.class).value();
  }

  /**
   * One method per operation kind. Implementations handle every kind explicitly (an operation a
   * handler does not care about returns its neutral value), so a new kind cannot be forgotten.
   *
   * @param <R> what handling an operation yields ({@link Void} for side effects only)
   */
  interface Visitor<R> {
    R createRole(CreateRole op);

    R updateRole(UpdateRole op);

    R approveApplier(ApproveApplier op);

    R deleteRole(DeleteRole op);

    R changeMembers(ChangeMembers op);

    R reorderRoles(ReorderRoles op);

    R updateSettings(UpdateSettings op);

    R transferOwner(TransferOwner op);

    R createDepartment(CreateDepartment op);

    R renameDepartment(RenameDepartment op);

    R deleteDepartment(DeleteDepartment op);

    R inviteUser(InviteUser op);

    R updateUser(UpdateUser op);

    R disableUser(DisableUser op);

    R deleteUser(DeleteUser op);

    R denyApplier(DenyApplier op);
  }

  /**
   * Creates a role. Permissions and description are final: a {@code copyFrom} template's values are
   * already merged in, explicit config values winning.
   *
   * @param copyFrom the template, or {@code null}
   */
  @JsonTypeName("createRole")
  record CreateRole(
      String name,
      String description,
      java.util.List<String> permissions,
      java.util.List<String> caseActions,
      RoleRef copyFrom,
      String reason)
      implements Operation {
    @Override
    public Action action() {
      return Action.CREATE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.createRole(this);
    }
  }

  /**
   * Changes a live role in place (one PATCH). A {@code null} change is left alone. {@code
   * expectedVersion} is the version read at plan time, sent as {@code If-Match}.
   */
  @JsonTypeName("updateRole")
  record UpdateRole(
      RoleRef role,
      Change<String> name,
      Change<String> description,
      Change<java.util.List<String>> permissions,
      Change<java.util.List<String>> caseActions,
      String expectedVersion,
      String reason)
      implements Operation {
    @Override
    public Action action() {
      return Action.UPDATE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.updateRole(this);
    }
  }

  /** Approves a pending applier into a role (the config lists them as a member). */
  @JsonTypeName("approveApplier")
  record ApproveApplier(UserRef user, RoleRef role, String reason) implements Operation {
    @Override
    public Action action() {
      return Action.UPDATE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.approveApplier(this);
    }
  }

  /**
   * Deletes a role. Its {@code memberCount} members move to {@code moveMembersTo}, or are removed
   * from it when that is {@code null}.
   */
  @JsonTypeName("deleteRole")
  record DeleteRole(RoleRef role, RoleRef moveMembersTo, int memberCount, String reason)
      implements Operation {
    @Override
    public Action action() {
      return Action.DELETE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.deleteRole(this);
    }
  }

  /** Adds and removes members of one role in one batch. Lists are sorted by email. */
  @JsonTypeName("changeMembers")
  record ChangeMembers(
      RoleRef role, java.util.List<UserRef> add, java.util.List<UserRef> remove, String reason)
      implements Operation {
    @Override
    public Action action() {
      return Action.UPDATE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.changeMembers(this);
    }
  }

  /** Sets the full display order (the admin role first) in one call. */
  @JsonTypeName("reorderRoles")
  record ReorderRoles(java.util.List<RoleRef> before, java.util.List<RoleRef> after, String reason)
      implements Operation {
    @Override
    public Action action() {
      return Action.UPDATE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.reorderRoles(this);
    }
  }

  /** Changes portal settings; a {@code null} change is left alone. */
  @JsonTypeName("updateSettings")
  record UpdateSettings(Change<Boolean> allowView, Change<Boolean> notifyMembers, String reason)
      implements Operation {
    @Override
    public Action action() {
      return Action.UPDATE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.updateSettings(this);
    }
  }

  /** Transfers ownership. {@code from} is {@code null} when the portal reported no owner. */
  @JsonTypeName("transferOwner")
  record TransferOwner(UserRef from, UserRef to, String reason) implements Operation {
    @Override
    public Action action() {
      return Action.UPDATE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.transferOwner(this);
    }
  }

  /** Creates a department (DESIGN.md §7). */
  @JsonTypeName("createDepartment")
  record CreateDepartment(String name, String reason) implements Operation {
    @Override
    public Action action() {
      return Action.CREATE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.createDepartment(this);
    }
  }

  /** Renames a live department, keeping its id and its users. */
  @JsonTypeName("renameDepartment")
  record RenameDepartment(DepartmentRef department, Change<String> name, String expectedVersion, String reason)
      implements Operation {
    @Override
    public Action action() {
      return Action.UPDATE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.renameDepartment(this);
    }
  }

  /**
   * Deletes a department. {@code usersLeft} is how many users would still be in it when it is
   * deleted (a plan with any is refused).
   */
  @JsonTypeName("deleteDepartment")
  record DeleteDepartment(DepartmentRef department, int usersLeft, String reason) implements Operation {
    @Override
    public Action action() {
      return Action.DELETE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.deleteDepartment(this);
    }
  }

  /**
   * Invites (creates) an active user; no e-mail is sent by roleform. A {@code null} name is left
   * empty.
   */
  @JsonTypeName("inviteUser")
  record InviteUser(
      String email,
      String firstName,
      String lastName,
      java.util.List<DepartmentRef> departments,
      String reason)
      implements Operation {
    @Override
    public Action action() {
      return Action.CREATE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.inviteUser(this);
    }
  }

  /**
   * Changes a live user in place: names, departments, or re-enabling a disabled user ({@code
   * status} only ever goes to {@code active} here; disabling is {@link DisableUser}, which runs
   * after role changes). A {@code null} change is left alone.
   */
  @JsonTypeName("updateUser")
  record UpdateUser(
      UserRef user,
      Change<String> firstName,
      Change<String> lastName,
      Change<java.util.List<DepartmentRef>> departments,
      Change<String> status,
      String expectedVersion,
      String reason)
      implements Operation {
    @Override
    public Action action() {
      return Action.UPDATE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.updateUser(this);
    }
  }

  /** Disables a user's login (the account and its memberships stay; access is lost). */
  @JsonTypeName("disableUser")
  record DisableUser(UserRef user, String expectedVersion, String reason) implements Operation {
    @Override
    public Action action() {
      return Action.UPDATE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.disableUser(this);
    }
  }

  /**
   * Deletes a user; they leave every role. On an application platform this removes the user from
   * the application. {@code roles} are the names of the roles they leave, sorted.
   */
  @JsonTypeName("deleteUser")
  record DeleteUser(UserRef user, java.util.List<String> roles, String reason) implements Operation {
    @Override
    public Action action() {
      return Action.DELETE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.deleteUser(this);
    }
  }

  /** Denies a pending applier (who is then gone). */
  @JsonTypeName("denyApplier")
  record DenyApplier(UserRef user, String reason) implements Operation {
    @Override
    public Action action() {
      return Action.DELETE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.denyApplier(this);
    }
  }
}
