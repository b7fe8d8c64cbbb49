package io.roleform.sandbox.http;

import io.roleform.sandbox.store.AuditTable;
import io.roleform.sandbox.store.MembershipTable;
import io.roleform.sandbox.store.MembershipTable.Membership;
import io.roleform.sandbox.store.PermissionRow;
import io.roleform.sandbox.store.PermissionTable;
import io.roleform.sandbox.store.PortalRow;
import io.roleform.sandbox.store.RoleRow;
import io.roleform.sandbox.store.RoleTable;
import io.roleform.sandbox.store.Slice;
import io.roleform.sandbox.store.UserRow;
import io.roleform.sandbox.store.UserTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The GET endpoints. Lists are keyset-paginated: the cursor holds the sort key of the last item
 * served, so an item that exists during a whole scan is served exactly once, whatever is written
 * meanwhile — except that {@code PUT /roles/order} during a scan of {@code /roles} may move a role
 * across the cursor (roles are sorted by position).
 */
final class ReadEndpoints {
  private ReadEndpoints() {}

  static List<Route> routes() {
    return List.of(
        Route.get("/api/v1/portal", ReadEndpoints::portal),
        Route.get("/api/v1/permissions", ReadEndpoints::permissions),
        Route.get("/api/v1/users", ReadEndpoints::users),
        Route.get("/api/v1/departments", ReadEndpoints::departments),
        Route.get("/api/v1/roles", ReadEndpoints::roles),
        Route.get("/api/v1/roles/{id}", ReadEndpoints::role),
        Route.get("/api/v1/memberships", ReadEndpoints::memberships),
        Route.get("/api/v1/audit", ReadEndpoints::audit));
  }

  static ApiResponse portal(ApiRequest r, Connection c, PortalRow p) throws SQLException {
    return ApiResponse.json(200, Wire.portal(c, p, r.caller()))
        .withHeader("ETag", ApiResponse.etag(p.settingsVersion()));
  }

  static ApiResponse permissions(ApiRequest r, Connection c, PortalRow p) throws SQLException {
    PageRequest page = PageRequest.parse(r.query(), "permissions", 1);
    long after = page.cursorKeys() == null ? -1 : page.numericKey();
    Slice<PermissionRow> slice = PermissionTable.page(c, after, page.limit());
    String next = null;
    if (slice.more()) {
      PermissionRow last = slice.items().get(slice.items().size() - 1);
      next = PageRequest.encode("permissions", Long.toString(PermissionTable.ordinal(c, last.id())));
    }
    return page(slice.items().stream().map(Wire::permission).toList(), next);
  }

  static ApiResponse users(ApiRequest r, Connection c, PortalRow p) throws SQLException {
    PageRequest page = PageRequest.parse(r.query(), "users", 1);
    Slice<UserRow> slice =
        UserTable.page(c, page.cursorKeys() == null ? null : page.cursorKeys().get(0), page.limit());
    String next =
        slice.more() ? PageRequest.encode("users", slice.items().get(slice.items().size() - 1).id()) : null;
    return page(slice.items().stream().map(Wire::user).toList(), next);
  }

  static ApiResponse departments(ApiRequest r, Connection c, PortalRow p) throws SQLException {
    PeopleRules.requireDepartments(p);
    PageRequest page = PageRequest.parse(r.query(), "departments", 1);
    Slice<io.roleform.sandbox.store.DepartmentRow> slice = io.roleform.sandbox.store.DepartmentTable.page(
        c, page.cursorKeys() == null ? null : page.cursorKeys().get(0), page.limit());
    String next = slice.more()
        ? PageRequest.encode("departments", slice.items().get(slice.items().size() - 1).id()) : null;
    return page(slice.items().stream().map(Wire::department).toList(), next);
  }

  static ApiResponse roles(ApiRequest r, Connection c, PortalRow p) throws SQLException {
    PageRequest page = PageRequest.parse(r.query(), "roles", 1);
    long after = page.cursorKeys() == null ? -1 : page.numericKey();
    Slice<RoleRow> slice = RoleTable.page(c, after, page.limit());
    String next =
        slice.more()
            ? PageRequest.encode(
                "roles", Long.toString(slice.items().get(slice.items().size() - 1).position()))
            : null;
    return page(slice.items().stream().map(Wire::role).toList(), next);
  }

  static ApiResponse role(ApiRequest r, Connection c, PortalRow p) throws SQLException {
    RoleRow role = Lookups.role(c, r.param("id"));
    return ApiResponse.json(200, Wire.role(role)).withHeader("ETag", ApiResponse.etag(role.version()));
  }

  static ApiResponse memberships(ApiRequest r, Connection c, PortalRow p) throws SQLException {
    PageRequest page = PageRequest.parse(r.query(), "memberships", 2);
    List<String> k = page.cursorKeys();
    Slice<Membership> slice =
        MembershipTable.page(c, k == null ? null : k.get(0), k == null ? null : k.get(1), page.limit());
    String next = null;
    if (slice.more()) {
      Membership last = slice.items().get(slice.items().size() - 1);
      next = PageRequest.encode("memberships", last.roleId(), last.userId());
    }
    return page(slice.items().stream().map(Wire::member).toList(), next);
  }

  static ApiResponse audit(ApiRequest r, Connection c, PortalRow p) throws SQLException {
    PageRequest page = PageRequest.parse(r.query(), "audit", 1);
    long after = page.cursorKeys() == null ? 0 : page.numericKey();
    var slice = AuditTable.page(c, after, page.limit());
    String next =
        slice.more()
            ? PageRequest.encode("audit", Long.toString(slice.items().get(slice.items().size() - 1).id()))
            : null;
    return page(slice.items().stream().map(Wire::audit).toList(), next);
  }

  private static <T> ApiResponse page(List<T> items, String nextCursor) {
    return ApiResponse.json(200, new Wire.Page<>(items, nextCursor));
  }
}
