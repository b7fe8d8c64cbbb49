package io.roleform.diff;

import java.util.Objects;

/** A user named by an operation: the portal's id and the email people read. */
public record UserRef(String id, String email) {

  public UserRef {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(email, "email == null");
  }

  @Override
  public String toString() {
    return email;
  }
}
