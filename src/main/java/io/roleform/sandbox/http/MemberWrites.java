package io.roleform.sandbox.http;

import io.roleform.sandbox.store.MembershipTable;
import io.roleform.sandbox.store.RoleRow;
import io.roleform.sandbox.store.RoleTable;
import io.roleform.sandbox.store.UserRow;
import io.roleform.sandbox.store.UserTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** POST /roles/{id}/members, POST /users/{id}/approve and /deny. */
final class MemberWrites {
  /** At most this many user ids in one batch (add and remove together). */
  static final int MAX_BATCH = 10_000;

  private MemberWrites() {}

  static List<Route> routes() {
    return List.of(
        Route.write("POST", "/api/v1/roles/{id}/members", MemberWrites::members),
        Route.write("POST", "/api/v1/users/{id}/approve", MemberWrites::approve),
        Route.write("POST", "/api/v1/users/{id}/deny", MemberWrites::deny));
  }

  static WriteOutcome members(WriteContext w) throws SQLException {
    Connection c = w.c();
    RoleRow role = Lookups.role(c, w.request().param("id"));
    Body body = w.body(Set.of("add", "remove"));
    List<String> add = body.strings("add");
    List<String> remove = body.strings("remove");
    add = add == null ? List.of() : add;
    remove = remove == null ? List.of() : remove;
    if (body.size("add") + body.size("remove") > MAX_BATCH) {
      throw ApiProblem.invariant(
          body.size("add") > body.size("remove") ? "add" : "remove",
          "A batch changes at most " + MAX_BATCH + " members (add and remove together); split it.");
    }
    Set<String> both = new HashSet<>(add);
    both.retainAll(remove);
    if (!both.isEmpty()) {
      throw ApiProblem.invariant(
          "remove", "A user cannot be both added and removed: " + first(new ArrayList<>(both)) + ".");
    }
    List<String> unknownAdd = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    for (String id : add) {
      Optional<UserRow> u = UserTable.byId(c, id);
      if (u.isEmpty()) {
        unknownAdd.add(id);
      } else if (UserRow.PENDING.equals(u.get().status())) {
        pending.add(id);
      }
    }
    if (!unknownAdd.isEmpty()) {
      throw ApiProblem.invariant("add", "Unknown user ids: " + first(unknownAdd) + ".");
    }
    if (!pending.isEmpty()) {
      throw ApiProblem.invariant(
          "add",
          "Pending appliers must be approved (POST /users/{id}/approve) before they can be added: "
              + first(pending) + ".");
    }
    List<String> unknownRemove = new ArrayList<>();
    for (String id : remove) {
      if (UserTable.byId(c, id).isEmpty()) {
        unknownRemove.add(id);
      }
    }
    if (!unknownRemove.isEmpty()) {
      throw ApiProblem.invariant("remove", "Unknown user ids: " + first(unknownRemove) + ".");
    }
    MembershipTable.add(c, role.id(), add);
    MembershipTable.remove(c, role.id(), remove);
    int count = RoleTable.recount(c, role.id());
    return new WriteOutcome(
        ApiResponse.json(200, new Wire.MemberCount(role.id(), count)),
        "role.members",
        RoleWrites.describe(role) + ": +" + add.size() + " -" + remove.size());
  }

  static WriteOutcome approve(WriteContext w) throws SQLException {
    Connection c = w.c();
    UserRow user = Lookups.user(c, w.request().param("id"));
    Body body = w.body(Set.of("roleId"));
    if (!UserRow.PENDING.equals(user.status())) {
      throw ApiProblem.invariant(null, "User " + user.id() + " is not a pending applier (" + user.status() + ").");
    }
    String roleId = body.string("roleId", false);
    if (roleId == null) {
      throw ApiProblem.invariant("roleId", "roleId is required: the role to approve the applier into.");
    }
    RoleRow role =
        RoleTable.byId(c, roleId)
            .orElseThrow(() -> ApiProblem.invariant("roleId", "There is no role with id '" + roleId + "'."));
    UserTable.setStatus(c, user.id(), UserRow.ACTIVE);
    MembershipTable.add(c, role.id(), List.of(user.id()));
    RoleTable.recount(c, role.id());
    UserRow approved = Lookups.user(c, user.id());
    return new WriteOutcome(
        ApiResponse.json(200, Wire.user(approved)),
        "user.approve",
        "user " + user.id() + " " + user.email() + " into " + RoleWrites.describe(role));
  }

  static WriteOutcome deny(WriteContext w) throws SQLException {
    Connection c = w.c();
    UserRow user = Lookups.user(c, w.request().param("id"));
    if (!UserRow.PENDING.equals(user.status())) {
      throw ApiProblem.invariant(null, "User " + user.id() + " is not a pending applier (" + user.status() + ").");
    }
    for (String roleId : MembershipTable.removeUser(c, user.id())) {
      RoleTable.recount(c, roleId);
    }
    UserTable.delete(c, user.id());
    return new WriteOutcome(
        ApiResponse.noContent(), "user.deny", "user " + user.id() + " " + user.email());
  }

  private static String first(List<String> ids) {
    List<String> shown = ids.stream().limit(10).toList();
    return String.join(", ", shown) + (ids.size() > shown.size() ? " and " + (ids.size() - shown.size()) + " more" : "");
  }
}
