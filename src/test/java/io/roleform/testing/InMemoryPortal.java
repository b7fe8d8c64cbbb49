package io.roleform.testing;

import io.roleform.portal.Capabilities;
import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import io.roleform.portal.LiveUser;
import io.roleform.portal.NewRole;
import io.roleform.portal.Permission;
import io.roleform.portal.PortalClient;
import io.roleform.portal.PortalException;
import io.roleform.portal.PortalException.Kind;
import io.roleform.portal.PortalInfo;
import io.roleform.portal.PortalSettings;
import io.roleform.portal.RolePatch;
import io.roleform.portal.UserStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link PortalClient} over mutable in-memory state, for tests. It enforces the invariants of the
 * Portal API v1 wire contract (SHARED.md) with the same failure kinds a real portal maps to — 404
 * unknown ids, 412 stale {@code If-Match} or {@code If-State-Version}, 422 invariants — so that code
 * tested against it behaves the same against the sandbox.
 *
 * <p>Every successful write bumps {@link #stateVersion()} by exactly one and appends one line to
 * {@link #writeLog()}; a failed write changes nothing. {@link #read()} returns an exact, immutable
 * snapshot. Role versions start at {@code "1"} and are bumped by each update of the role (member
 * changes do not change a role's version). Seeded portals: {@link InMemoryPortalSeeds}.
 *
 * <p>Not thread-safe; one test, one portal.
 */
public final class InMemoryPortal implements PortalClient {

  static final int MAX_MEMBER_BATCH = 10_000;
  private static final String CASES = "cases";

  private final String name;
  private final String profile;
  private final Capabilities capabilities;
  private final String adminRoleId;
  private final String roleManagementPermission;
  private final String viewerUserId;
  private final String viewerEmail;
  private final Map<String, Permission> permissions = new LinkedHashMap<>();
  private final Map<String, LiveUser> users = new LinkedHashMap<>();
  private final Map<String, RoleState> roles = new LinkedHashMap<>(); // in display order
  private final Map<String, Set<String>> members = new LinkedHashMap<>();
  private final List<String> writeLog = new ArrayList<>();
  private PortalSettings settings;
  private long stateVersion;
  private Long guard;
  private int nextRoleId;
  private PortalException nextFailure;

  /** A portal holding exactly what {@code seed} describes (roles in their position order). */
  public InMemoryPortal(LiveState seed) {
    PortalInfo p = seed.portal();
    name = p.name();
    profile = p.profile();
    capabilities = p.capabilities();
    adminRoleId = p.adminRoleId();
    roleManagementPermission = p.roleManagementPermission();
    viewerUserId = p.viewerUserId();
    viewerEmail = p.viewerEmail();
    settings = p.settings();
    stateVersion = p.stateVersion();
    for (Permission x : seed.permissions()) permissions.put(x.id(), x);
    for (LiveUser u : seed.users()) users.put(u.id(), u);
    seed.roles().stream().sorted(java.util.Comparator.comparingInt(LiveRole::position)).forEach(r -> {
      roles.put(r.id(), new RoleState(r));
      members.put(r.id(), new TreeSet<>(seed.members().getOrDefault(r.id(), Set.of())));
    });
    nextRoleId = roles.size() + 100;
  }

  /** The secure-exchanges seed of SHARED.md, viewed by alice. */
  public static InMemoryPortal secureExchanges() {
    return new InMemoryPortal(InMemoryPortalSeeds.secureExchanges());
  }

  /** The case-portal seed of SHARED.md, viewed by alice. */
  public static InMemoryPortal casePortal() {
    return new InMemoryPortal(InMemoryPortalSeeds.casePortal());
  }

  /** The app-roles seed of SHARED.md, viewed by alice. */
  public static InMemoryPortal appRoles() {
    return new InMemoryPortal(InMemoryPortalSeeds.appRoles());
  }

  public long stateVersion() {
    return stateVersion;
  }

  /** One line per successful write, oldest first ({@code role.create Billing Auditors} ...). */
  public List<String> writeLog() {
    return List.copyOf(writeLog);
  }

  /** Makes the next write fail with {@code failure} (changing nothing), as a flaky portal would. */
  public void failNextWrite(PortalException failure) {
    nextFailure = failure;
  }

  /** Another writer (a person in the web UI) changes something: bumps the state version only. */
  public void foreignWrite() {
    stateVersion++;
    writeLog.add("foreign.write");
  }

  @Override
  public LiveState read() {
    List<LiveRole> liveRoles = new ArrayList<>();
    Map<String, Set<String>> snapshot = new LinkedHashMap<>();
    int position = 0;
    for (RoleState r : roles.values()) {
      Set<String> m = members.get(r.id);
      liveRoles.add(r.toLive(position++, m.size()));
      snapshot.put(r.id, Set.copyOf(m));
    }
    PortalInfo info = new PortalInfo(name, profile, capabilities, stateVersion, settings, adminRoleId, roleManagementPermission,
        viewerUserId, viewerEmail);
    guard = stateVersion; // writes from now on chain from what this read saw
    return new LiveState(info, List.copyOf(permissions.values()), List.copyOf(users.values()), liveRoles, snapshot);
  }

  @Override
  public Optional<ApplierWrites> applierWrites() {
    if (!capabilities.has(Capabilities.Feature.APPLIERS)) return Optional.empty();
    return Optional.of(new ApplierWrites() {
      @Override
      public void approveUser(String userId, String roleId) {
        InMemoryPortal.this.approveUser(userId, roleId);
      }

      @Override
      public void denyUser(String userId) {
        InMemoryPortal.this.denyUser(userId);
      }
    });
  }

  @Override
  public Optional<SettingsWrites> settingsWrites() {
    return capabilities.settings().isEmpty() ? Optional.empty() : Optional.of(this::updateSettings);
  }

  @Override
  public Optional<OwnerWrites> ownerWrites() {
    return capabilities.has(Capabilities.Feature.OWNER_TRANSFER) ? Optional.of(this::transferOwner) : Optional.empty();
  }

  @Override
  public String createRole(NewRole role) {
    beginWrite();
    checkName(role.name(), null);
    RoleState template = null;
    if (role.copyFromId() != null) {
      template = roles.get(role.copyFromId());
      if (template == null) throw invalid("copyFrom", "unknown role id " + role.copyFromId());
    }
    checkPermissions(role.permissions());
    Set<String> perms = new TreeSet<>(role.permissions());
    List<String> caseActions = role.caseActions();
    if (caseActions == null) caseActions = template != null && perms.contains(CASES) ? template.caseActions : List.of();
    checkCaseActions(caseActions, perms);
    String description = role.description() != null ? role.description() : template != null ? template.description : "";
    String id = "r" + nextRoleId++;
    roles.put(id, new RoleState(id, role.name(), description, perms, caseActions, false, false));
    members.put(id, new TreeSet<>());
    endWrite("role.create " + role.name());
    return id;
  }

  @Override
  public void updateRole(String roleId, RolePatch patch, String expectedVersion) {
    beginWrite();
    RoleState r = role(roleId);
    if (expectedVersion != null && !expectedVersion.equals(String.valueOf(r.version))) {
      throw new PortalException(Kind.PRECONDITION_FAILED, 412, "role " + r.name + " changed since it was read");
    }
    if (patch.name() != null) checkName(patch.name(), roleId);
    Set<String> perms = r.permissions;
    if (patch.permissions() != null) {
      if (r.fixedPermissions) throw invalid("permissions", "the permissions of built-in role " + r.name + " are fixed");
      checkPermissions(patch.permissions());
      perms = new TreeSet<>(patch.permissions());
    }
    List<String> caseActions = patch.caseActions() != null ? patch.caseActions() : r.caseActions;
    if (!perms.contains(CASES) && patch.caseActions() == null) caseActions = List.of();
    checkCaseActions(caseActions, perms);
    if (patch.name() != null) r.name = patch.name();
    if (patch.description() != null) r.description = patch.description();
    r.permissions = perms;
    r.caseActions = List.copyOf(caseActions);
    r.version++;
    endWrite("role.update " + r.name);
  }

  @Override
  public void deleteRole(String roleId, String moveMembersToId) {
    beginWrite();
    RoleState r = role(roleId);
    if (r.builtIn || roleId.equals(adminRoleId)) throw invalid("id", "built-in role " + r.name + " cannot be deleted");
    if (moveMembersToId != null && (moveMembersToId.equals(roleId) || !roles.containsKey(moveMembersToId))) {
      throw invalid("moveMembersTo", "moveMembersTo must be another existing role");
    }
    if (moveMembersToId != null) members.get(moveMembersToId).addAll(members.get(roleId));
    roles.remove(roleId);
    members.remove(roleId);
    endWrite("role.delete " + r.name + (moveMembersToId == null ? "" : " -> " + roles.get(moveMembersToId).name));
  }

  @Override
  public void reorderRoles(List<String> roleIds) {
    beginWrite();
    if (roleIds.size() != roles.size() || !new HashSet<>(roleIds).equals(roles.keySet())) {
      throw invalid("roleIds", "the order must name every role exactly once");
    }
    if (adminRoleId != null && !roleIds.get(0).equals(adminRoleId)) throw invalid("roleIds", "the admin role must be first");
    Map<String, RoleState> reordered = new LinkedHashMap<>();
    for (String id : roleIds) reordered.put(id, roles.get(id));
    roles.clear();
    roles.putAll(reordered);
    endWrite("role.reorder");
  }

  @Override
  public void changeMembers(String roleId, Set<String> addUserIds, Set<String> removeUserIds) {
    beginWrite();
    RoleState r = role(roleId);
    if (addUserIds.size() + removeUserIds.size() > MAX_MEMBER_BATCH) {
      throw invalid("add", "at most " + MAX_MEMBER_BATCH + " user ids per request");
    }
    for (String id : addUserIds) {
      LiveUser u = users.get(id);
      if (u == null) throw invalid("add", "unknown user id " + id);
      if (u.status() == UserStatus.PENDING) throw invalid("add", "user " + u.email() + " is pending: approve them");
    }
    for (String id : removeUserIds) if (!users.containsKey(id)) throw invalid("remove", "unknown user id " + id);
    members.get(roleId).addAll(addUserIds);
    members.get(roleId).removeAll(removeUserIds);
    endWrite("role.members " + r.name + " +" + addUserIds.size() + " -" + removeUserIds.size());
  }

  public void approveUser(String userId, String roleId) {
    beginWrite();
    LiveUser u = users.get(userId);
    if (u == null) throw new PortalException(Kind.NOT_FOUND, 404, "unknown user id " + userId);
    if (!roles.containsKey(roleId)) throw invalid("roleId", "unknown role id " + roleId);
    if (u.status() != UserStatus.PENDING) throw invalid("id", "user " + u.email() + " is not pending");
    users.put(userId, new LiveUser(u.id(), u.email(), u.firstName(), u.lastName(), UserStatus.ACTIVE, u.external()));
    members.get(roleId).add(userId);
    endWrite("user.approve " + u.email() + " -> " + roles.get(roleId).name);
  }

  /** Denies a pending applier: the user is gone. */
  public void denyUser(String userId) {
    beginWrite();
    LiveUser u = users.get(userId);
    if (u == null) throw new PortalException(Kind.NOT_FOUND, 404, "unknown user id " + userId);
    if (u.status() != UserStatus.PENDING) throw invalid("id", "user " + u.email() + " is not pending");
    users.remove(userId);
    members.values().forEach(m -> m.remove(userId));
    endWrite("user.deny " + u.email());
  }

  public void updateSettings(Boolean allowView, Boolean notifyMembers) {
    beginWrite();
    if (allowView != null && settings.allowView() == null) throw invalid("allowView", profile + " has no allowView");
    if (notifyMembers != null && settings.notifyMembers() == null) throw invalid("notifyMembers", profile + " has no notifyMembers");
    settings = new PortalSettings(settings.owner(), allowView != null ? allowView : settings.allowView(),
        notifyMembers != null ? notifyMembers : settings.notifyMembers());
    endWrite("settings.update");
  }

  public void transferOwner(String newOwnerUserId) {
    beginWrite();
    if (settings.owner() == null) throw invalid("newOwner", profile + " has no owner");
    LiveUser u = users.get(newOwnerUserId);
    if (u == null || u.status() == UserStatus.PENDING || u.external()) {
      throw invalid("newOwner", "the new owner must be an active member of the organisation");
    }
    settings = new PortalSettings(u.email(), settings.allowView(), settings.notifyMembers());
    endWrite("owner.transfer " + u.email());
  }

  @Override
  public void close() {}

  private void beginWrite() {
    if (nextFailure != null) {
      PortalException e = nextFailure;
      nextFailure = null;
      throw e;
    }
    if (guard != null && guard != stateVersion) {
      throw new PortalException(Kind.PRECONDITION_FAILED, 412,
          "the portal is at state version " + stateVersion + ", not " + guard);
    }
  }

  private void endWrite(String entry) {
    stateVersion++;
    if (guard != null) guard = stateVersion;
    writeLog.add(entry);
  }

  private RoleState role(String id) {
    RoleState r = roles.get(id);
    if (r == null) throw new PortalException(Kind.NOT_FOUND, 404, "unknown role id " + id);
    return r;
  }

  private void checkName(String roleName, String exceptId) {
    if (roleName.isBlank() || roleName.length() > 200) throw invalid("name", "a role name has 1 to 200 characters");
    String key = roleName.toLowerCase(Locale.ROOT);
    for (RoleState r : roles.values()) {
      if (!r.id.equals(exceptId) && r.name.toLowerCase(Locale.ROOT).equals(key)) {
        throw invalid("name", "a role named " + r.name + " exists");
      }
    }
  }

  private void checkPermissions(List<String> ids) {
    for (String id : ids) if (!permissions.containsKey(id)) throw invalid("permissions", "unknown permission " + id);
  }

  private void checkCaseActions(List<String> caseActions, Set<String> rolePermissions) {
    if (caseActions.isEmpty()) return;
    Permission cases = permissions.get(CASES);
    if (cases == null || !rolePermissions.contains(CASES)) {
      throw invalid("caseActions", "case actions need a role holding cases");
    }
    for (String a : caseActions) if (!cases.caseActions().contains(a)) throw invalid("caseActions", "unknown case action " + a);
  }

  private static PortalException invalid(String field, String detail) {
    return new PortalException(Kind.INVALID, 422, detail + " (field " + field + ")");
  }

  /** One role's mutable state. */
  private static final class RoleState {
    final String id;
    String name;
    String description;
    Set<String> permissions;
    List<String> caseActions;
    final boolean builtIn;
    final boolean fixedPermissions;
    int version = 1;

    RoleState(String id, String name, String description, Set<String> permissions, List<String> caseActions,
        boolean builtIn, boolean fixedPermissions) {
      this.id = id;
      this.name = name;
      this.description = description;
      this.permissions = permissions;
      this.caseActions = List.copyOf(caseActions);
      this.builtIn = builtIn;
      this.fixedPermissions = fixedPermissions;
    }

    RoleState(LiveRole r) {
      this(r.id(), r.name(), r.description(), new TreeSet<>(r.permissions()), r.caseActions(), r.builtIn(),
          r.fixedPermissions());
      version = parseVersion(r.version());
    }

    private static int parseVersion(String v) {
      try {
        return v == null ? 1 : Integer.parseInt(v);
      } catch (NumberFormatException e) {
        return 1;
      }
    }

    LiveRole toLive(int position, int memberCount) {
      return new LiveRole(id, name, description, List.copyOf(permissions), caseActions, position, builtIn,
          fixedPermissions, memberCount, String.valueOf(version));
    }
  }
}
