package io.roleform.portal;

import java.util.Objects;

/**
 * A portal user as read live. Users are matched to config members by email, case-insensitively.
 *
 * @param external a collaborator from another organisation
 */
public record LiveUser(
    String id, String email, String firstName, String lastName, UserStatus status, boolean external) {

  public LiveUser {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(email, "email == null");
    Objects.requireNonNull(status, "status == null");
  }
}
