package io.roleform.config;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One role as the config wants it.
 *
 * <p>Ownership semantics (DESIGN.md §2): a {@code null} field was absent in the config and is
 * <em>not managed</em> (left as it is live); an empty list is managed and empty; a list is exactly
 * that set. Lists keep the order and spelling written in the config; comparisons of members are
 * case-insensitive and done by later stages.
 *
 * @param name the role's name (unique case-insensitively across the whole config)
 * @param description the description, or {@code null} if unmanaged
 * @param permissions permission ids, or {@code null} if unmanaged
 * @param members member emails, or {@code null} if unmanaged
 * @param formerNames earlier names of this role: a live role with one of these names is renamed
 *     (keeping its id and members); never {@code null}
 * @param copyFrom name of the role to copy permissions and description from when this role is
 *     created, or {@code null}
 * @param caseActions case actions (sub-permissions of {@code cases}), or {@code null} if unmanaged
 * @param until the last day (UTC, inclusive) of the members written as {@code {email, until}},
 *     keyed by lower-cased email; members absent from it do not expire. Never {@code null}
 * @param position where the role entry starts in the config
 * @param positions positions of the role's values, keyed by the path relative to the role entry
 *     ({@code "name"}, {@code "permissions/2"}, {@code "members/0"} ...); may be empty. Checkers ask
 *     for a {@link #locationOf} instead (position and pointer together)
 */
public record DesiredRole(
    String name,
    String description,
    List<String> permissions,
    List<String> members,
    List<String> formerNames,
    String copyFrom,
    List<String> caseActions,
    Map<String, LocalDate> until,
    SourcePosition position,
    Map<String, SourcePosition> positions) implements Located {

  public DesiredRole {
    Objects.requireNonNull(name, "name == null");
    permissions = permissions == null ? null : List.copyOf(permissions);
    members = members == null ? null : List.copyOf(members);
    formerNames = formerNames == null ? List.of() : List.copyOf(formerNames);
    caseActions = caseActions == null ? null : List.copyOf(caseActions);
    until = until == null ? Map.of() : Map.copyOf(until);
    // RolePositions is immutable and compact (list items read on demand); anything else is copied.
    positions = positions == null ? Map.of() : positions instanceof RolePositions ? positions : Map.copyOf(positions);
  }

  /** A role none of whose members expire. */
  public DesiredRole(String name, String description, List<String> permissions, List<String> members,
      List<String> formerNames, String copyFrom, List<String> caseActions, SourcePosition position,
      Map<String, SourcePosition> positions) {
    this(name, description, permissions, members, formerNames, copyFrom, caseActions, Map.of(), position,
        positions);
  }

  /**
   * The last day (UTC, inclusive) a member keeps this role, or {@code null} when the membership
   * does not expire. Emails compare case-insensitively.
   */
  public LocalDate untilOf(String email) {
    return until.isEmpty() ? null : until.get(email.toLowerCase(Locale.ROOT));
  }

  /** A role with only a name: every other field unmanaged. Handy in tests. */
  public static DesiredRole named(String name) {
    return new DesiredRole(name, null, null, null, List.of(), null, null, null, Map.of());
  }

  /** The position of a value inside this role, falling back to the role's own position. */
  @Override
  public SourcePosition positionOf(String relativePath) {
    return positions.getOrDefault(relativePath, position);
  }

  /** The role in the merged state: {@code /roles/NAME}. */
  @Override
  public Location location() {
    return Location.entry("roles", name, position);
  }
}
