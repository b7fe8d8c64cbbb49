package io.roleform.config;

/**
 * A value of the desired state that knows where it was written: a role, a removal, a user, a
 * department, a policy. Checkers at any stage ask it for a {@link Location} instead of composing a
 * position and a pointer; the value's positions were recorded once, by the loader.
 */
public interface Located {

  /** Where the entry is: its first line, and its pointer in the merged state ({@code /roles/NAME}). */
  Location location();

  /**
   * Where a value inside the entry is, by path relative to the entry ({@code name}, {@code
   * members/3}, {@code exclusive/roles/0}); at the entry's own position when that value has none
   * recorded (absent, or a state not read from files).
   */
  default Location locationOf(String relative) {
    return location().child(relative, positionOf(relative));
  }

  /** The position of a value inside the entry, falling back to the entry's own position. */
  SourcePosition positionOf(String relative);
}
