package io.roleform.sandbox.http;

import io.roleform.sandbox.store.MembershipTable;
import io.roleform.sandbox.store.PortalRow;
import io.roleform.sandbox.store.Profile;
import io.roleform.sandbox.store.RoleTable;
import io.roleform.sandbox.store.UserRow;
import io.roleform.sandbox.store.UserTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * POST /users (invite), PATCH /users/{id} (names, departments, status), DELETE /users/{id}.
 *
 * <p>Invariants: emails are unique case-insensitively; a pending applier is approved or denied, not
 * patched; the token's own user and the owner are never disabled or deleted; on a portal that
 * requires it ({@code delete-needs-disable}, the case portal) a user is deleted only once disabled
 * (409 otherwise). Deleting removes the user from every role — on the app platform that is
 * "remove from the application".
 */
final class UserWrites {
  private UserWrites() {}

  static List<Route> routes() {
    return List.of(
        Route.write("POST", "/api/v1/users", UserWrites::create),
        Route.write("PATCH", "/api/v1/users/{id}", UserWrites::update),
        Route.write("DELETE", "/api/v1/users/{id}", UserWrites::delete));
  }

  static WriteOutcome create(WriteContext w) throws SQLException {
    Connection c = w.c();
    Body body = w.body(Set.of("email", "firstName", "lastName", "departments"));
    String email = PeopleRules.email(body.string("email", false));
    if (UserTable.byEmail(c, email).isPresent()) {
      throw ApiProblem.invariant("email", "A user with the email " + email + " already exists.");
    }
    String first = PeopleRules.personName("firstName", body.string("firstName", true));
    String last = PeopleRules.personName("lastName", body.string("lastName", true));
    List<String> departments = PeopleRules.departments(c, w.portal(), body.strings("departments"));
    UserRow user = new UserRow(UserTable.nextId(c), email, first, last, UserRow.ACTIVE, false,
        departments == null ? List.of() : departments, 1);
    UserTable.insert(c, user);
    ApiResponse response = ApiResponse.json(201, Wire.user(user))
        .withHeader("Location", "/api/v1/users/" + user.id())
        .withHeader("ETag", ApiResponse.etag(user.version()));
    return new WriteOutcome(response, "user.invite", describe(user));
  }

  static WriteOutcome update(WriteContext w) throws SQLException {
    Connection c = w.c();
    UserRow user = Lookups.user(c, w.request().param("id"));
    w.checkIfMatch("user " + user.id(), user.version());
    Body body = w.body(Set.of("firstName", "lastName", "departments", "status"));
    if (UserRow.PENDING.equals(user.status())) {
      throw ApiProblem.invariant(null, "User " + user.id() + " is a pending applier: approve or deny them instead.");
    }
    String first = body.has("firstName") ? PeopleRules.personName("firstName", body.string("firstName", true))
        : user.firstName();
    String last = body.has("lastName") ? PeopleRules.personName("lastName", body.string("lastName", true))
        : user.lastName();
    List<String> departments = body.has("departments")
        ? PeopleRules.departments(c, w.portal(), body.strings("departments")) : user.departments();
    String status = user.status();
    if (body.has("status")) {
      status = body.string("status", false);
      if (!UserRow.ACTIVE.equals(status) && !UserRow.DISABLED.equals(status)) {
        throw ApiProblem.invariant("status", "status is active or disabled.");
      }
      if (UserRow.DISABLED.equals(status) && !UserRow.DISABLED.equals(user.status())) {
        protect(w, user, "disabled");
      }
    }
    UserTable.update(c, user.id(), first, last, departments, status);
    UserRow updated = Lookups.user(c, user.id());
    ApiResponse response = ApiResponse.json(200, Wire.user(updated))
        .withHeader("ETag", ApiResponse.etag(updated.version()));
    return new WriteOutcome(response, "user.update", describe(updated) + " " + updated.status());
  }

  static WriteOutcome delete(WriteContext w) throws SQLException {
    Connection c = w.c();
    UserRow user = Lookups.user(c, w.request().param("id"));
    w.checkIfMatch("user " + user.id(), user.version());
    protect(w, user, "deleted");
    if (Profile.deleteNeedsDisable(w.portal().profile()) && !UserRow.DISABLED.equals(user.status())) {
      throw ApiProblem.conflict("user-not-disabled", "User " + user.id() + " " + user.email()
          + " must be disabled (PATCH status=disabled) before it can be deleted.");
    }
    for (String roleId : MembershipTable.removeUser(c, user.id())) {
      RoleTable.recount(c, roleId);
    }
    UserTable.delete(c, user.id());
    return new WriteOutcome(ApiResponse.noContent(), "user.delete", describe(user));
  }

  /** The token's own user and the owner are never disabled or deleted. */
  private static void protect(WriteContext w, UserRow user, String what) {
    if (user.id().equals(w.request().caller().userId())) {
      throw ApiProblem.invariant(null, "The token's own user " + user.email() + " cannot be " + what + ".");
    }
    PortalRow p = w.portal();
    if (user.id().equals(p.ownerUserId())) {
      throw ApiProblem.invariant(null, "The owner " + user.email() + " cannot be " + what
          + "; transfer ownership first.");
    }
  }

  static String describe(UserRow u) {
    return "user " + u.id() + " " + u.email();
  }
}
