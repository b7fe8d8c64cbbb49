package io.roleform.sandbox.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Departments, sorted by id (binary string order); names unique case-insensitively. */
public final class DepartmentTable {
  private DepartmentTable() {}

  /** Departments with an id after {@code afterId} ({@code null} = from the start). */
  public static Slice<DepartmentRow> page(Connection c, String afterId, int limit) throws SQLException {
    List<DepartmentRow> rows = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement("SELECT id, name, version FROM departments WHERE id > ? ORDER BY id LIMIT ?")) {
      s.setString(1, afterId == null ? "" : afterId);
      s.setInt(2, limit + 1);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) rows.add(new DepartmentRow(r.getString(1), r.getString(2), r.getLong(3)));
      }
    }
    return Slice.of(rows, limit);
  }

  public static Optional<DepartmentRow> byId(Connection c, String id) throws SQLException {
    return one(c, "SELECT id, name, version FROM departments WHERE id = ?", id);
  }

  /** Finds a department by name, case-insensitively. */
  public static Optional<DepartmentRow> byName(Connection c, String name) throws SQLException {
    return one(c, "SELECT id, name, version FROM departments WHERE name_key = ?", key(name));
  }

  private static Optional<DepartmentRow> one(Connection c, String sql, String arg) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, arg);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(new DepartmentRow(r.getString(1), r.getString(2), r.getLong(3))) : Optional.empty();
      }
    }
  }

  /** Inserts a department with the next free id {@code d<n>}; returns it. */
  public static DepartmentRow insert(Connection c, String name) throws SQLException {
    long n = 1;
    try (PreparedStatement s = c.prepareStatement(
            "SELECT COALESCE(MAX(CAST(substr(id, 2) AS INTEGER)), 0) + 1 FROM departments");
        ResultSet r = s.executeQuery()) {
      if (r.next()) n = r.getLong(1);
    }
    DepartmentRow row = new DepartmentRow("d" + n, name, 1);
    insert(c, row);
    return row;
  }

  static void insert(Connection c, DepartmentRow row) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO departments (id, name, name_key, version) VALUES (?, ?, ?, ?)")) {
      s.setString(1, row.id());
      s.setString(2, row.name());
      s.setString(3, key(row.name()));
      s.setLong(4, row.version());
      s.executeUpdate();
    }
  }

  public static void rename(Connection c, String id, String name) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "UPDATE departments SET name = ?, name_key = ?, version = version + 1 WHERE id = ?")) {
      s.setString(1, name);
      s.setString(2, key(name));
      s.setString(3, id);
      s.executeUpdate();
    }
  }

  public static void delete(Connection c, String id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("DELETE FROM departments WHERE id = ?")) {
      s.setString(1, id);
      s.executeUpdate();
    }
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
