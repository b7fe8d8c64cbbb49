package io.roleform.portal;

import java.util.List;

/**
 * A partial update of a role: each {@code null} field is left unchanged.
 */
public record RolePatch(String name, String description, List<String> permissions, List<String> caseActions) {

  public RolePatch {
    permissions = permissions == null ? null : List.copyOf(permissions);
    caseActions = caseActions == null ? null : List.copyOf(caseActions);
  }

  public boolean isEmpty() {
    return name == null && description == null && permissions == null && caseActions == null;
  }
}
