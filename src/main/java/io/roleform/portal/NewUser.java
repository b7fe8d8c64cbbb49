package io.roleform.portal;

import java.util.List;
import java.util.Objects;

/**
 * The body of an invitation: a new, active user. No e-mail is sent by roleform.
 *
 * @param departmentIds ids of the user's departments (empty when none or not managed)
 */
public record NewUser(String email, String firstName, String lastName, List<String> departmentIds) {

  public NewUser {
    Objects.requireNonNull(email, "email == null");
    departmentIds = departmentIds == null ? List.of() : List.copyOf(departmentIds);
  }
}
