package io.roleform.policy;

/**
 * One fact of an access state that helps make a violation: {@code user} is a member of {@code
 * role}, or {@code role} grants {@code permission}, or (both null) the role itself, such as a role
 * without a description. Used to point at the config lines behind a violation.
 *
 * @param role the role's name
 * @param userId a member's id, or {@code null}
 * @param permission a permission the role grants, or {@code null}
 */
record Grant(String role, String userId, String permission) {

  static Grant member(String role, String userId) {
    return new Grant(role, userId, null);
  }

  static Grant permission(String role, String permission) {
    return new Grant(role, null, permission);
  }

  static Grant role(String role) {
    return new Grant(role, null, null);
  }
}
