package io.roleform.portal;

/** The state of a portal user account. */
public enum UserStatus {
  /** A normal user. */
  ACTIVE,
  /** An applier waiting for approval into a role (or denial). */
  PENDING,
  /** A user that can no longer sign in. */
  DISABLED
}
