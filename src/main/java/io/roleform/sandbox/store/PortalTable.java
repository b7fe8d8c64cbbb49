package io.roleform.sandbox.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Reads and writes the single portal row. */
public final class PortalTable {
  private PortalTable() {}

  /** The portal, or empty on a database that was never seeded. */
  public static Optional<PortalRow> find(Connection c) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT name, profile, state_version, admin_role_id, role_management_permission,"
                    + " has_settings, owner_user_id, allow_view, notify_members, settings_version"
                    + " FROM portal WHERE id = 1");
        ResultSet r = s.executeQuery()) {
      if (!r.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new PortalRow(
              r.getString(1),
              r.getString(2),
              r.getLong(3),
              r.getString(4),
              r.getString(5),
              r.getBoolean(6),
              r.getString(7),
              bool(r, 8),
              bool(r, 9),
              r.getLong(10)));
    }
  }

  /** The portal of a seeded database. */
  public static PortalRow load(Connection c) throws SQLException {
    return find(c).orElseThrow(() -> new StoreException("the sandbox database is not seeded", null));
  }

  private static Boolean bool(ResultSet r, int col) throws SQLException {
    int v = r.getInt(col);
    return r.wasNull() ? null : v != 0;
  }

  static void insert(Connection c, PortalRow p, long nextRole, long nextUser) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO portal (id, name, profile, state_version, admin_role_id,"
                + " role_management_permission, has_settings, owner_user_id, allow_view,"
                + " notify_members, settings_version, next_role, next_user)"
                + " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, p.name());
      s.setString(2, p.profile());
      s.setLong(3, p.stateVersion());
      s.setString(4, p.adminRoleId());
      s.setString(5, p.roleManagementPermission());
      s.setBoolean(6, p.hasSettings());
      s.setString(7, p.ownerUserId());
      s.setObject(8, p.allowView() == null ? null : p.allowView() ? 1 : 0);
      s.setObject(9, p.notifyMembers() == null ? null : p.notifyMembers() ? 1 : 0);
      s.setLong(10, p.settingsVersion());
      s.setLong(11, nextRole);
      s.setLong(12, nextUser);
      s.executeUpdate();
    }
  }

  /** Sets the state version (the caller adds exactly 1 per successful write). */
  public static void setStateVersion(Connection c, long stateVersion) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("UPDATE portal SET state_version = ? WHERE id = 1")) {
      s.setLong(1, stateVersion);
      s.executeUpdate();
    }
  }

  /** Replaces the settings and bumps their version; returns the new row. */
  public static PortalRow updateSettings(
      Connection c, String ownerUserId, Boolean allowView, Boolean notifyMembers) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE portal SET owner_user_id = ?, allow_view = ?, notify_members = ?,"
                + " settings_version = settings_version + 1 WHERE id = 1")) {
      s.setString(1, ownerUserId);
      s.setObject(2, allowView == null ? null : allowView ? 1 : 0);
      s.setObject(3, notifyMembers == null ? null : notifyMembers ? 1 : 0);
      s.executeUpdate();
    }
    return load(c);
  }

  /** Allocates the next role id ({@code r<n>}). */
  public static String nextRoleId(Connection c) throws SQLException {
    return "r" + allocate(c, "next_role");
  }

  /** Allocates the next user id ({@code u<n>}). */
  public static String nextUserId(Connection c) throws SQLException {
    return "u" + allocate(c, "next_user");
  }

  private static long allocate(Connection c, String column) throws SQLException {
    long n;
    try (PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM portal WHERE id = 1");
        ResultSet r = s.executeQuery()) {
      r.next();
      n = r.getLong(1);
    }
    try (PreparedStatement s =
        c.prepareStatement("UPDATE portal SET " + column + " = ? WHERE id = 1")) {
      s.setLong(1, n + 1);
      s.executeUpdate();
    }
    return n;
  }
}
