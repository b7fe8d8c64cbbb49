package io.roleform.sandbox.http;

import io.roleform.sandbox.store.PermissionRow;
import io.roleform.sandbox.store.PermissionTable;
import io.roleform.sandbox.store.RoleTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The role invariants (422 naming the field): names, permission ids and case actions. */
final class RoleRules {
  static final int MAX_NAME = 200;
  static final int MAX_DESCRIPTION = 2000;
  static final String CASES = "cases";

  private RoleRules() {}

  /** A valid name not used by another role (case-insensitively). */
  static String name(Connection c, String name, String exceptRoleId) throws SQLException {
    if (name == null || name.isBlank()) {
      throw ApiProblem.invariant("name", "A role needs a non-empty name.");
    }
    if (name.length() > MAX_NAME) {
      throw ApiProblem.invariant("name", "A role name has at most " + MAX_NAME + " characters.");
    }
    if (!name.equals(name.strip())) {
      throw ApiProblem.invariant("name", "A role name must not start or end with whitespace.");
    }
    Optional<String> holder = RoleTable.idByName(c, name);
    if (holder.isPresent() && !holder.get().equals(exceptRoleId)) {
      throw ApiProblem.invariant(
          "name", "Another role (" + holder.get() + ") is already named '" + name + "' (names are case-insensitive).");
    }
    return name;
  }

  static String description(String description) {
    String d = description == null ? "" : description;
    if (d.length() > MAX_DESCRIPTION) {
      throw ApiProblem.invariant(
          "description", "A description has at most " + MAX_DESCRIPTION + " characters.");
    }
    return d;
  }

  /** Known permission ids, sorted. */
  static List<String> permissions(List<PermissionRow> catalog, List<String> ids) {
    List<String> known = catalog.stream().map(PermissionRow::id).toList();
    List<String> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
    if (!unknown.isEmpty()) {
      throw ApiProblem.invariant(
          "permissions",
          "Unknown permission ids: " + String.join(", ", unknown) + ". Known: " + String.join(", ", known) + ".");
    }
    return ids.stream().sorted().toList();
  }

  /** Case actions from the catalog of {@code cases}, only on a role holding it; catalog order. */
  static List<String> caseActions(List<PermissionRow> catalog, List<String> actions, List<String> permissions) {
    if (actions.isEmpty()) {
      return List.of();
    }
    List<String> known =
        catalog.stream().filter(p -> p.id().equals(CASES)).findFirst().map(PermissionRow::caseActions).orElse(List.of());
    if (known.isEmpty()) {
      throw ApiProblem.invariant("caseActions", "This portal has no case actions.");
    }
    List<String> unknown = actions.stream().filter(a -> !known.contains(a)).toList();
    if (!unknown.isEmpty()) {
      throw ApiProblem.invariant(
          "caseActions",
          "Unknown case actions: " + String.join(", ", unknown) + ". Known: " + String.join(", ", known) + ".");
    }
    if (!permissions.contains(CASES)) {
      throw ApiProblem.invariant(
          "caseActions", "Case actions apply only to a role that holds the 'cases' permission.");
    }
    List<String> ordered = new ArrayList<>(known);
    ordered.retainAll(actions);
    return ordered;
  }

  static List<PermissionRow> catalog(Connection c) throws SQLException {
    return PermissionTable.all(c);
  }
}
