package io.roleform.diff;

import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import io.roleform.portal.LiveUser;
import io.roleform.portal.MemberRanks;
import io.roleform.portal.Permission;
import io.roleform.portal.UserStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lookups over one {@link LiveState}: users by email (case-insensitively) and by id, roles by
 * lower-cased name and by id, permissions by id. Built once per diff in linear time, so that no
 * step of the diff needs a nested loop over users or memberships.
 *
 * <p>Users by email are an {@link EmailTable} of list indexes, with the disabled users as a bitset
 * over the same indexes: the member look-ups (one per membership, 2,000,000 at XL) read ints, and a
 * role's members that are {@link MemberRanks} over the same list compare as ints. The maps by id and
 * by lower-cased email are only built if a step asks for them (changes, hints).
 */
final class LiveIndex {

  final LiveState live;
  /** Every live user's list index by email, case-insensitively. */
  final EmailTable emails;
  final Map<String, LiveRole> rolesById = new HashMap<>();
  final Map<String, List<LiveRole>> rolesByName = new HashMap<>();
  final Map<String, Permission> permissions = new HashMap<>();
  /** Live roles in display order. */
  final List<LiveRole> rolesInOrder;
  /** Bit {@code i}: the user at index {@code i} of {@code live.users()} is disabled. */
  private final long[] disabled;
  private Map<String, LiveUser> usersByEmail;
  private Map<String, LiveUser> usersById;

  LiveIndex(LiveState live) {
    this.live = live;
    List<LiveUser> users = live.users();
    emails = new EmailTable(users);
    disabled = new long[(users.size() + 63) >>> 6];
    for (int i = 0; i < users.size(); i++) {
      if (users.get(i).status() == UserStatus.DISABLED) disabled[i >>> 6] |= 1L << i;
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

  /** The live user whose email equals {@code email} case-insensitively (the last listed), or {@code null}. */
  LiveUser userByEmail(String email) {
    int i = emails.indexOf(email);
    return i < 0 ? null : live.users().get(i);
  }

  /** Whether the user at index {@code i} of {@code live.users()} is disabled. */
  boolean disabled(int i) {
    return (disabled[i >>> 6] & (1L << i)) != 0;
  }

  /**
   * The live users' lower-cased emails, in the order of a {@code HashMap} filled in list order (hints
   * choose the first of equally near candidates: the order is part of the output).
   */
  synchronized Collection<String> emailKeys() {
    if (usersByEmail == null) {
      usersByEmail = new HashMap<>(capacity(live.users().size()));
      for (LiveUser u : live.users()) usersByEmail.put(key(u.email()), u);
    }
    return usersByEmail.keySet();
  }

  /** The live user with id {@code id} (the last listed), or {@code null}. */
  synchronized LiveUser userById(String id) {
    if (usersById == null) {
      usersById = new HashMap<>(capacity(live.users().size()));
      for (LiveUser u : live.users()) usersById.put(u.id(), u);
    }
    return usersById.get(id);
  }

  /** A {@link HashMap} capacity that holds {@code n} entries without resizing. */
  private static int capacity(int n) {
    return (int) Math.min(1 << 30, n / 0.75 + 1);
  }

  /**
   * The case-insensitive key used for names and emails: {@code toLowerCase(Locale.ROOT)}, without
   * a copy (nor a look-up per character) when the text is ASCII with no upper case.
   */
  static String key(String nameOrEmail) {
    for (int i = 0, n = nameOrEmail.length(); i < n; i++) {
      char c = nameOrEmail.charAt(i);
      if ((c >= 'A' && c <= 'Z') || c >= 0x80) return nameOrEmail.toLowerCase(Locale.ROOT);
    }
    return nameOrEmail;
  }

  /** The live roles whose name equals {@code name} case-insensitively (normally zero or one). */
  List<LiveRole> rolesNamed(String name) {
    return rolesByName.getOrDefault(key(name), List.of());
  }

  /** The member user ids of a live role (empty when the role has none). */
  Set<String> membersOf(LiveRole role) {
    return live.members().getOrDefault(role.id(), Set.of());
  }

  /**
   * {@code members} (a role's, from {@link #membersOf}) as ranks over {@code live.users()}, the
   * indexes this index uses; {@code null} when the set offers none over that list.
   */
  MemberRanks ranked(Set<String> members) {
    return members instanceof MemberRanks r && r.rankedUsers() == live.users() ? r : null;
  }

  boolean isAdmin(LiveRole role) {
    return role.id().equals(live.portal().adminRoleId());
  }

  String profile() {
    return live.portal().profile();
  }
}
