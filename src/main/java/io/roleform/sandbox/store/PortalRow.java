package io.roleform.sandbox.store;

/**
 * The portal itself: identity, state version and settings.
 *
 * @param hasSettings only app-roles has owner, allowView and notifyMembers; others store nulls
 * @param ownerUserId the owner's user id, or {@code null}
 */
public record PortalRow(
    String name,
    String profile,
    long stateVersion,
    String adminRoleId,
    String roleManagementPermission,
    boolean hasSettings,
    String ownerUserId,
    Boolean allowView,
    Boolean notifyMembers,
    long settingsVersion) {}
