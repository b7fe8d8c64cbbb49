package io.roleform.portal.keycloak;

import java.util.Objects;
import java.util.Set;

/**
 * A realm role (or client role) that may be a permission.
 *
 * @param id Keycloak's id, needed in role-mapping bodies
 * @param name the role name, which is the permission id in configs
 */
record CatalogRole(String id, String name, String description) {

  /** Roles every realm has that are not permissions a role grants. */
  private static final Set<String> BUILT_IN = Set.of("offline_access", "uma_authorization");

  CatalogRole {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(name, "name == null");
  }

  /** Whether this realm role belongs in the catalog (not {@code default-roles-*}, offline, uma). */
  boolean isPermission(String realm) {
    return !BUILT_IN.contains(name) && !name.equals("default-roles-" + realm.toLowerCase(java.util.Locale.ROOT));
  }
}
