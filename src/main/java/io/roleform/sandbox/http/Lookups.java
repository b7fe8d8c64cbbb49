package io.roleform.sandbox.http;

import io.roleform.sandbox.store.RoleRow;
import io.roleform.sandbox.store.RoleTable;
import io.roleform.sandbox.store.UserRow;
import io.roleform.sandbox.store.UserTable;
import java.sql.Connection;
import java.sql.SQLException;

/** Loads the resource a path names, or answers 404. */
final class Lookups {
  private Lookups() {}

  static RoleRow role(Connection c, String id) throws SQLException {
    return RoleTable.byId(c, id)
        .orElseThrow(() -> ApiProblem.notFound("There is no role with id '" + id + "'."));
  }

  static UserRow user(Connection c, String id) throws SQLException {
    return UserTable.byId(c, id)
        .orElseThrow(() -> ApiProblem.notFound("There is no user with id '" + id + "'."));
  }
}
