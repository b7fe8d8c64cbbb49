package io.roleform.portal;

import java.util.List;

/**
 * A partial update of a user: each {@code null} field is left unchanged.
 *
 * @param departmentIds the user's department ids, or {@code null}
 * @param status {@link UserStatus#ACTIVE} or {@link UserStatus#DISABLED}, or {@code null}
 */
public record UserPatch(String firstName, String lastName, List<String> departmentIds, UserStatus status) {

  public UserPatch {
    departmentIds = departmentIds == null ? null : List.copyOf(departmentIds);
  }
}
