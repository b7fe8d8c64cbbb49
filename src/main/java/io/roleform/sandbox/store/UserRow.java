package io.roleform.sandbox.store;

import java.util.List;

/**
 * One portal user.
 *
 * @param status {@code active}, {@code pending} (an applier) or {@code disabled}
 * @param external a collaborator from another organisation
 * @param departments ids of the departments the user belongs to (case portal only), sorted
 * @param version bumped by every change of the user, sent as {@code ETag}
 */
public record UserRow(
    String id, String email, String firstName, String lastName, String status, boolean external,
    List<String> departments, long version) {

  /** Status of a pending applier. */
  public static final String PENDING = "pending";
  /** Status of an ordinary user. */
  public static final String ACTIVE = "active";
  /** Status of a disabled user. */
  public static final String DISABLED = "disabled";

  public UserRow {
    departments = departments == null ? List.of() : List.copyOf(departments);
  }

  /** A user in no department, at version 1. */
  public UserRow(String id, String email, String firstName, String lastName, String status, boolean external) {
    this(id, email, firstName, lastName, status, external, List.of(), 1);
  }
}
