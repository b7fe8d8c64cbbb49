package io.roleform.portal;

import java.util.List;
import java.util.Objects;

/**
 * A portal user as read live. Users are matched to config members by email, case-insensitively.
 *
 * @param external a collaborator from another organisation
 * @param departments ids of the user's departments ({@link LiveDepartment#id()}); empty on portals
 *     without departments
 * @param version the user's version, sent as {@code If-Match} on a change; may be {@code null}
 */
public record LiveUser(
    String id, String email, String firstName, String lastName, UserStatus status, boolean external,
    List<String> departments, String version) {

  public LiveUser {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(email, "email == null");
    Objects.requireNonNull(status, "status == null");
    departments = departments == null ? List.of() : List.copyOf(departments);
  }

  /** A user in no department, without a version. */
  public LiveUser(String id, String email, String firstName, String lastName, UserStatus status, boolean external) {
    this(id, email, firstName, lastName, status, external, List.of(), null);
  }
}
