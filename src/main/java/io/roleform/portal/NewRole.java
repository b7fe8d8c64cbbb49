package io.roleform.portal;

import java.util.List;
import java.util.Objects;

/**
 * The body of a role creation.
 *
 * @param copyFromId id of the template role, or {@code null}; the permissions and description here
 *     are already the final ones (template values merged with explicit ones at plan time)
 */
public record NewRole(
    String name, String description, List<String> permissions, List<String> caseActions, String copyFromId) {

  public NewRole {
    Objects.requireNonNull(name, "name == null");
    permissions = permissions == null ? List.of() : List.copyOf(permissions);
    caseActions = caseActions == null ? null : List.copyOf(caseActions);
  }
}
