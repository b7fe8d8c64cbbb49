package io.roleform.portal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The service-provider interface every portal kind implements: read the live state, and make each
 * kind of change in as few requests as the portal allows.
 *
 * <p>Implementations own the connection (credentials, retries with backoff, timeouts, redaction of
 * secrets, request logging — through the shared transport). Every write method either succeeds
 * exactly once — a retried write never applies twice — or throws {@link PortalException}. Write
 * methods do not re-read state.
 *
 * <p>Concurrent writers: after {@link #read()}, writes are conditional on the portal still being
 * as that read saw it, as far as the portal's {@link Capabilities.Concurrency} allows. With {@code
 * STATE_VERSION} each write requires the state version the previous write of this client left (the
 * first: the one read), so any other writer stops this one with {@link
 * PortalException.Kind#PRECONDITION_FAILED} instead of producing a mix of two configs.
 *
 * <p>Optional features ({@link Capabilities}) have their writes behind {@code Optional}
 * accessors, present exactly when the capabilities read include the feature: a client never has a
 * write that can only fail.
 */
public interface PortalClient extends AutoCloseable {

  /** Reads the whole live state, and starts the chain of conditional writes from it. */
  LiveState read();

  /** Creates a role; returns its id. */
  String createRole(NewRole role);

  /**
   * Updates a role; {@code expectedVersion} (may be {@code null}) is the role's version read at plan
   * time: the write fails with {@code PRECONDITION_FAILED} if the role changed since.
   */
  void updateRole(String roleId, RolePatch patch, String expectedVersion);

  /** Deletes a role, moving its members to {@code moveMembersToId} (or removing them if null). */
  void deleteRole(String roleId, String moveMembersToId);

  /** Sets the full display order; the admin role must be first. */
  void reorderRoles(List<String> roleIds);

  /** Adds and removes members of one role in a single batch. */
  void changeMembers(String roleId, Set<String> addUserIds, Set<String> removeUserIds);

  /** Present when the portal has {@link Capabilities.Feature#APPLIERS}. */
  default Optional<ApplierWrites> applierWrites() {
    return Optional.empty();
  }

  /** Present when the portal has any {@link Capabilities.Setting}. */
  default Optional<SettingsWrites> settingsWrites() {
    return Optional.empty();
  }

  /** Present when the portal has {@link Capabilities.Feature#OWNER_TRANSFER}. */
  default Optional<OwnerWrites> ownerWrites() {
    return Optional.empty();
  }

  /** Present when the portal has {@link Capabilities.Feature#USERS}. */
  default Optional<UserWrites> userWrites() {
    return Optional.empty();
  }

  /** Present when the portal has {@link Capabilities.Feature#DEPARTMENTS}. */
  default Optional<DepartmentWrites> departmentWrites() {
    return Optional.empty();
  }

  /** Releases connections and threads. Never throws. */
  @Override
  void close();

  /** Writes of a portal with pending appliers. */
  interface ApplierWrites {
    /** Approves a pending applier into a role. */
    void approveUser(String userId, String roleId);

    /** Denies a pending applier (who is then gone). */
    void denyUser(String userId);
  }

  /** Writes of a portal whose users roleform may create, change and delete (DESIGN.md §7). */
  interface UserWrites {
    /** Invites (creates) an active user; returns its id. No e-mail is sent. */
    String inviteUser(NewUser user);

    /** Changes a user's names, departments and/or status; {@code expectedVersion} may be null. */
    void updateUser(String userId, UserPatch patch, String expectedVersion);

    /** Deletes a user (on an application platform: removes them from the application). */
    void deleteUser(String userId);
  }

  /** Writes of a portal with departments. */
  interface DepartmentWrites {
    /** Creates a department; returns its id. */
    String createDepartment(String name);

    /** Renames a department, keeping its id and users; {@code expectedVersion} may be null. */
    void renameDepartment(String departmentId, String name, String expectedVersion);

    /** Deletes a department that has no users. */
    void deleteDepartment(String departmentId);
  }

  /** Writes of a portal with settings. */
  interface SettingsWrites {
    /** Updates portal settings; {@code null} values are left unchanged. */
    void updateSettings(Boolean allowView, Boolean notifyMembers);
  }

  /** Writes of a portal with an owner. */
  interface OwnerWrites {
    /** Transfers ownership of the portal to the user with that id. */
    void transferOwner(String newOwnerUserId);
  }
}
