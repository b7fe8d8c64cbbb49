package io.roleform.sandbox.store;

import java.util.List;

/**
 * One role.
 *
 * @param permissions sorted permission ids
 * @param caseActions case actions, in the catalog's order
 * @param position display position; 0 is the admin role; unique, gaps allowed after deletions
 * @param version bumped by every change of name, description, permissions or case actions
 */
public record RoleRow(
    String id,
    String name,
    String description,
    List<String> permissions,
    List<String> caseActions,
    long position,
    boolean builtIn,
    boolean fixedPermissions,
    int memberCount,
    long version) {
  public RoleRow {
    permissions = List.copyOf(permissions);
    caseActions = List.copyOf(caseActions);
  }
}
