package io.roleform.render;

import io.roleform.plan.AccessChange;
import io.roleform.plan.AccessChange.Direction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The access impact grouped by user: who gains and who loses which permission, through which
 * roles. Users are sorted by email (case-insensitively), and within a user gains come before
 * losses, each sorted by permission — the same order whatever order the plan lists them in.
 *
 * @param users one entry per user with at least one change
 */
record AccessImpact(List<UserAccess> users) {

  private static final Comparator<AccessChange> ORDER =
      Comparator.comparing((AccessChange a) -> a.shown().toLowerCase(java.util.Locale.ROOT))
          .thenComparing(AccessChange::shown)
          .thenComparing(AccessChange::direction)
          .thenComparing(AccessChange::permission)
          .thenComparing(a -> String.join("\u0000", a.via()));

  static AccessImpact of(List<AccessChange> changes) {
    List<AccessChange> sorted = new ArrayList<>(changes);
    sorted.sort(ORDER);
    Map<String, List<AccessChange>> byUser = new LinkedHashMap<>();
    for (AccessChange change : sorted) {
      byUser.computeIfAbsent(change.shown(), u -> new ArrayList<>()).add(change);
    }
    List<UserAccess> users = new ArrayList<>();
    byUser.forEach((user, list) -> users.add(new UserAccess(user, List.copyOf(list))));
    return new AccessImpact(List.copyOf(users));
  }

  boolean isEmpty() {
    return users.isEmpty();
  }

  /** Number of (user, permission) pairs gained or lost. */
  long count(Direction direction) {
    return users.stream()
        .flatMap(u -> u.changes().stream())
        .filter(c -> c.direction() == direction)
        .count();
  }

  /** Number of users with at least one change in that direction. */
  long userCount(Direction direction) {
    return users.stream()
        .filter(u -> u.changes().stream().anyMatch(c -> c.direction() == direction))
        .count();
  }

  /** One user's changes, gains first. */
  record UserAccess(String user, List<AccessChange> changes) {}
}
