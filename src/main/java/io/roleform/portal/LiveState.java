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
 */
public record LiveState(
    PortalInfo portal,
    List<Permission> permissions,
    List<LiveUser> users,
    List<LiveRole> roles,
    Map<String, Set<String>> members) {

  public LiveState {
    Objects.requireNonNull(portal, "portal == null");
    permissions = List.copyOf(permissions);
    users = List.copyOf(users);
    roles = List.copyOf(roles);
    members = Map.copyOf(members);
  }
}
