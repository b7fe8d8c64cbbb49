package io.roleform.diff;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One step of a plan: a single change to the portal, which apply carries out with the minimum
 * number of requests the portal allows (one, for Portal API v1). Every operation says why it is in
 * the plan ({@link #reason()}), as Terraform's {@code action_reason}.
 *
 * <p>Operations are values: they hold what the change is, never its outcome.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Operation.CreateRole.class, name = "createRole"),
  @JsonSubTypes.Type(value = Operation.UpdateRole.class, name = "updateRole"),
  @JsonSubTypes.Type(value = Operation.ApproveApplier.class, name = "approveApplier"),
  @JsonSubTypes.Type(value = Operation.DeleteRole.class, name = "deleteRole"),
  @JsonSubTypes.Type(value = Operation.ChangeMembers.class, name = "changeMembers"),
  @JsonSubTypes.Type(value = Operation.ReorderRoles.class, name = "reorderRoles"),
  @JsonSubTypes.Type(value = Operation.UpdateSettings.class, name = "updateSettings"),
  @JsonSubTypes.Type(value = Operation.TransferOwner.class, name = "transferOwner"),
  @JsonSubTypes.Type(value = Operation.CreateDepartment.class, name = "createDepartment"),
  @JsonSubTypes.Type(value = Operation.RenameDepartment.class, name = "renameDepartment"),
  @JsonSubTypes.Type(value = Operation.DeleteDepartment.class, name = "deleteDepartment"),
  @JsonSubTypes.Type(value = Operation.InviteUser.class, name = "inviteUser"),
  @JsonSubTypes.Type(value = Operation.UpdateUser.class, name = "updateUser"),
  @JsonSubTypes.Type(value = Operation.DisableUser.class, name = "disableUser"),
  @JsonSubTypes.Type(value = Operation.DeleteUser.class, name = "deleteUser"),
  @JsonSubTypes.Type(value = Operation.DenyApplier.class, name = "denyApplier")
})
public sealed interface Operation {

  /** {@code +}, {@code ~} or {@code -}. */
  Action action();

  /** Why this change is in the plan, in words a reviewer reads ("not in the live portal"). */
  String reason();

  /**
   * Creates a role. Permissions and description are final: a {@code copyFrom} template's values are
   * already merged in, explicit config values winning.
   *
   * @param copyFrom the template, or {@code null}
   */
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
  }

  /**
   * Changes a live role in place (one PATCH). A {@code null} change is left alone. {@code
   * expectedVersion} is the version read at plan time, sent as {@code If-Match}.
   */
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
  }

  /** Approves a pending applier into a role (the config lists them as a member). */
  record ApproveApplier(UserRef user, RoleRef role, String reason) implements Operation {
    @Override
    public Action action() {
      return Action.UPDATE;
    }
  }

  /**
   * Deletes a role. Its {@code memberCount} members move to {@code moveMembersTo}, or are removed
   * from it when that is {@code null}.
   */
  record DeleteRole(RoleRef role, RoleRef moveMembersTo, int memberCount, String reason)
      implements Operation {
    @Override
    public Action action() {
      return Action.DELETE;
    }
  }

  /** Adds and removes members of one role in one batch. Lists are sorted by email. */
  record ChangeMembers(
      RoleRef role, java.util.List<UserRef> add, java.util.List<UserRef> remove, String reason)
      implements Operation {
    @Override
    public Action action() {
      return Action.UPDATE;
    }
  }

  /** Sets the full display order (the admin role first) in one call. */
  record ReorderRoles(java.util.List<RoleRef> before, java.util.List<RoleRef> after, String reason)
      implements Operation {
    @Override
    public Action action() {
      return Action.UPDATE;
    }
  }

  /** Changes portal settings; a {@code null} change is left alone. */
  record UpdateSettings(Change<Boolean> allowView, Change<Boolean> notifyMembers, String reason)
      implements Operation {
    @Override
    public Action action() {
      return Action.UPDATE;
    }
  }

  /** Transfers ownership. {@code from} is {@code null} when the portal reported no owner. */
  record TransferOwner(UserRef from, UserRef to, String reason) implements Operation {
    @Override
    public Action action() {
      return Action.UPDATE;
    }
  }

  /** Creates a department (DESIGN.md §7). */
  record CreateDepartment(String name, String reason) implements Operation {
    @Override
    public Action action() {
      return Action.CREATE;
    }
  }

  /** Renames a live department, keeping its id and its users. */
  record RenameDepartment(DepartmentRef department, Change<String> name, String expectedVersion, String reason)
      implements Operation {
    @Override
    public Action action() {
      return Action.UPDATE;
    }
  }

  /**
   * Deletes a department. {@code usersLeft} is how many users would still be in it when it is
   * deleted (a plan with any is refused).
   */
  record DeleteDepartment(DepartmentRef department, int usersLeft, String reason) implements Operation {
    @Override
    public Action action() {
      return Action.DELETE;
    }
  }

  /**
   * Invites (creates) an active user; no e-mail is sent by roleform. A {@code null} name is left
   * empty.
   */
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
  }

  /**
   * Changes a live user in place: names, departments, or re-enabling a disabled user ({@code
   * status} only ever goes to {@code active} here; disabling is {@link DisableUser}, which runs
   * after role changes). A {@code null} change is left alone.
   */
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
  }

  /** Disables a user's login (the account and its memberships stay; access is lost). */
  record DisableUser(UserRef user, String expectedVersion, String reason) implements Operation {
    @Override
    public Action action() {
      return Action.UPDATE;
    }
  }

  /**
   * Deletes a user; they leave every role. On an application platform this removes the user from
   * the application. {@code roles} are the names of the roles they leave, sorted.
   */
  record DeleteUser(UserRef user, java.util.List<String> roles, String reason) implements Operation {
    @Override
    public Action action() {
      return Action.DELETE;
    }
  }

  /** Denies a pending applier (who is then gone). */
  record DenyApplier(UserRef user, String reason) implements Operation {
    @Override
    public Action action() {
      return Action.DELETE;
    }
  }
}
