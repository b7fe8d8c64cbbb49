package io.roleform.sandbox.http;

import io.roleform.sandbox.store.MembershipTable;
import io.roleform.sandbox.store.PermissionRow;
import io.roleform.sandbox.store.PortalTable;
import io.roleform.sandbox.store.RoleRow;
import io.roleform.sandbox.store.RoleTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** POST /roles, PATCH and DELETE /roles/{id}, PUT /roles/order. */
final class RoleWrites {
  private RoleWrites() {}

  static List<Route> routes() {
    return List.of(
        Route.write("PUT", "/api/v1/roles/order", RoleWrites::reorder),
        Route.write("POST", "/api/v1/roles", RoleWrites::create),
        Route.write("PATCH", "/api/v1/roles/{id}", RoleWrites::update),
        Route.write("DELETE", "/api/v1/roles/{id}", RoleWrites::delete));
  }

  static WriteOutcome create(WriteContext w) throws SQLException {
    Connection c = w.c();
    Body body = w.body(Set.of("name", "description", "permissions", "caseActions", "copyFrom"));
    String name = body.string("name", false);
    String description = body.string("description", true);
    List<String> permissions = body.strings("permissions");
    List<String> caseActions = body.strings("caseActions");
    String copyFrom = body.string("copyFrom", true);
    RoleRules.name(c, name, null);
    if (copyFrom != null) {
      RoleRow template =
          RoleTable.byId(c, copyFrom)
              .orElseThrow(
                  () -> ApiProblem.invariant("copyFrom", "There is no role with id '" + copyFrom + "' to copy from."));
      description = body.has("description") ? description : template.description();
      permissions = permissions != null ? permissions : template.permissions();
      caseActions = caseActions != null ? caseActions : template.caseActions();
    }
    List<PermissionRow> catalog = RoleRules.catalog(c);
    List<String> perms = RoleRules.permissions(catalog, permissions == null ? List.of() : permissions);
    List<String> actions =
        perms.contains(RoleRules.CASES) || (caseActions != null && !caseActions.isEmpty())
            ? RoleRules.caseActions(catalog, caseActions == null ? List.of() : caseActions, perms)
            : List.of();
    String id = PortalTable.nextRoleId(c);
    RoleRow role =
        new RoleRow(id, name, RoleRules.description(description), perms, actions,
            RoleTable.nextPosition(c), false, false, 0, 1);
    RoleTable.insert(c, role);
    ApiResponse response =
        ApiResponse.json(201, Wire.role(role))
            .withHeader("Location", "/api/v1/roles/" + id)
            .withHeader("ETag", ApiResponse.etag(role.version()));
    return new WriteOutcome(response, "role.create", describe(role));
  }

  static WriteOutcome update(WriteContext w) throws SQLException {
    Connection c = w.c();
    RoleRow role = Lookups.role(c, w.request().param("id"));
    w.checkIfMatch("role " + role.id(), role.version());
    Body body = w.body(Set.of("name", "description", "permissions", "caseActions"));
    boolean isAdmin = role.id().equals(w.portal().adminRoleId());
    String name = role.name();
    if (body.has("name")) {
      name = RoleRules.name(c, body.string("name", false), role.id());
      if (role.builtIn() && !name.equals(role.name())) {
        throw ApiProblem.invariant("name", "The built-in role '" + role.name() + "' cannot be renamed.");
      }
    }
    String description =
        body.has("description") ? RoleRules.description(body.string("description", true)) : role.description();
    List<PermissionRow> catalog = RoleRules.catalog(c);
    List<String> permissions = role.permissions();
    if (body.has("permissions")) {
      permissions = RoleRules.permissions(catalog, body.strings("permissions"));
      if (role.fixedPermissions() && !permissions.equals(role.permissions())) {
        throw ApiProblem.invariant(
            "permissions", "The permissions of the built-in role '" + role.name() + "' are fixed.");
      }
    }
    List<String> caseActions = role.caseActions();
    if (body.has("caseActions")) {
      caseActions = RoleRules.caseActions(catalog, body.strings("caseActions"), permissions);
      if (isAdmin && !caseActions.equals(role.caseActions())) {
        throw ApiProblem.invariant(
            "caseActions", "The admin role always holds every case action.");
      }
    } else if (!permissions.contains(RoleRules.CASES)) {
      caseActions = List.of(); // a role that loses 'cases' loses its case actions
    }
    RoleTable.update(c, role.id(), name, description, permissions, caseActions);
    RoleRow updated = Lookups.role(c, role.id());
    ApiResponse response =
        ApiResponse.json(200, Wire.role(updated)).withHeader("ETag", ApiResponse.etag(updated.version()));
    return new WriteOutcome(response, "role.update", describe(updated));
  }

  static WriteOutcome delete(WriteContext w) throws SQLException {
    Connection c = w.c();
    RoleRow role = Lookups.role(c, w.request().param("id"));
    w.checkIfMatch("role " + role.id(), role.version());
    if (role.builtIn()) {
      throw ApiProblem.invariant("id", "The built-in role '" + role.name() + "' cannot be deleted.");
    }
    String target = w.request().query().get("moveMembersTo");
    String what = describe(role);
    if (target != null) {
      if (target.equals(role.id())) {
        throw ApiProblem.invariant("moveMembersTo", "moveMembersTo must name another role, not the one deleted.");
      }
      RoleRow to =
          RoleTable.byId(c, target)
              .orElseThrow(
                  () -> ApiProblem.invariant("moveMembersTo", "There is no role with id '" + target + "' to move members to."));
      MembershipTable.move(c, role.id(), to.id());
      RoleTable.recount(c, to.id());
      what += ", " + role.memberCount() + " members moved to " + describe(to);
    } else {
      MembershipTable.removeAll(c, role.id());
      what += ", " + role.memberCount() + " members removed";
    }
    RoleTable.delete(c, role.id());
    return new WriteOutcome(ApiResponse.noContent(), "role.delete", what);
  }

  static WriteOutcome reorder(WriteContext w) throws SQLException {
    Connection c = w.c();
    Body body = w.body(Set.of("roleIds"));
    List<String> ids = body.strings("roleIds");
    if (ids == null) {
      throw ApiProblem.invariant("roleIds", "roleIds is required: every role id exactly once, the admin role first.");
    }
    List<String> current = RoleTable.idsInOrder(c);
    if (ids.size() != body.size("roleIds")) {
      throw ApiProblem.invariant("roleIds", "roleIds lists a role more than once.");
    }
    if (!new HashSet<>(ids).equals(new HashSet<>(current))) {
      Set<String> missing = new HashSet<>(current);
      ids.forEach(missing::remove);
      Set<String> unknown = new HashSet<>(ids);
      current.forEach(unknown::remove);
      throw ApiProblem.invariant(
          "roleIds",
          "roleIds must list every role exactly once"
              + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", sorted(missing)))
              + (unknown.isEmpty() ? "" : "; unknown: " + String.join(", ", sorted(unknown)))
              + ".");
    }
    if (!ids.get(0).equals(w.portal().adminRoleId())) {
      throw ApiProblem.invariant(
          "roleIds", "The admin role (" + w.portal().adminRoleId() + ") must come first.");
    }
    RoleTable.reorder(c, ids);
    return new WriteOutcome(
        ApiResponse.json(200, new Wire.Order(ids)), "roles.reorder", ids.size() + " roles");
  }

  private static List<String> sorted(Set<String> s) {
    return s.stream().sorted().limit(20).toList();
  }

  static String describe(RoleRow role) {
    return "role " + role.id() + " '" + role.name() + "'";
  }
}
