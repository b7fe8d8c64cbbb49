package io.roleform.diff;

import io.roleform.config.DesiredRole;
import io.roleform.portal.LiveRole;

/**
 * What a role name written in the config ({@code copyFrom}, {@code moveMembersTo}, {@code order})
 * refers to once desired and live roles are matched.
 *
 * @param desired the declared role, or {@code null} for a live role the config does not declare
 * @param live the live role, or {@code null} for a role this plan creates
 * @param finalName the role's name after the plan (the desired name when declared)
 */
record RoleTarget(DesiredRole desired, LiveRole live, String finalName) {

  /** The role as operations name it: its live id (null when created) and its final name. */
  RoleRef ref() {
    return new RoleRef(live == null ? null : live.id(), finalName);
  }

  boolean isCreated() {
    return live == null;
  }
}
