package io.roleform.portal.http;

import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveUser;
import io.roleform.portal.Permission;
import io.roleform.portal.PortalInfo;
import io.roleform.portal.PortalSettings;
import io.roleform.portal.UserStatus;
import java.util.List;
import java.util.Locale;

/**
 * The shapes of Portal API v1 answers, exactly as sent, and their mapping to roleform's live
 * values (list pages are read by {@link ListPage}, their items by {@link LiveItems} and {@link
 * MemberPages}). They stay at this edge. Unknown fields are ignored (a newer portal may add some); a
 * missing required field fails the mapping with {@link Missing}, naming where.
 */
final class Wire {

  private Wire() {}

  /** A required field was absent or null. */
  static final class Missing extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Missing(String path) {
      super(path);
    }
  }

  record PortalDoc(
      String name,
      String profile,
      Long stateVersion,
      SettingsDoc settings,
      String adminRoleId,
      String roleManagementPermission,
      ViewerDoc viewer) {

    PortalInfo toLive() {
      SettingsDoc s = settings == null ? new SettingsDoc(null, null, null) : settings;
      return new PortalInfo(
          name,
          need(profile, "$.profile"),
          PortalApiCapabilities.of(profile),
          need(stateVersion, "$.stateVersion"),
          new PortalSettings(s.owner(), s.allowView(), s.notifyMembers()),
          need(adminRoleId, "$.adminRoleId"),
          roleManagementPermission,
          viewer == null ? null : viewer.userId(),
          viewer == null ? null : viewer.email());
    }
  }

  record SettingsDoc(String owner, Boolean allowView, Boolean notifyMembers) {}

  record ViewerDoc(String userId, String email, String scope) {}

  record PermissionDoc(String id, String name, String description, List<String> caseActions) {
    Permission toLive(int index) {
      return new Permission(need(id, index, "id"), name, description, caseActions);
    }
  }

  record UserDoc(
      String id, String email, String firstName, String lastName, String status, Boolean external,
      List<String> departments, String version) {
    LiveUser toLive(int index) {
      String s = need(status, index, "status");
      UserStatus userStatus;
      try {
        userStatus = UserStatus.valueOf(s.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new Missing(at(index, "status") + " (unknown status \"" + s + "\")");
      }
      return new LiveUser(
          need(id, index, "id"), need(email, index, "email"), firstName, lastName,
          userStatus, Boolean.TRUE.equals(external),
          departments == null ? List.of() : departments.stream().sorted().toList(), version);
    }
  }

  record DepartmentDoc(String id, String name, String version) {
    io.roleform.portal.LiveDepartment toLive(int index) {
      return new io.roleform.portal.LiveDepartment(need(id, index, "id"), need(name, index, "name"), version);
    }
  }

  record RoleDoc(
      String id,
      String name,
      String description,
      List<String> permissions,
      List<String> caseActions,
      Integer position,
      Boolean builtIn,
      Boolean fixedPermissions,
      Integer memberCount,
      String version) {
    LiveRole toLive(int index) {
      return new LiveRole(
          need(id, index, "id"), need(name, index, "name"), description,
          permissions == null ? List.of() : permissions.stream().sorted().toList(), caseActions,
          need(position, index, "position"), Boolean.TRUE.equals(builtIn),
          Boolean.TRUE.equals(fixedPermissions), memberCount == null ? 0 : memberCount, version);
    }
  }

  /** The answer to a role creation (the role; only its id matters). */
  record CreatedDoc(String id) {}

  static <T> T need(T value, String path) {
    if (value == null) {
      throw new Missing(path);
    }
    return value;
  }

  /** As {@link #need(Object, String)} for {@code field} of item {@code index}; the path is built only to fail. */
  static <T> T need(T value, int index, String field) {
    if (value == null) {
      throw new Missing(at(index, field));
    }
    return value;
  }

  static String at(int index, String field) {
    return "$.items[" + index + "]." + field;
  }
}
