package io.roleform.config;

import java.util.List;
import java.util.Map;

/**
 * The people part of a desired state (DESIGN.md §7): users, departments, their explicit removals
 * and what to do with pending appliers. Everything empty ({@link #NONE}) when the config names
 * none of them — then the users of the portal are not managed at all, and planning them costs
 * nothing.
 *
 * @param users declared users, in the order the files were read
 * @param removedUsers emails of users to delete (on an application platform: to remove from the
 *     application)
 * @param departments declared departments
 * @param removedDepartments names of departments to delete
 * @param appliers whom to deny
 * @param positions where values outside user and department entries were written: {@code
 *     "removedUsers/0"}, {@code "removedDepartments/0"}, {@code "appliers/deny/0"}, {@code
 *     "appliers/denyUnlisted"}, {@code "users"}, {@code "departments"}; may be empty
 */
public record DesiredPeople(
    List<DesiredUser> users,
    List<String> removedUsers,
    List<DesiredDepartment> departments,
    List<String> removedDepartments,
    DesiredAppliers appliers,
    Map<String, SourcePosition> positions) {

  public static final DesiredPeople NONE =
      new DesiredPeople(List.of(), List.of(), List.of(), List.of(), DesiredAppliers.UNMANAGED, Map.of());

  public DesiredPeople {
    users = users == null ? List.of() : List.copyOf(users);
    removedUsers = removedUsers == null ? List.of() : List.copyOf(removedUsers);
    departments = departments == null ? List.of() : List.copyOf(departments);
    removedDepartments = removedDepartments == null ? List.of() : List.copyOf(removedDepartments);
    appliers = appliers == null ? DesiredAppliers.UNMANAGED : appliers;
    positions = positions == null ? Map.of() : Map.copyOf(positions);
  }

  /** Whether the config names no user, department or applier rule. */
  public boolean isEmpty() {
    return users.isEmpty() && removedUsers.isEmpty() && departments.isEmpty()
        && removedDepartments.isEmpty() && appliers.isUnmanaged();
  }

  /** Whether the config manages departments (declares or removes one, or a user's list). */
  public boolean namesDepartments() {
    if (!departments.isEmpty() || !removedDepartments.isEmpty()) return true;
    for (DesiredUser u : users) if (u.departments() != null) return true;
    return false;
  }

  /** The position of a value (see {@link #positions()}), or {@code null}. */
  public SourcePosition positionOf(String path) {
    return positions.get(path);
  }

  /**
   * Where a value outside the user and department entries is ({@code appliers}, {@code
   * appliers/deny/2}, {@code removedUsers/0}): its position ({@code null} when unknown) and its
   * pointer {@code /PATH}.
   */
  public Location locationOf(String path) {
    return new Location(positions.get(path), "/" + path);
  }

  /**
   * Where the config first asks for users ({@code /users}: the first user, else the first of
   * {@code removedUsers}), for a problem with users as a whole.
   */
  public Location usersLocation() {
    return new Location(!users.isEmpty() ? users.get(0).position() : positions.get("removedUsers/0"),
        !users.isEmpty() ? "/users" : "/removedUsers");
  }

  /**
   * Where the config first names departments ({@code /departments}: the first department, else the
   * first of {@code removedDepartments}, else the first user's {@code departments}), for a problem
   * with departments as a whole.
   */
  public Location departmentsLocation() {
    SourcePosition at = !departments.isEmpty() ? departments.get(0).position()
        : positions.get("removedDepartments/0");
    for (DesiredUser u : users) {
      if (at == null && u.departments() != null) at = u.positionOf("departments");
    }
    return new Location(at, "/departments");
  }
}
