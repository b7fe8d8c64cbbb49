package io.roleform.sandbox.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The audit log, oldest first; entries are only ever appended. */
public final class AuditTable {
  private AuditTable() {}

  public static void append(Connection c, Instant at, String actor, String action, String target)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO audit (at, actor, action, target) VALUES (?, ?, ?, ?)")) {
      s.setString(1, at.toString());
      s.setString(2, actor);
      s.setString(3, action);
      s.setString(4, target);
      s.executeUpdate();
    }
  }

  /** Entries with an id after {@code afterId} (0 = from the start). */
  public static Slice<AuditRow> page(Connection c, long afterId, int limit) throws SQLException {
    List<AuditRow> rows = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, at, actor, action, target FROM audit WHERE id > ? ORDER BY id LIMIT ?")) {
      s.setLong(1, afterId);
      s.setInt(2, limit + 1);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(new AuditRow(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5)));
        }
      }
    }
    return Slice.of(rows, limit);
  }
}
