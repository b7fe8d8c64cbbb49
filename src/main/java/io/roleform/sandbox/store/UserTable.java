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

  private static final String COLUMNS = "id, email, first_name, last_name, status, external";

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
        r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getBoolean(6));
  }

  public static void setStatus(Connection c, String id, String status) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("UPDATE users SET status = ? WHERE id = ?")) {
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

  /** A prepared insert for seeding and generation; the caller batches and closes it. */
  static PreparedStatement prepareInsert(Connection c) throws SQLException {
    return c.prepareStatement(
        "INSERT INTO users (id, email, email_key, first_name, last_name, status, external)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)");
  }

  static void addBatch(PreparedStatement s, UserRow u) throws SQLException {
    s.setString(1, u.id());
    s.setString(2, u.email());
    s.setString(3, key(u.email()));
    s.setString(4, u.firstName());
    s.setString(5, u.lastName());
    s.setString(6, u.status());
    s.setBoolean(7, u.external());
    s.addBatch();
  }

  private static String key(String email) {
    return email.toLowerCase(Locale.ROOT);
  }
}
