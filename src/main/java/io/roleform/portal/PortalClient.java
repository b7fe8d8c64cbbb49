package io.roleform.portal;

import java.util.List;
import java.util.Set;

/**
 * The service-provider interface every kind of portal implements: read the live state, and make
 * each kind of change in as few requests as the portal allows.
 *
 * <p>Implementations own transport concerns (auth, retries with backoff, timeouts, redaction of
 * secrets, request logging). Every write method either succeeds exactly once — a retried write
 * never applies twice — or throws {@link PortalException}. Write methods do not re-read state.
 *
 * <p>Write chaining: after {@link #guardWrites(long)} each write is made conditional on the portal
 * still being at the state version the previous write of this client left it at, so that any other
 * writer stops this one with {@link PortalException.Kind#PRECONDITION_FAILED} instead of producing
 * a mix of two configs. Portals without a state version ignore the guard.
 */
public interface PortalClient extends AutoCloseable {

  /** Reads the whole live state. */
  LiveState read();

  /** From now on, every write requires the portal to be at {@code stateVersion} (then chains). */
  void guardWrites(long stateVersion);

  /** Creates a role; returns its id. */
  String createRole(NewRole role);

  /** Updates a role; {@code expectedVersion} (may be {@code null}) is sent as {@code If-Match}. */
  void updateRole(String roleId, RolePatch patch, String expectedVersion);

  /** Deletes a role, moving its members to {@code moveMembersToId} (or removing them if null). */
  void deleteRole(String roleId, String moveMembersToId);

  /** Sets the full display order; the admin role must be first. */
  void reorderRoles(List<String> roleIds);

  /** Adds and removes members of one role in a single batch. */
  void changeMembers(String roleId, Set<String> addUserIds, Set<String> removeUserIds);

  /** Approves a pending applier into a role. */
  void approveUser(String userId, String roleId);

  /** Updates portal settings; {@code null} values are left unchanged. */
  void updateSettings(Boolean allowView, Boolean notifyMembers);

  /** Transfers ownership of the portal/app to the user with that id. */
  void transferOwner(String newOwnerUserId);

  /** Invites (creates) an active user; returns its id. No e-mail is sent. */
  default String inviteUser(NewUser user) {
    throw unsupported("inviting users");
  }

  /** Changes a user's names, departments and/or status; {@code expectedVersion} may be null. */
  default void updateUser(String userId, UserPatch patch, String expectedVersion) {
    throw unsupported("changing users");
  }

  /** Deletes a user (on an application platform: removes them from the application). */
  default void deleteUser(String userId) {
    throw unsupported("deleting users");
  }

  /** Denies a pending applier. */
  default void denyUser(String userId) {
    throw unsupported("denying appliers");
  }

  /** Creates a department; returns its id. */
  default String createDepartment(String name) {
    throw unsupported("departments");
  }

  /** Renames a department; {@code expectedVersion} may be null. */
  default void renameDepartment(String departmentId, String name, String expectedVersion) {
    throw unsupported("departments");
  }

  /** Deletes a department that has no users. */
  default void deleteDepartment(String departmentId) {
    throw unsupported("departments");
  }

  private static PortalException unsupported(String what) {
    return new PortalException(PortalException.Kind.UNSUPPORTED, 0,
        "this kind of portal does not support " + what);
  }

  /** Releases connections and threads. Never throws. */
  @Override
  void close();
}
