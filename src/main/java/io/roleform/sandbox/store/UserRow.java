package io.roleform.sandbox.store;

/**
 * One portal user.
 *
 * @param status {@code active}, {@code pending} (an applier) or {@code disabled}
 * @param external a collaborator from another organisation
 */
public record UserRow(
    String id, String email, String firstName, String lastName, String status, boolean external) {

  /** Status of a pending applier. */
  public static final String PENDING = "pending";
  /** Status of an ordinary user. */
  public static final String ACTIVE = "active";
  /** Status of a disabled user. */
  public static final String DISABLED = "disabled";
}
