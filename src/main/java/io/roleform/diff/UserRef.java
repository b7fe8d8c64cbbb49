package io.roleform.diff;

import java.util.Objects;

/**
 * A user named by an operation: the portal's id and the email people read. {@code id} is {@code
 * null} for a user this plan invites; apply resolves it by email once the invitation has run.
 *
 * @param external a collaborator from another organisation: every output marks them
 */
public record UserRef(
    String id, String email, boolean external) {

  public UserRef {
    Objects.requireNonNull(email, "email == null");
  }

  /** An internal user. */
  public UserRef(String id, String email) {
    this(id, email, false);
  }

  /** The key of this user in simulated member sets: the id, or {@code "+" + email} for an invitee. */
  public String key() {
    return id != null ? id : "+" + email.toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String toString() {
    return external ? email + " (external)" : email;
  }
}
