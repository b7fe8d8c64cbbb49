package io.roleform.plan;

import java.util.List;
import java.util.Objects;

/**
 * A message the portal will send a member because of this plan, when {@code notifyMembers} is on
 * (DESIGN.md §1: member notifications on add, remove and role change) — a preview, so a reviewer
 * knows who will hear about the change.
 *
 * @param user the member's email
 * @param external a collaborator from another organisation (text and Markdown show {@link #shown()})
 * @param reason why they are notified
 * @param added the roles they join, sorted
 * @param removed the roles they leave, sorted
 */
public record Notification(String user, boolean external, Reason reason, List<String> added, List<String> removed) {

  /** Why a member is notified. */
  public enum Reason {
    /** Joins one or more roles and leaves none. */
    ADDED,
    /** Leaves one or more roles and joins none. */
    REMOVED,
    /** Leaves some roles and joins others. */
    ROLE_CHANGED;

    /** The words a reviewer reads: {@code added}, {@code removed}, {@code role changed}. */
    public String words() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }

  public Notification {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(reason, "reason == null");
    added = List.copyOf(added);
    removed = List.copyOf(removed);
  }

  /** An internal member's notification. */
  public Notification(String user, Reason reason, List<String> added, List<String> removed) {
    this(user, false, reason, added, removed);
  }

  /** The member as people read it: the email, with {@code (external)} for a collaborator. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public String shown() {
    return external ? user + " (external)" : user;
  }
}
