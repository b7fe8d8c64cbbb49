package io.roleform.sandbox.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables and indexes. Keyset pagination relies on: {@code users(id)}, {@code
 * memberships(role_id, user_id)} (the primary key, without rowid), {@code roles(position)}, {@code
 * permissions(ordinal)} and {@code audit(id)}.
 */
final class Schema {
  private Schema() {}

  private static final String[] DDL = {
    """
    CREATE TABLE IF NOT EXISTS portal (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      name TEXT NOT NULL, profile TEXT NOT NULL, state_version INTEGER NOT NULL,
      admin_role_id TEXT NOT NULL, role_management_permission TEXT NOT NULL,
      has_settings INTEGER NOT NULL, owner_user_id TEXT, allow_view INTEGER, notify_members INTEGER,
      settings_version INTEGER NOT NULL, next_role INTEGER NOT NULL, next_user INTEGER NOT NULL)""",
    """
    CREATE TABLE IF NOT EXISTS permissions (
      id TEXT PRIMARY KEY, ordinal INTEGER NOT NULL UNIQUE, name TEXT NOT NULL,
      description TEXT NOT NULL, case_actions TEXT NOT NULL)""",
    """
    CREATE TABLE IF NOT EXISTS users (
      id TEXT PRIMARY KEY, email TEXT NOT NULL, email_key TEXT NOT NULL UNIQUE,
      first_name TEXT NOT NULL, last_name TEXT NOT NULL, status TEXT NOT NULL,
      external INTEGER NOT NULL, departments TEXT NOT NULL DEFAULT '[]',
      version INTEGER NOT NULL DEFAULT 1) WITHOUT ROWID""",
    """
    CREATE TABLE IF NOT EXISTS departments (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE,
      version INTEGER NOT NULL) WITHOUT ROWID""",
    """
    CREATE TABLE IF NOT EXISTS roles (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE,
      description TEXT NOT NULL, permissions TEXT NOT NULL, case_actions TEXT NOT NULL,
      position INTEGER NOT NULL, built_in INTEGER NOT NULL, fixed_permissions INTEGER NOT NULL,
      member_count INTEGER NOT NULL, version INTEGER NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS roles_position ON roles(position)",
    """
    CREATE TABLE IF NOT EXISTS memberships (
      role_id TEXT NOT NULL, user_id TEXT NOT NULL,
      PRIMARY KEY (role_id, user_id)) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS memberships_by_user ON memberships(user_id, role_id)",
    """
    CREATE TABLE IF NOT EXISTS audit (
      id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL,
      action TEXT NOT NULL, target TEXT NOT NULL)""",
    """
    CREATE TABLE IF NOT EXISTS idempotency (
      key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, status INTEGER NOT NULL,
      headers TEXT NOT NULL, body BLOB) WITHOUT ROWID""",
  };

  static void create(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String ddl : DDL) {
        s.execute(ddl);
      }
      // Databases written before users had departments and versions gain the two columns.
      addColumnIfMissing(s, "users", "departments", "TEXT NOT NULL DEFAULT '[]'");
      addColumnIfMissing(s, "users", "version", "INTEGER NOT NULL DEFAULT 1");
    }
    c.commit();
  }

  private static void addColumnIfMissing(Statement s, String table, String column, String type)
      throws SQLException {
    try (java.sql.ResultSet r = s.executeQuery("PRAGMA table_info(" + table + ")")) {
      while (r.next()) {
        if (column.equals(r.getString("name"))) return;
      }
    }
    s.execute("ALTER TABLE " + table + " ADD COLUMN " + column + " " + type);
  }
}
