package io.roleform.sandbox.store;

import java.util.List;
import java.util.Optional;

/**
 * The seed data of one sandbox profile (SHARED.md "Seed data"; examples and end-to-end tests rely
 * on these exact names).
 *
 * @param name the profile name used on the command line
 * @param displayName the portal's name
 * @param roleManagementPermission the permission a writing user must hold through some role
 * @param permissions the catalog, in order
 * @param extraUsers users beyond the fifteen common ones (ids follow {@code u15})
 * @param roles roles in display order; the first is the admin role
 * @param ownerEmail the owner; {@code null} on profiles without settings
 * @param allowView the allowView setting; {@code null} on profiles without settings
 * @param notifyMembers the notifyMembers setting; {@code null} on profiles without settings
 */
public record Profile(
    String name,
    String displayName,
    String roleManagementPermission,
    List<PermissionRow> permissions,
    List<UserRow> extraUsers,
    List<RoleSeed> roles,
    String ownerEmail,
    Boolean allowView,
    Boolean notifyMembers) {

  /**
   * A seeded role.
   *
   * @param permissions permission ids; {@code null} = every permission (the admin role)
   * @param caseActions case actions; {@code null} = the whole catalog (the admin role)
   * @param members member emails
   */
  public record RoleSeed(
      String name,
      String description,
      List<String> permissions,
      List<String> caseActions,
      boolean builtIn,
      boolean fixedPermissions,
      List<String> members) {}

  /** Whether the profile has owner, allowView and notifyMembers. */
  public boolean hasSettings() {
    return ownerEmail != null;
  }

  /**
   * What the profile's portal offers beyond roles, as {@code GET /portal} reports it: {@code users}
   * (invite, update, delete) everywhere; {@code departments} and {@code delete-needs-disable} on the
   * case portal; {@code appliers} and {@code collaborators} on the app platform.
   */
  public static List<String> features(String profileName) {
    List<String> f = new java.util.ArrayList<>(List.of("users"));
    if (Profiles.hasDepartments(profileName)) {
      f.add("departments");
      f.add("delete-needs-disable");
    }
    if (Profiles.hasAppliers(profileName)) {
      f.add("appliers");
      f.add("collaborators");
    }
    return List.copyOf(f);
  }

  /** Whether the profile's portal has departments. */
  public static boolean hasDepartments(String profileName) {
    return Profiles.hasDepartments(profileName);
  }

  /** Whether deleting a user on this profile's portal requires disabling them first. */
  public static boolean deleteNeedsDisable(String profileName) {
    return Profiles.hasDepartments(profileName);
  }

  /** The profile names, in the order help texts list them. */
  public static final List<String> NAMES = List.of("secure-exchanges", "case-portal", "app-roles");

  /** The profile with this name. */
  public static Optional<Profile> named(String name) {
    return Optional.ofNullable(
        switch (name) {
          case "secure-exchanges" -> Profiles.secureExchanges();
          case "case-portal" -> Profiles.casePortal();
          case "app-roles" -> Profiles.appRoles();
          default -> null;
        });
  }
}
