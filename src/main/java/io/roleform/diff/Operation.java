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
  @JsonSubTypes.Type(value = Operation.TransferOwner.class, name = "transferOwner")
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
}
