package io.roleform.config;

/**
 * The portal-wide settings a config manages. Each field is {@code null} when the config does not
 * name it, which means "not managed: leave it as it is live".
 *
 * @param owner email of the app owner; ownership is transferred when it differs from live
 * @param allowView whether ordinary users can see all roles and members
 * @param notifyMembers whether members are notified on add, remove and role change
 */
public record DesiredSettings(String owner, Boolean allowView, Boolean notifyMembers) {

  public static final DesiredSettings UNMANAGED = new DesiredSettings(null, null, null);

  public boolean isUnmanaged() {
    return owner == null && allowView == null && notifyMembers == null;
  }
}
