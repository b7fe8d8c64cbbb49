package io.roleform.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One user as the config wants it ({@code users:}, DESIGN.md §7), keyed by email compared
 * case-insensitively.
 *
 * <p>Ownership as for roles: a {@code null} field was absent and is <em>not managed</em>; a user
 * the config does not list is unmanaged. A listed user who does not exist live is invited.
 *
 * @param email the user's email (the key)
 * @param firstName the first name, or {@code null} if unmanaged
 * @param lastName the last name, or {@code null} if unmanaged
 * @param departments department names, or {@code null} if unmanaged ({@code []} = in none)
 * @param status {@code active} or {@code disabled}, or {@code null} if unmanaged
 * @param external read-only: whether the user is a collaborator of another organisation, as
 *     export writes it; {@code null} when not stated
 * @param position where the entry starts in the config
 * @param positions positions of its values, keyed by the path relative to the entry ({@code
 *     "email"}, {@code "departments/1"} ...); may be empty
 */
public record DesiredUser(
    String email,
    String firstName,
    String lastName,
    List<String> departments,
    String status,
    Boolean external,
    SourcePosition position,
    Map<String, SourcePosition> positions) implements Located {

  /** The value of {@code status} that disables a user's login. */
  public static final String DISABLED = "disabled";
  /** The value of {@code status} of a user who can sign in. */
  public static final String ACTIVE = "active";

  public DesiredUser {
    Objects.requireNonNull(email, "email == null");
    departments = departments == null ? null : List.copyOf(departments);
    positions = positions == null ? Map.of() : Map.copyOf(positions);
  }

  /** A user with only an email: every other field unmanaged. Handy in tests. */
  public static DesiredUser of(String email) {
    return new DesiredUser(email, null, null, null, null, null, null, Map.of());
  }

  /** Whether the config wants this user disabled. */
  public boolean disabled() {
    return DISABLED.equals(status);
  }

  /** The position of a value inside this entry, falling back to the entry's own position. */
  @Override
  public SourcePosition positionOf(String relativePath) {
    return positions.getOrDefault(relativePath, position);
  }

  /** The user in the merged state: {@code /users/EMAIL}. */
  @Override
  public Location location() {
    return Location.entry("users", email, position);
  }
}
