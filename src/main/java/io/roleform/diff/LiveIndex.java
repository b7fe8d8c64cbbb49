package io.roleform.diff;

import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import io.roleform.portal.LiveUser;
import io.roleform.portal.Permission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Hash lookups over one {@link LiveState}: users by lower-cased email and by id, roles by
 * lower-cased name and by id, permissions by id. Built once per diff in linear time, so that no
 * step of the diff needs a nested loop over users or memberships.
 */
final class LiveIndex {

  final LiveState live;
  final Map<String, LiveUser> usersByEmail;
  final Map<String, LiveUser> usersById;
  final Map<String, LiveRole> rolesById = new HashMap<>();
  final Map<String, List<LiveRole>> rolesByName = new HashMap<>();
  final Map<String, Permission> permissions = new HashMap<>();
  /** Live roles in display order. */
  final List<LiveRole> rolesInOrder;

  LiveIndex(LiveState live) {
    this.live = live;
    // Sized up front: no rehashing of 500,000 users (XL) through five doublings.
    usersByEmail = new HashMap<>(capacity(live.users().size()));
    usersById = new HashMap<>(capacity(live.users().size()));
    for (LiveUser u : live.users()) {
      usersByEmail.put(key(u.email()), u);
      usersById.put(u.id(), u);
    }
    for (LiveRole r : live.roles()) {
      rolesById.put(r.id(), r);
      rolesByName.computeIfAbsent(key(r.name()), k -> new ArrayList<>(1)).add(r);
    }
    for (Permission p : live.permissions()) permissions.put(p.id(), p);
    List<LiveRole> ordered = new ArrayList<>(live.roles());
    ordered.sort(Comparator.comparingInt(LiveRole::position));
    rolesInOrder = List.copyOf(ordered);
  }

  /** A {@link HashMap} capacity that holds {@code n} entries without resizing. */
  private static int capacity(int n) {
    return (int) Math.min(1 << 30, n / 0.75 + 1);
  }

  /** The case-insensitive key used for names and emails. */
  static String key(String nameOrEmail) {
    return nameOrEmail.toLowerCase(Locale.ROOT);
  }

  /** The live roles whose name equals {@code name} case-insensitively (normally zero or one). */
  List<LiveRole> rolesNamed(String name) {
    return rolesByName.getOrDefault(key(name), List.of());
  }

  /** The member user ids of a live role (empty when the role has none). */
  Set<String> membersOf(LiveRole role) {
    return live.members().getOrDefault(role.id(), Set.of());
  }

  boolean isAdmin(LiveRole role) {
    return role.id().equals(live.portal().adminRoleId());
  }

  String profile() {
    return live.portal().profile();
  }
}
