package io.roleform.portal;

import java.util.List;
import java.util.Objects;

/**
 * A role as read live.
 *
 * @param id the portal's id for the role; stable across renames
 * @param permissions permission ids the role grants, sorted
 * @param caseActions the role's case actions (empty where the profile has none)
 * @param position 0-based display position; the admin role is always 0
 * @param builtIn a role the portal ships with; it cannot be deleted
 * @param fixedPermissions the role's permissions cannot be changed (built-ins)
 * @param memberCount number of members as the portal reports it
 * @param version the role's version, sent back as {@code If-Match} on writes
 */
public record LiveRole(
    String id,
    String name,
    String description,
    List<String> permissions,
    List<String> caseActions,
    int position,
    boolean builtIn,
    boolean fixedPermissions,
    int memberCount,
    String version) {

  public LiveRole {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(name, "name == null");
    description = description == null ? "" : description;
    permissions = permissions == null ? List.of() : List.copyOf(permissions);
    caseActions = caseActions == null ? List.of() : List.copyOf(caseActions);
  }
}
