package io.roleform.sandbox.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The membership table, sorted by (roleId, userId) in binary string order. */
public final class MembershipTable {
  private MembershipTable() {}

  /** One membership. */
  public record Membership(String roleId, String userId) {}

  /** Memberships after the key ({@code afterRoleId}, {@code afterUserId}); null = from the start. */
  public static Slice<Membership> page(
      Connection c, String afterRoleId, String afterUserId, int limit) throws SQLException {
    List<Membership> rows = new ArrayList<>(Math.min(limit + 1, 1001));
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT role_id, user_id FROM memberships WHERE (role_id, user_id) > (?, ?)"
                + " ORDER BY role_id, user_id LIMIT ?")) {
      s.setString(1, afterRoleId == null ? "" : afterRoleId);
      s.setString(2, afterUserId == null ? "" : afterUserId);
      s.setInt(3, limit + 1);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(new Membership(r.getString(1), r.getString(2)));
        }
      }
    }
    return Slice.of(rows, limit);
  }

  /** Adds members (present ones are left alone). */
  public static void add(Connection c, String roleId, Collection<String> userIds) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("INSERT OR IGNORE INTO memberships (role_id, user_id) VALUES (?, ?)")) {
      batch(s, roleId, userIds);
    }
  }

  /** Removes members (absent ones are ignored). */
  public static void remove(Connection c, String roleId, Collection<String> userIds)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM memberships WHERE role_id = ? AND user_id = ?")) {
      batch(s, roleId, userIds);
    }
  }

  private static void batch(PreparedStatement s, String roleId, Collection<String> userIds)
      throws SQLException {
    for (String userId : userIds) {
      s.setString(1, roleId);
      s.setString(2, userId);
      s.addBatch();
    }
    s.executeBatch();
  }

  /** Moves every member of {@code fromRoleId} into {@code toRoleId} (a union) and empties the first. */
  public static void move(Connection c, String fromRoleId, String toRoleId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT OR IGNORE INTO memberships (role_id, user_id)"
                + " SELECT ?, user_id FROM memberships WHERE role_id = ?")) {
      s.setString(1, toRoleId);
      s.setString(2, fromRoleId);
      s.executeUpdate();
    }
    removeAll(c, fromRoleId);
  }

  /** Removes every member of a role. */
  public static void removeAll(Connection c, String roleId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("DELETE FROM memberships WHERE role_id = ?")) {
      s.setString(1, roleId);
      s.executeUpdate();
    }
  }

  /** Removes a user from every role; returns the affected role ids. */
  public static List<String> removeUser(Connection c, String userId) throws SQLException {
    List<String> roles = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement("SELECT role_id FROM memberships WHERE user_id = ?")) {
      s.setString(1, userId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          roles.add(r.getString(1));
        }
      }
    }
    try (PreparedStatement s = c.prepareStatement("DELETE FROM memberships WHERE user_id = ?")) {
      s.setString(1, userId);
      s.executeUpdate();
    }
    return roles;
  }

  static PreparedStatement prepareInsert(Connection c) throws SQLException {
    return c.prepareStatement("INSERT INTO memberships (role_id, user_id) VALUES (?, ?)");
  }
}
