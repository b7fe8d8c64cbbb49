package io.roleform.sandbox.http;

import io.roleform.sandbox.store.AuditRow;
import io.roleform.sandbox.store.MembershipTable.Membership;
import io.roleform.sandbox.store.PermissionRow;
import io.roleform.sandbox.store.PortalRow;
import io.roleform.sandbox.store.RoleRow;
import io.roleform.sandbox.store.UserRow;
import io.roleform.sandbox.store.UserTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The JSON bodies of Portal API v1, exactly as in schema/portal-api.yaml (the contract tests
 * validate every response against it). Mapped from store rows here and nowhere else.
 */
final class Wire {
  private Wire() {}

  record Page<T>(List<T> items, String nextCursor) {}

  record Settings(String owner, Boolean allowView, Boolean notifyMembers, String version) {}

  record Viewer(String userId, String email, String scope) {}

  record Portal(
      String name,
      String profile,
      long stateVersion,
      Settings settings,
      String adminRoleId,
      String roleManagementPermission,
      Viewer viewer,
      List<String> features) {}

  record Permission(String id, String name, String description, List<String> caseActions) {}

  record User(
      String id, String email, String firstName, String lastName, String status, boolean external,
      List<String> departments, String version) {}

  record Department(String id, String name, String version) {}

  record Role(
      String id,
      String name,
      String description,
      List<String> permissions,
      List<String> caseActions,
      long position,
      boolean builtIn,
      boolean fixedPermissions,
      int memberCount,
      String version) {}

  record Member(String roleId, String userId) {}

  record Audit(String id, String at, String actor, String action, String target) {}

  record Order(List<String> roleIds) {}

  record MemberCount(String roleId, int memberCount) {}

  static Settings settings(Connection c, PortalRow p) throws SQLException {
    String owner =
        p.ownerUserId() == null
            ? null
            : UserTable.byId(c, p.ownerUserId()).map(UserRow::email).orElse(null);
    return new Settings(owner, p.allowView(), p.notifyMembers(), Long.toString(p.settingsVersion()));
  }

  static Portal portal(Connection c, PortalRow p, Caller caller) throws SQLException {
    return new Portal(
        p.name(),
        p.profile(),
        p.stateVersion(),
        settings(c, p),
        p.adminRoleId(),
        p.roleManagementPermission(),
        new Viewer(caller.userId(), caller.email(), caller.scope()),
        io.roleform.sandbox.store.Profile.features(p.profile()));
  }

  static Permission permission(PermissionRow p) {
    return new Permission(p.id(), p.name(), p.description(), p.caseActions());
  }

  static User user(UserRow u) {
    return new User(u.id(), u.email(), u.firstName(), u.lastName(), u.status(), u.external(),
        u.departments(), Long.toString(u.version()));
  }

  static Department department(io.roleform.sandbox.store.DepartmentRow d) {
    return new Department(d.id(), d.name(), Long.toString(d.version()));
  }

  static Role role(RoleRow r) {
    return new Role(
        r.id(),
        r.name(),
        r.description(),
        r.permissions(),
        r.caseActions(),
        r.position(),
        r.builtIn(),
        r.fixedPermissions(),
        r.memberCount(),
        Long.toString(r.version()));
  }

  static Member member(Membership m) {
    return new Member(m.roleId(), m.userId());
  }

  static Audit audit(AuditRow a) {
    return new Audit(Long.toString(a.id()), a.at(), a.actor(), a.action(), a.target());
  }
}
