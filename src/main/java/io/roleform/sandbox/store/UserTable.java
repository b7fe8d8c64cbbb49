package io.roleform.sandbox.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Users, sorted by id (binary string order). */
public final class UserTable {
  private UserTable() {}

  private static final String COLUMNS =
      "id, email, first_name, last_name, status, external, departments, version";

  /** Users with an id after {@code afterId} ({@code null} = from the start). */
  public static Slice<UserRow> page(Connection c, String afterId, int limit) throws SQLException {
    List<UserRow> rows = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT " + COLUMNS + " FROM users WHERE id > ? ORDER BY id LIMIT ?")) {
      s.setString(1, afterId == null ? "" : afterId);
      s.setInt(2, limit + 1);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(row(r));
        }
      }
    }
    return Slice.of(rows, limit);
  }

  public static Optional<UserRow> byId(Connection c, String id) throws SQLException {
    return one(c, "SELECT " + COLUMNS + " FROM users WHERE id = ?", id);
  }

  /** Finds a user by email, case-insensitively. */
  public static Optional<UserRow> byEmail(Connection c, String email) throws SQLException {
    return one(c, "SELECT " + COLUMNS + " FROM users WHERE email_key = ?", key(email));
  }

  private static Optional<UserRow> one(Connection c, String sql, String arg) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, arg);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(row(r)) : Optional.empty();
      }
    }
  }

  private static UserRow row(ResultSet r) throws SQLException {
    return new UserRow(
        r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getBoolean(6),
        StringLists.decode(r.getString(7)), r.getLong(8));
  }

  public static void setStatus(Connection c, String id, String status) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("UPDATE users SET status = ?, version = version + 1 WHERE id = ?")) {
      s.setString(1, status);
      s.setString(2, id);
      s.executeUpdate();
    }
  }

  public static void delete(Connection c, String id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("DELETE FROM users WHERE id = ?")) {
      s.setString(1, id);
      s.executeUpdate();
    }
  }

  /** Inserts one user (an invitation). */
  public static void insert(Connection c, UserRow u) throws SQLException {
    try (PreparedStatement s = prepareInsert(c)) {
      addBatch(s, u);
      s.executeBatch();
    }
  }

  /** Sets names, departments and status, and bumps the version. */
  public static void update(Connection c, String id, String firstName, String lastName, List<String> departments,
      String status) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("UPDATE users SET first_name = ?, last_name = ?,"
        + " departments = ?, status = ?, version = version + 1 WHERE id = ?")) {
      s.setString(1, firstName);
      s.setString(2, lastName);
      s.setString(3, StringLists.encode(departments));
      s.setString(4, status);
      s.setString(5, id);
      s.executeUpdate();
    }
  }

  /** How many users belong to the department. */
  public static int countInDepartment(Connection c, String departmentId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT COUNT(*) FROM users, json_each(users.departments) WHERE json_each.value = ?")) {
      s.setString(1, departmentId);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getInt(1) : 0;
      }
    }
  }

  /** The next free user id ({@code u<n>}), advancing the portal's counter. */
  public static String nextId(Connection c) throws SQLException {
    return PortalTable.nextUserId(c);
  }

  /** A prepared insert for seeding and generation; the caller batches and closes it. */
  static PreparedStatement prepareInsert(Connection c) throws SQLException {
    return c.prepareStatement(
        "INSERT INTO users (id, email, email_key, first_name, last_name, status, external, departments,"
            + " version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  }

  static void addBatch(PreparedStatement s, UserRow u) throws SQLException {
    s.setString(1, u.id());
    s.setString(2, u.email());
    s.setString(3, key(u.email()));
    s.setString(4, u.firstName());
    s.setString(5, u.lastName());
    s.setString(6, u.status());
    s.setBoolean(7, u.external());
    s.setString(8, StringLists.encode(u.departments()));
    s.setLong(9, u.version());
    s.addBatch();
  }

  private static String key(String email) {
    return email.toLowerCase(Locale.ROOT);
  }
}
