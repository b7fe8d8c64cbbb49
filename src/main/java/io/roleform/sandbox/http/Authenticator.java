package io.roleform.sandbox.http;

import io.roleform.sandbox.store.PortalRow;
import io.roleform.sandbox.store.RoleRow;
import io.roleform.sandbox.store.RoleTable;
import io.roleform.sandbox.store.UserRow;
import io.roleform.sandbox.store.UserTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Bearer-token auth: no or unknown token (or one whose user is not in the portal) → 401; a write
 * needs the write scope and a user holding the profile's role-management permission through some
 * role → else 403. Never echoes a token.
 */
final class Authenticator {
  private final Tokens tokens;

  Authenticator(Tokens tokens) {
    this.tokens = tokens;
  }

  Caller authenticate(Connection c, String authorization, boolean write) throws SQLException {
    String token = null;
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = authorization.substring(7).trim();
    }
    Tokens.Grant grant = tokens.grant(token);
    if (grant == null) {
      throw ApiProblem.unauthorized();
    }
    Optional<UserRow> user = UserTable.byEmail(c, grant.email());
    if (user.isEmpty()) {
      throw ApiProblem.unauthorized();
    }
    Caller caller = new Caller(user.get().id(), user.get().email(), grant.scope());
    if (!UserRow.ACTIVE.equals(user.get().status())) {
      throw ApiProblem.forbidden("The token's user " + caller.email() + " is " + user.get().status() + ".");
    }
    if (write) {
      if (!caller.canWrite()) {
        throw ApiProblem.forbidden("This token has the read scope; writes need a token with the write scope.");
      }
      PortalRow portal = io.roleform.sandbox.store.PortalTable.load(c);
      String needed = portal.roleManagementPermission();
      boolean holds =
          RoleTable.ofUser(c, caller.userId()).stream()
              .map(RoleRow::permissions)
              .anyMatch(p -> p.contains(needed));
      if (!holds) {
        throw ApiProblem.forbidden(
            caller.email() + " does not hold the '" + needed + "' permission through any role, so cannot change roles.");
      }
    }
    return caller;
  }
}
