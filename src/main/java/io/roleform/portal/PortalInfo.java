package io.roleform.portal;

import java.util.Objects;

/**
 * What {@code GET /portal} says about the portal as a whole.
 *
 * @param name display name of the portal
 * @param profile the kind of portal ({@code secure-exchanges}, {@code case-portal}, {@code
 *     app-roles}, or another implementation's own kind such as {@code keycloak})
 * @param stateVersion bumped by every change; a saved plan records it
 * @param settings the portal-wide settings
 * @param adminRoleId id of the admin role (always first in the order, never left empty)
 * @param roleManagementPermission id of the permission that lets a user manage roles
 * @param viewerUserId id of the user the token belongs to, or {@code null} if unknown
 * @param viewerEmail email of the user the token belongs to, or {@code null} if unknown
 */
public record PortalInfo(
    String name,
    String profile,
    long stateVersion,
    PortalSettings settings,
    String adminRoleId,
    String roleManagementPermission,
    String viewerUserId,
    String viewerEmail) {

  public PortalInfo {
    Objects.requireNonNull(profile, "profile == null");
    settings = settings == null ? new PortalSettings(null, null, null) : settings;
  }
}
