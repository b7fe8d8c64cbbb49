package io.roleform.sandbox.http;

import io.roleform.sandbox.store.PortalRow;
import io.roleform.sandbox.store.PortalTable;
import io.roleform.sandbox.store.UserRow;
import io.roleform.sandbox.store.UserTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** PATCH /portal/settings and POST /portal/owner-transfer. */
final class PortalWrites {
  private PortalWrites() {}

  static List<Route> routes() {
    return List.of(
        Route.write("PATCH", "/api/v1/portal/settings", PortalWrites::settings),
        Route.write("POST", "/api/v1/portal/owner-transfer", PortalWrites::transferOwner));
  }

  static WriteOutcome settings(WriteContext w) throws SQLException {
    Connection c = w.c();
    PortalRow p = w.portal();
    w.checkIfMatch("the portal settings", p.settingsVersion());
    Body body = w.body(Set.of("allowView", "notifyMembers", "owner"));
    if (body.has("owner")) {
      throw ApiProblem.invariant("owner", "The owner changes through POST /api/v1/portal/owner-transfer.");
    }
    Boolean allowView = body.bool("allowView");
    Boolean notifyMembers = body.bool("notifyMembers");
    if (!p.hasSettings()) {
      if (allowView != null || notifyMembers != null) {
        throw ApiProblem.invariant(
            allowView != null ? "allowView" : "notifyMembers",
            "The " + p.profile() + " portal has no '" + (allowView != null ? "allowView" : "notifyMembers") + "' setting.");
      }
    }
    PortalRow updated =
        PortalTable.updateSettings(
            c,
            p.ownerUserId(),
            allowView != null ? allowView : p.allowView(),
            notifyMembers != null ? notifyMembers : p.notifyMembers());
    return new WriteOutcome(
        settingsResponse(c, updated),
        "settings.update",
        "allowView=" + updated.allowView() + ", notifyMembers=" + updated.notifyMembers());
  }

  static WriteOutcome transferOwner(WriteContext w) throws SQLException {
    Connection c = w.c();
    PortalRow p = w.portal();
    Body body = w.body(Set.of("newOwner"));
    String newOwner = body.string("newOwner", false);
    if (newOwner == null || newOwner.isBlank()) {
      throw ApiProblem.invariant("newOwner", "newOwner is required: a user id or email.");
    }
    if (!p.hasSettings()) {
      throw ApiProblem.invariant("newOwner", "The " + p.profile() + " portal has no owner.");
    }
    Optional<UserRow> user =
        newOwner.contains("@") ? UserTable.byEmail(c, newOwner) : UserTable.byId(c, newOwner);
    if (user.isEmpty()) {
      throw ApiProblem.invariant("newOwner", "There is no user '" + newOwner + "'.");
    }
    UserRow u = user.get();
    if (!UserRow.ACTIVE.equals(u.status())) {
      throw ApiProblem.invariant("newOwner", "The owner must be an active user; " + u.email() + " is " + u.status() + ".");
    }
    if (u.external()) {
      throw ApiProblem.invariant("newOwner", "The owner cannot be an external collaborator (" + u.email() + ").");
    }
    PortalRow updated = PortalTable.updateSettings(c, u.id(), p.allowView(), p.notifyMembers());
    return new WriteOutcome(settingsResponse(c, updated), "owner.transfer", "owner " + u.email());
  }

  private static ApiResponse settingsResponse(Connection c, PortalRow p) throws SQLException {
    return ApiResponse.json(200, Wire.settings(c, p)).withHeader("ETag", ApiResponse.etag(p.settingsVersion()));
  }
}
