package io.roleform.portal;

import java.util.EnumSet;
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
 * @param departments the departments (empty on portals without them)
 * @param features what the portal offers beyond roles
 */
public record LiveState(
    PortalInfo portal,
    List<Permission> permissions,
    List<LiveUser> users,
    List<LiveRole> roles,
    Map<String, Set<String>> members,
    List<LiveDepartment> departments,
    Set<PortalFeature> features) {

  public LiveState {
    Objects.requireNonNull(portal, "portal == null");
    permissions = List.copyOf(permissions);
    users = List.copyOf(users);
    roles = List.copyOf(roles);
    members = Map.copyOf(members);
    departments = departments == null ? List.of() : List.copyOf(departments);
    features = features == null ? PortalFeature.defaultsFor(portal.profile())
        : features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
  }

  /** A state without departments, with the features of its profile ({@link PortalFeature#defaultsFor}). */
  public LiveState(
      PortalInfo portal,
      List<Permission> permissions,
      List<LiveUser> users,
      List<LiveRole> roles,
      Map<String, Set<String>> members) {
    this(portal, permissions, users, roles, members, List.of(), null);
  }

  /** Whether the portal offers {@code feature}. */
  public boolean has(PortalFeature feature) {
    return features.contains(feature);
  }
}
