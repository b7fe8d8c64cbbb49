package io.roleform.plan;

import io.roleform.diff.Operation;
import io.roleform.diff.RoleRef;
import io.roleform.diff.UserRef;
import io.roleform.policy.AccessState;
import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import io.roleform.portal.LiveUser;
import io.roleform.portal.UserStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * THE state a plan leaves: the live state with the plan's operations replayed on it, in apply
 * order — simulated, not read. It is the one definition of "after this plan" in roleform: the
 * access impact, the safety limits, the notification preview, the policies and the access report
 * all read it, and no other code replays operations.
 *
 * <p>Roles are keyed by live id, or by {@code "+" + lower-cased name} for roles the plan creates
 * (as {@link RoleRef#id()} is {@code null} for them). Users are keyed by {@link UserRef#key()}: the
 * live id, or {@code "+" + lower-cased email} for a user the plan invites. An invitee is a user of
 * the after-state with that key as its id and its real email, names and departments as invited,
 * so everything that shows a user shows the invitee's email.
 *
 * <p>Besides the state, the simulation records what the plan does on the way (the roles it deletes,
 * the member removals, the users it disables or deletes, who joins and leaves which role, whose
 * access it may change), so that readers never walk the operations again.
 *
 * <p>Member sets are shared with the live state and copied only for the roles an operation
 * touches, so simulating a plan costs in proportion to the plan, not to the portal (building
 * {@link #users()} is the exception: one pass over the live users, when asked).
 */
final class AfterState {

  /** A user joining ({@code joins}) or leaving a role because of the plan; {@code role} is its name. */
  record Move(UserRef user, String role, boolean joins) {}

  private final LiveState live;
  final Map<String, String> names = new HashMap<>();
  final Map<String, Set<String>> permissions = new HashMap<>();
  final Map<String, Set<String>> members = new HashMap<>();
  final Map<String, String> descriptions = new HashMap<>();
  /** Users the plan disables or deletes (by {@link UserRef#key()}): they hold no access afterwards. */
  final Set<String> inactive = new HashSet<>();
  /** Users the plan deletes or denies (by {@link UserRef#key()}). */
  final Set<String> deleted = new HashSet<>();
  /** Users the plan invites, by key, as they will be. */
  final Map<String, LiveUser> invited = new LinkedHashMap<>();
  /** Users the plan enables (a disabled user made active, an applier approved), by key. */
  final Set<String> reenabled = new HashSet<>();

  /** The role deletions, in apply order. */
  final List<Operation.DeleteRole> roleDeletions = new ArrayList<>();
  /** The member changes that remove someone, in apply order. */
  final List<Operation.ChangeMembers> memberRemovals = new ArrayList<>();
  /**
   * Each role's member count just before the plan's first member change to it (by role key): the
   * base of the per-role removal percentage, however many operations change that role's members.
   */
  final Map<String, Integer> membersBeforeChanges = new HashMap<>();
  /** Live users the plan disables or deletes, id to email, each once, in apply order. */
  final Map<String, String> removedUsers = new LinkedHashMap<>();
  /** The department deletions, in apply order. */
  final List<Operation.DeleteDepartment> departmentDeletions = new ArrayList<>();
  /** Who joins and leaves which role, in apply order (a user may appear several times). */
  final List<Move> moves = new ArrayList<>();
  /** Users (by key) whose effective access the plan can change. */
  final Set<String> affected = new HashSet<>();

  private final Set<String> permissionsChanged = new HashSet<>();
  private final Set<String> copied = new HashSet<>();
  private Map<String, LiveUser> liveUsers;
  /** The ids of the users who hold nothing live: disabled ones and pending appliers (when first asked). */
  private Set<String> heldNothingLive;
  private ActiveAdmins admins;

  private AfterState(LiveState live) {
    this.live = live;
  }

  /** Applies {@code operations} (in apply order) to a model of {@code live}. */
  static AfterState simulate(LiveState live, List<Operation> operations) {
    AfterState s = new AfterState(live);
    for (LiveRole r : live.roles()) {
      s.names.put(r.id(), r.name());
      s.permissions.put(r.id(), Set.copyOf(r.permissions()));
      s.members.put(r.id(), live.members().getOrDefault(r.id(), Set.of()));
      s.descriptions.put(r.id(), r.description());
    }
    Operation.Visitor<Void> replay = s.new Replay();
    for (Operation op : operations) op.accept(replay);
    for (String role : s.permissionsChanged) {
      s.affected.addAll(live.members().getOrDefault(role, Set.of()));
      s.affected.addAll(s.members.getOrDefault(role, Set.of()));
    }
    return s;
  }

  static String key(RoleRef ref) {
    return ref.id() != null ? ref.id() : "+" + ref.name().toLowerCase(Locale.ROOT);
  }

  /** The users after the plan: the live users without those it deletes or denies, then its invitees. */
  List<LiveUser> users() {
    List<LiveUser> out = new ArrayList<>(live.users().size() + invited.size());
    for (LiveUser u : live.users()) {
      if (deleted.contains(u.id())) continue;
      UserStatus status = inactive.contains(u.id()) ? UserStatus.DISABLED
          : reenabled.contains(u.id()) ? UserStatus.ACTIVE : u.status();
      out.add(status == u.status() ? u : new LiveUser(u.id(), u.email(), u.firstName(), u.lastName(), status,
          u.external(), u.departments(), u.version()));
    }
    for (LiveUser u : invited.values()) {
      if (deleted.contains(u.id())) continue;
      out.add(!inactive.contains(u.id()) ? u : new LiveUser(u.id(), u.email(), u.firstName(), u.lastName(),
          UserStatus.DISABLED, false, u.departments(), null));
    }
    return out;
  }

  /**
   * The after-state as policies and the access report see it: every role with its name,
   * permissions, members and description, and {@link #users()} (invitees by their email). A user
   * who holds nothing afterwards ({@link #holdsNothingAfter}: disabled or deleted by the plan, or
   * disabled or a pending applier live and not enabled or approved by it) is a member of no role
   * here, as the access impact and the safety rules on the admin role say (the portal may keep the
   * membership, but it grants nothing).
   */
  AccessState access() {
    Set<String> holdNothing = new HashSet<>(inactive);
    for (String id : heldNothingLive()) if (!reenabled.contains(id)) holdNothing.add(id);
    List<AccessState.Role> roles = new ArrayList<>(names.size());
    names.forEach((key, name) -> roles.add(new AccessState.Role(key, name, permissions.getOrDefault(key, Set.of()),
        AccessState.without(members.getOrDefault(key, Set.of()), holdNothing), descriptions.get(key))));
    return new AccessState(roles, users());
  }

  /**
   * The admin role counted in active administrators before and after the plan (computed once), or
   * {@code null} on a portal without an admin role: what both safety rules on that role read.
   */
  ActiveAdmins admins() {
    if (admins == null && live.portal().adminRoleId() != null) admins = ActiveAdmins.of(live, this);
    return admins;
  }

  /**
   * Whether the user (by key) held nothing before the plan: their live account is disabled, or a
   * pending applier's ({@link AccessState#holds}).
   */
  boolean heldNothingBefore(String key) {
    return heldNothingLive().contains(key);
  }

  /**
   * Whether the user (by key) could sign in and act before the plan: exactly the users who held
   * their roles ({@code !}{@link #heldNothingBefore}). A member id no live user has counts as active
   * (nothing says it cannot act), as it counts as a holder of its roles everywhere else.
   */
  boolean activeBefore(String key) {
    return !heldNothingBefore(key);
  }

  /**
   * Whether the user (by key) can sign in and act after the plan: a user of the after-state (not
   * deleted or denied by it) who holds their roles ({@code !}{@link #holdsNothingAfter}) — enabled
   * again or approved by it, or active before it and not disabled by it (an invitee is active unless
   * the plan disables it at once).
   */
  boolean activeAfter(String key) {
    return !deleted.contains(key) && !holdsNothingAfter(key);
  }

  /**
   * Whether the user (by key) holds nothing after the plan: it disables or deletes them, or they
   * held nothing live (disabled, or a pending applier) and it does not enable or approve them.
   */
  boolean holdsNothingAfter(String key) {
    return inactive.contains(key) || (!reenabled.contains(key) && heldNothingLive().contains(key));
  }

  /** The ids of the users who hold nothing live (one pass over the live users, when first asked). */
  private Set<String> heldNothingLive() {
    if (heldNothingLive == null) heldNothingLive = AccessState.holdingNothing(live.users());
    return heldNothingLive;
  }

  /**
   * The user with this key before or after the plan (a live user, or an invitee), as a reference;
   * {@code null} for a key neither knows.
   */
  UserRef user(String key) {
    LiveUser invitee = invited.get(key);
    if (invitee != null) return new UserRef(null, invitee.email(), false);
    if (liveUsers == null) {
      liveUsers = new HashMap<>();
      for (LiveUser u : live.users()) liveUsers.put(u.id(), u);
    }
    LiveUser u = liveUsers.get(key);
    return u == null ? null : new UserRef(u.id(), u.email(), u.external());
  }

  private Set<String> writable(String roleKey) {
    if (copied.add(roleKey)) members.put(roleKey, new HashSet<>(members.getOrDefault(roleKey, Set.of())));
    return members.get(roleKey);
  }

  private void move(String userKey, String roleKey, boolean joins) {
    UserRef u = user(userKey);
    if (u != null) moves.add(new Move(u, names.getOrDefault(roleKey, roleKey), joins));
  }

  /** The one visitor that replays operations. */
  private final class Replay implements Operation.Visitor<Void> {
    @Override
    public Void updateRole(Operation.UpdateRole u) {
      String k = key(u.role());
      if (u.name() != null) names.put(k, u.name().after());
      if (u.description() != null) descriptions.put(k, u.description().after());
      if (u.permissions() != null) {
        permissions.put(k, Set.copyOf(u.permissions().after()));
        permissionsChanged.add(k);
      }
      return null;
    }

    /** A created role has no members; its new members come by ChangeMembers. */
    @Override
    public Void createRole(Operation.CreateRole c) {
      String k = key(new RoleRef(null, c.name()));
      names.put(k, c.name());
      permissions.put(k, Set.copyOf(c.permissions()));
      members.put(k, Set.of());
      descriptions.put(k, c.description());
      return null;
    }

    /** Its members leave it; with moveMembersTo they join the target. */
    @Override
    public Void deleteRole(Operation.DeleteRole d) {
      roleDeletions.add(d);
      String k = key(d.role());
      Set<String> moving = members.getOrDefault(k, Set.of());
      if (d.role().id() != null) affected.addAll(live.members().getOrDefault(d.role().id(), Set.of()));
      for (String user : moving) {
        move(user, k, false);
        if (d.moveMembersTo() != null) move(user, key(d.moveMembersTo()), true);
      }
      if (d.moveMembersTo() != null) writable(key(d.moveMembersTo())).addAll(moving);
      names.remove(k);
      permissions.remove(k);
      members.remove(k);
      descriptions.remove(k);
      return null;
    }

    @Override
    public Void approveApplier(Operation.ApproveApplier a) {
      String k = key(a.role());
      writable(k).add(a.user().key());
      reenabled.add(a.user().key());
      affected.add(a.user().key());
      moves.add(new Move(a.user(), names.getOrDefault(k, a.role().name()), true));
      return null;
    }

    @Override
    public Void changeMembers(Operation.ChangeMembers m) {
      String k = key(m.role());
      Set<String> set = writable(k);
      membersBeforeChanges.putIfAbsent(k, set.size());
      String role = names.getOrDefault(k, m.role().name());
      for (UserRef u : m.add()) {
        set.add(u.key());
        affected.add(u.key());
        moves.add(new Move(u, role, true));
      }
      for (UserRef u : m.remove()) {
        set.remove(u.key());
        affected.add(u.key());
        moves.add(new Move(u, role, false));
      }
      if (!m.remove().isEmpty()) memberRemovals.add(m);
      return null;
    }

    // The order of roles, settings, the owner (not a role) and departments (they hold no permission)
    // change no role, permission, membership or user: nothing to replay.
    @Override public Void reorderRoles(Operation.ReorderRoles op) { return null; }
    @Override public Void updateSettings(Operation.UpdateSettings op) { return null; }
    @Override public Void transferOwner(Operation.TransferOwner op) { return null; }
    @Override public Void createDepartment(Operation.CreateDepartment op) { return null; }
    @Override public Void renameDepartment(Operation.RenameDepartment op) { return null; }

    @Override
    public Void deleteDepartment(Operation.DeleteDepartment op) {
      departmentDeletions.add(op);
      return null;
    }

    /** An invitee is an active internal user who holds nothing until a member change names them. */
    @Override
    public Void inviteUser(Operation.InviteUser op) {
      String k = new UserRef(null, op.email()).key();
      List<String> departments = op.departments() == null ? List.of()
          : op.departments().stream().map(d -> d.id() != null ? d.id() : d.name()).toList();
      invited.put(k, new LiveUser(k, op.email(), op.firstName(), op.lastName(), UserStatus.ACTIVE, false,
          departments, null));
      return null;
    }

    @Override
    public Void updateUser(Operation.UpdateUser u) {
      if (u.status() != null) {
        inactive.remove(u.user().key());
        reenabled.add(u.user().key());
        affected.add(u.user().key());
      }
      return null;
    }

    @Override
    public Void disableUser(Operation.DisableUser d) {
      reenabled.remove(loseAccess(d.user()));
      return null;
    }

    /** A deleted user leaves every role. */
    @Override
    public Void deleteUser(Operation.DeleteUser d) {
      String user = loseAccess(d.user());
      deleted.add(user);
      for (String role : List.copyOf(members.keySet())) {
        if (members.get(role).contains(user)) {
          writable(role).remove(user);
          moves.add(new Move(d.user(), names.getOrDefault(role, role), false));
        }
      }
      return null;
    }

    /**
     * A user the plan disables or deletes: holds nothing afterwards, and counts as a removed user
     * (for {@code --max-user-removals}) once.
     *
     * @return the user's key
     */
    private String loseAccess(UserRef user) {
      String k = user.key();
      inactive.add(k);
      affected.add(k);
      if (user.id() != null) removedUsers.putIfAbsent(user.id(), user.email());
      return k;
    }

    /** A pending applier holds no role; once denied, they are gone. */
    @Override
    public Void denyApplier(Operation.DenyApplier d) {
      deleted.add(d.user().key());
      return null;
    }
  }
}
