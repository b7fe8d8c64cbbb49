package io.roleform.policy;

import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import io.roleform.portal.LiveUser;
import io.roleform.portal.UserStatus;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who holds what, as policies see it: the roles (name, permissions, members, description) and the
 * users. Either the live state or the state a plan leaves behind. Immutable once built; member sets
 * are not copied (callers hand over sets they no longer change).
 *
 * <p>A role's members here are the users who <em>hold</em> it: a disabled user cannot log in, so
 * holds nothing, although the portal keeps their memberships (and gives them back when the user is
 * enabled again); a pending applier holds nothing either until approved, even where the portal
 * lists them in a role. Holders are exactly the <em>active</em> users the safety rules count in the
 * admin role ({@code plan/ActiveAdmins}). Policies, {@code check}, the access impact and the access
 * report all count only holders; {@link #users()} still lists every user, with their status.
 */
public final class AccessState {

  /**
   * One role.
   *
   * @param key a stable key (the live id, or a key of the plan's for a role it creates)
   * @param members user ids
   * @param description the description ({@code ""} when none)
   */
  public record Role(String key, String name, Set<String> permissions, Set<String> members, String description) {
    public Role {
      description = description == null ? "" : description;
    }
  }

  private final Map<String, Role> byName = new LinkedHashMap<>();
  private final Map<String, LiveUser> users = new HashMap<>();
  private final Map<String, Set<String>> holders = new HashMap<>();

  /**
   * The roles and users given; {@code users} are looked up by id. In a plan's after-state a user the
   * plan invites has its member key ({@code "+"} and the lower-cased email) as id and its real email.
   */
  public AccessState(Collection<Role> roles, Collection<LiveUser> users) {
    for (Role r : roles) byName.putIfAbsent(key(r.name()), r);
    for (LiveUser u : users) this.users.put(u.id(), u);
  }

  /** The live state as it was read; users disabled live, and pending appliers, hold no role. */
  public static AccessState of(LiveState live) {
    Set<String> inactive = holdingNothing(live.users());
    List<Role> roles = live.roles().stream()
        .map(r -> role(r, without(live.members().getOrDefault(r.id(), Set.of()), inactive)))
        .toList();
    return new AccessState(roles, live.users());
  }

  /** The ids of the users among {@code users} who hold nothing: disabled ones and pending appliers. */
  public static Set<String> holdingNothing(Collection<LiveUser> users) {
    Set<String> out = new HashSet<>();
    for (LiveUser u : users) if (!holds(u.status())) out.add(u.id());
    return out;
  }

  /** Whether a user of this status holds the roles the portal lists them in: only an active one does. */
  public static boolean holds(UserStatus status) {
    return status == UserStatus.ACTIVE;
  }

  /**
   * {@code members} without {@code users}: the same set when it holds none of them, else a copy.
   * Costs the smaller of the two sizes when nothing is removed.
   */
  public static Set<String> without(Set<String> members, Set<String> users) {
    boolean any = false;
    if (users.size() < members.size()) {
      for (String u : users) if (members.contains(u)) { any = true; break; }
    } else {
      for (String m : members) if (users.contains(m)) { any = true; break; }
    }
    if (!any) return members;
    Set<String> held = new HashSet<>(members);
    held.removeAll(users);
    return held;
  }

  private static Role role(LiveRole r, Set<String> members) {
    return new Role(r.id(), r.name(), Set.copyOf(r.permissions()), members, r.description());
  }

  /** Every role, in the order given. */
  public Collection<Role> roles() {
    return byName.values();
  }

  /** The role with this name (case-insensitive), or {@code null}. */
  public Role role(String name) {
    return byName.get(key(name));
  }

  /** The user's email, or the id itself for a user the state does not know. */
  public String email(String userId) {
    LiveUser u = users.get(userId);
    return u == null ? userId : u.email();
  }

  /** Every user of this state (for the after-state of a plan: without the users it deletes, with its invitees). */
  public Collection<LiveUser> users() {
    return users.values();
  }

  /** The user, or {@code null}. */
  public LiveUser user(String userId) {
    return users.get(userId);
  }

  /** Ids of the users holding {@code permission} through any role (computed once, then cached). */
  public synchronized Set<String> holders(String permission) {
    return holders.computeIfAbsent(permission, p -> {
      Set<String> out = new HashSet<>();
      for (Role r : byName.values()) if (r.permissions().contains(p)) out.addAll(r.members());
      return out;
    });
  }

  /** The names of the roles of {@code userId} that grant {@code permission}, in role order. */
  public List<String> rolesGranting(String userId, String permission) {
    return byName.values().stream()
        .filter(r -> r.permissions().contains(permission) && r.members().contains(userId))
        .map(Role::name)
        .toList();
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
