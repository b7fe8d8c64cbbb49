package io.roleform.sandbox.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Roles, sorted by position. Names are unique case-insensitively (a unique key column). */
public final class RoleTable {
  private RoleTable() {}

  private static final String COLUMNS =
      "id, name, description, permissions, case_actions, position, built_in, fixed_permissions,"
          + " member_count, version";

  /** Roles with a position after {@code afterPosition} (-1 = from the start). */
  public static Slice<RoleRow> page(Connection c, long afterPosition, int limit) throws SQLException {
    List<RoleRow> rows = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT " + COLUMNS + " FROM roles WHERE position > ? ORDER BY position LIMIT ?")) {
      s.setLong(1, afterPosition);
      s.setInt(2, limit + 1);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(row(r));
        }
      }
    }
    return Slice.of(rows, limit);
  }

  /** Every role id in display order. */
  public static List<String> idsInOrder(Connection c) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT id FROM roles ORDER BY position");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        ids.add(r.getString(1));
      }
    }
    return ids;
  }

  public static Optional<RoleRow> byId(Connection c, String id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM roles WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(row(r)) : Optional.empty();
      }
    }
  }

  /** The id of the role with this name (case-insensitive), if any. */
  public static Optional<String> idByName(Connection c, String name) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT id FROM roles WHERE name_key = ?")) {
      s.setString(1, key(name));
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    }
  }

  /** The roles a user is a member of. */
  public static List<RoleRow> ofUser(Connection c, String userId) throws SQLException {
    List<RoleRow> rows = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM roles WHERE id IN (SELECT role_id FROM memberships WHERE user_id = ?)")) {
      s.setString(1, userId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(row(r));
        }
      }
    }
    return rows;
  }

  /** The position after the last role. */
  public static long nextPosition(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(position), -1) + 1 FROM roles");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  private static RoleRow row(ResultSet r) throws SQLException {
    return new RoleRow(
        r.getString(1),
        r.getString(2),
        r.getString(3),
        StringLists.decode(r.getString(4)),
        StringLists.decode(r.getString(5)),
        r.getLong(6),
        r.getBoolean(7),
        r.getBoolean(8),
        r.getInt(9),
        r.getLong(10));
  }

  /** Inserts a role exactly as given. */
  public static void insert(Connection c, RoleRow role) throws SQLException {
    try (PreparedStatement s = prepareInsert(c)) {
      addBatch(s, role);
      s.executeBatch();
    }
  }

  static PreparedStatement prepareInsert(Connection c) throws SQLException {
    return c.prepareStatement(
        "INSERT INTO roles (id, name, name_key, description, permissions, case_actions, position,"
            + " built_in, fixed_permissions, member_count, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  }

  static void addBatch(PreparedStatement s, RoleRow role) throws SQLException {
    s.setString(1, role.id());
    s.setString(2, role.name());
    s.setString(3, key(role.name()));
    s.setString(4, role.description());
    s.setString(5, StringLists.encode(role.permissions()));
    s.setString(6, StringLists.encode(role.caseActions()));
    s.setLong(7, role.position());
    s.setBoolean(8, role.builtIn());
    s.setBoolean(9, role.fixedPermissions());
    s.setInt(10, role.memberCount());
    s.setLong(11, role.version());
    s.addBatch();
  }

  /** Replaces name, description, permissions and case actions, and bumps the version. */
  public static void update(
      Connection c,
      String id,
      String name,
      String description,
      List<String> permissions,
      List<String> caseActions)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE roles SET name = ?, name_key = ?, description = ?, permissions = ?,"
                + " case_actions = ?, version = version + 1 WHERE id = ?")) {
      s.setString(1, name);
      s.setString(2, key(name));
      s.setString(3, description);
      s.setString(4, StringLists.encode(permissions));
      s.setString(5, StringLists.encode(caseActions));
      s.setString(6, id);
      s.executeUpdate();
    }
  }

  /** Sets the positions to 0..n-1 in the given order (every role id exactly once). */
  public static void reorder(Connection c, List<String> ids) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("UPDATE roles SET position = ? WHERE id = ?")) {
      for (int i = 0; i < ids.size(); i++) {
        s.setLong(1, i);
        s.setString(2, ids.get(i));
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** Recounts a role's members from the membership table; returns the count. */
  public static int recount(Connection c, String id) throws SQLException {
    int n;
    try (PreparedStatement s =
        c.prepareStatement("SELECT COUNT(*) FROM memberships WHERE role_id = ?")) {
      s.setString(1, id);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        n = r.getInt(1);
      }
    }
    try (PreparedStatement s = c.prepareStatement("UPDATE roles SET member_count = ? WHERE id = ?")) {
      s.setInt(1, n);
      s.setString(2, id);
      s.executeUpdate();
    }
    return n;
  }

  public static void delete(Connection c, String id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("DELETE FROM roles WHERE id = ?")) {
      s.setString(1, id);
      s.executeUpdate();
    }
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
