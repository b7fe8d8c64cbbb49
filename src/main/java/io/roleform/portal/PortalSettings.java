package io.roleform.portal;

/**
 * Portal-wide settings as read live. A setting the portal does not have (see {@link
 * Capabilities}) is {@code null}.
 *
 * @param owner email of the owner, or {@code null} where the portal has no owner
 * @param allowView ordinary users can see all roles and members, or {@code null}
 * @param notifyMembers members are notified of changes, or {@code null}
 */
public record PortalSettings(String owner, Boolean allowView, Boolean notifyMembers) {}
