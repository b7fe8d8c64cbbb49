package io.roleform.sandbox.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The permission catalog, in catalog order (its ordinal). */
public final class PermissionTable {
  private PermissionTable() {}

  /** The whole catalog in order (a handful of rows). */
  public static List<PermissionRow> all(Connection c) throws SQLException {
    return page(c, -1, Integer.MAX_VALUE - 1).items();
  }

  /** Permissions after the ordinal {@code afterOrdinal} (-1 = from the start). */
  public static Slice<PermissionRow> page(Connection c, long afterOrdinal, int limit)
      throws SQLException {
    List<PermissionRow> rows = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, name, description, case_actions FROM permissions WHERE ordinal > ?"
                + " ORDER BY ordinal LIMIT ?")) {
      s.setLong(1, afterOrdinal);
      s.setInt(2, limit + 1);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(
              new PermissionRow(
                  r.getString(1), r.getString(2), r.getString(3), StringLists.decode(r.getString(4))));
        }
      }
    }
    return Slice.of(rows, limit);
  }

  /** The ordinal of a permission (the list's keyset), or -1 if unknown. */
  public static long ordinal(Connection c, String id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT ordinal FROM permissions WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getLong(1) : -1;
      }
    }
  }

  static void insert(Connection c, int ordinal, PermissionRow p) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO permissions (id, ordinal, name, description, case_actions)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      s.setString(1, p.id());
      s.setInt(2, ordinal);
      s.setString(3, p.name());
      s.setString(4, p.description());
      s.setString(5, StringLists.encode(p.caseActions()));
      s.executeUpdate();
    }
  }
}
