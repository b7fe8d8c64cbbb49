package io.roleform.portal;

import java.util.Objects;

/**
 * What a portal says about itself as a whole, and what its portal kind declares it supports.
 *
 * @param name display name of the portal
 * @param profile the kind of portal ({@code secure-exchanges}, {@code case-portal}, {@code
 *     app-roles}, or another implementation's own kind such as {@code keycloak})
 * @param capabilities what this portal supports, as its portal kind declares it
 * @param stateVersion a number that changes with every change to the portal, or stays {@code 0}
 *     where the portal has none ({@link Capabilities.Concurrency}); a saved plan records it
 * @param settings the portal-wide settings (values of settings it lacks are {@code null}; whether
 *     it has them is said by {@code capabilities}, never by a {@code null})
 * @param adminRoleId id of the admin role (always first in the order, never left empty)
 * @param roleManagementPermission id of the permission that lets a user manage roles
 * @param viewerUserId id of the user the credentials belong to, or {@code null} if unknown
 * @param viewerEmail email of the user the credentials belong to, or {@code null} if unknown
 */
public record PortalInfo(
    String name,
    String profile,
    Capabilities capabilities,
    long stateVersion,
    PortalSettings settings,
    String adminRoleId,
    String roleManagementPermission,
    String viewerUserId,
    String viewerEmail) {

  public PortalInfo {
    Objects.requireNonNull(profile, "profile == null");
    Objects.requireNonNull(capabilities, "capabilities == null");
    settings = settings == null ? new PortalSettings(null, null, null) : settings;
  }
}
