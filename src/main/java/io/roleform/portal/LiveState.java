package io.roleform.portal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything roleform reads from a portal, as one immutable snapshot.
 *
 * <p>Read with as few requests as the portal allows (never one per role or per user). The diff
 * needs nothing else: a {@code LiveState} and a desired state fully determine a plan.
 *
 * @param portal portal-wide facts, including the {@code stateVersion}
 * @param permissions the permission catalog
 * @param users all users, including pending appliers and external collaborators
 * @param roles all roles, sorted by position
 * @param members user ids per role id; every role id of {@code roles} is a key
 * @param departments the departments (empty on portals without {@link Capabilities.Feature#DEPARTMENTS})
 */
public record LiveState(
    PortalInfo portal,
    List<Permission> permissions,
    List<LiveUser> users,
    List<LiveRole> roles,
    Map<String, Set<String>> members,
    List<LiveDepartment> departments) {

  public LiveState {
    Objects.requireNonNull(portal, "portal == null");
    permissions = List.copyOf(permissions);
    users = List.copyOf(users);
    roles = List.copyOf(roles);
    members = Map.copyOf(members);
    departments = departments == null ? List.of() : List.copyOf(departments);
  }

  /** A state without departments. */
  public LiveState(
      PortalInfo portal,
      List<Permission> permissions,
      List<LiveUser> users,
      List<LiveRole> roles,
      Map<String, Set<String>> members) {
    this(portal, permissions, users, roles, members, List.of());
  }

  /** Whether the portal's kind declares {@code feature} ({@link PortalInfo#capabilities()}). */
  public boolean has(Capabilities.Feature feature) {
    return portal.capabilities().has(feature);
  }
}
