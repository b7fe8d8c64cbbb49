package io.roleform.config;

import java.util.Map;
import java.util.Objects;

/**
 * An explicit deletion from the {@code removed:} list.
 *
 * @param name the live role to delete (case-insensitive)
 * @param moveMembersTo name of the role that receives its members, or {@code null} to remove them
 *     (which then needs {@code --allow-member-removal} if the role has members)
 * @param position where the entry starts in the config
 * @param positions positions of its values ({@code "name"}, {@code "moveMembersTo"}); may be empty
 */
public record RemovedRole(String name, String moveMembersTo, SourcePosition position,
    Map<String, SourcePosition> positions) implements Located {

  public RemovedRole {
    Objects.requireNonNull(name, "name == null");
    positions = positions == null ? Map.of() : Map.copyOf(positions);
  }

  /** A removal whose values' positions are not known (tests, states not read from files). */
  public RemovedRole(String name, String moveMembersTo, SourcePosition position) {
    this(name, moveMembersTo, position, Map.of());
  }

  /** The removal in the merged state: {@code /removed/NAME}. */
  @Override
  public Location location() {
    return Location.entry("removed", name, position);
  }

  /** The position of a value inside this entry, falling back to the entry's own position. */
  @Override
  public SourcePosition positionOf(String relativePath) {
    return positions.getOrDefault(relativePath, position);
  }
}
