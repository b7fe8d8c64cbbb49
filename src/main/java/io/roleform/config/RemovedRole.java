package io.roleform.config;

import java.util.Objects;

/**
 * An explicit deletion from the {@code removed:} list.
 *
 * @param name the live role to delete (case-insensitive)
 * @param moveMembersTo name of the role that receives its members, or {@code null} to remove them
 *     (which then needs {@code --allow-member-removal} if the role has members)
 * @param position where the entry starts in the config
 */
public record RemovedRole(String name, String moveMembersTo, SourcePosition position) {

  public RemovedRole {
    Objects.requireNonNull(name, "name == null");
  }
}
