package io.roleform.plan;

import java.util.List;
import java.util.Objects;

/**
 * One user gaining or losing one permission's effective access, and the roles it comes through.
 * A user who loses a role but keeps the permission through another role has no access change.
 *
 * @param user the user's email (an invitee's too: never an id)
 * @param external a collaborator from another organisation (a field of its own in the JSON plan,
 *     so a consumer need not parse the email; text and Markdown show {@link #shown()})
 * @param permission the permission id
 * @param direction gained or lost
 * @param via names of the roles that grant it after the change (gained) or granted it before (lost)
 */
public record AccessChange(String user, boolean external, String permission, Direction direction, List<String> via) {

  /** Whether the user gains or loses the permission. */
  public enum Direction {
    GAINED,
    LOST
  }

  public AccessChange {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(permission, "permission == null");
    Objects.requireNonNull(direction, "direction == null");
    via = List.copyOf(via);
  }

  /** An internal user's change. */
  public AccessChange(String user, String permission, Direction direction, List<String> via) {
    this(user, false, permission, direction, via);
  }

  /** The user as people read it: the email, with {@code (external)} for a collaborator. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public String shown() {
    return external ? user + " (external)" : user;
  }
}
