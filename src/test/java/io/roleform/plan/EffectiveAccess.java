package io.roleform.plan;

import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import io.roleform.portal.LiveUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Test oracle: the access changes between two live states, computed the naive way (every user,
 * every role), to check the planner's simulated, incremental access impact against reality.
 */
final class EffectiveAccess {

  private EffectiveAccess() {}

  static List<AccessChange> between(LiveState before, LiveState after) {
    Map<String, Map<String, Set<String>>> b = access(before);
    Map<String, Map<String, Set<String>>> a = access(after);
    List<AccessChange> changes = new ArrayList<>();
    for (LiveUser u : after.users()) {
      Map<String, Set<String>> was = b.getOrDefault(u.id(), Map.of());
      Map<String, Set<String>> now = a.getOrDefault(u.id(), Map.of());
      now.forEach((p, via) -> {
        if (!was.containsKey(p)) changes.add(new AccessChange(u.email(), u.external(), p, AccessChange.Direction.GAINED, List.copyOf(via)));
      });
      was.forEach((p, via) -> {
        if (!now.containsKey(p)) changes.add(new AccessChange(u.email(), u.external(), p, AccessChange.Direction.LOST, List.copyOf(via)));
      });
    }
    return changes;
  }

  /** Who holds what: a disabled user cannot log in, so holds nothing whatever their roles. */
  private static Map<String, Map<String, Set<String>>> access(LiveState live) {
    Set<String> disabled = new java.util.HashSet<>();
    for (LiveUser u : live.users()) if (u.status() == io.roleform.portal.UserStatus.DISABLED) disabled.add(u.id());
    Map<String, Map<String, Set<String>>> byUser = new HashMap<>();
    for (LiveRole r : live.roles()) {
      for (String user : live.members().get(r.id())) {
        if (disabled.contains(user)) continue;
        for (String p : r.permissions()) {
          byUser.computeIfAbsent(user, k -> new HashMap<>()).computeIfAbsent(p, k -> new TreeSet<>()).add(r.name());
        }
      }
    }
    return byUser;
  }
}
