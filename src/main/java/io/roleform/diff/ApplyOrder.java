package io.roleform.diff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one rule for the order in which a plan's operations are applied. Every ordering of
 * operations in roleform goes through {@link #comparator}.
 */
public final class ApplyOrder {

  private ApplyOrder() {}

  /** The operations sorted into apply order (a new list). */
  public static List<Operation> sort(Collection<? extends Operation> operations) {
    List<Operation> sorted = new ArrayList<>(operations);
    sorted.sort(comparator(operations));
    return sorted;
  }

  /*
   * Apply order (DESIGN.md §7: departments created/renamed -> users invited/updated -> roles,
   * order, memberships -> users disabled -> users deleted -> departments deleted):
   *    1. RenameDepartment  first, so a creation may reuse a name a rename frees
   *    2. CreateDepartment  before the users who are invited into or moved to it
   *    3. InviteUser        before any membership names the new user
   *    4. UpdateUser        names, departments, re-enabling (disabling is step 14)
   *    5. UpdateRole        renames and permission changes, so that templates and move targets
   *                         already have their final names and values
   *    6. CreateRole        templates before the roles copying them (by copy depth)
   *    7. DeleteRole        after creations, so moveMembersTo can target a created role; before
   *                         member changes, which count moved members as already there
   *    8. ApproveApplier    a pending applier becomes a member before other roles add them
   *    9. DenyApplier
   *   10. ChangeMembers     adds and removes of one role in one request
   *   11. ReorderRoles      once every role exists and the deleted ones are gone
   *   12. UpdateSettings
   *   13. TransferOwner     after role changes (the token's user may lose ownership), before a
   *                         former owner is disabled or deleted
   *   14. DisableUser       after the role changes, so no membership change targets a disabled user
   *   15. DeleteUser        after the disable the portal needs before a deletion
   *   16. DeleteDepartment  last: the users it had have been moved or deleted
   * Ties: by role name (case-insensitively), then by user email, then department name.
   */
  /**
   * The apply-order comparator for the given set of operations (needed to know which created role
   * copies which).
   */
  public static Comparator<Operation> comparator(Collection<? extends Operation> operations) {
    Map<String, Operation.CreateRole> creations = new HashMap<>();
    for (Operation op : operations) {
      if (op instanceof Operation.CreateRole c) creations.put(key(c.name()), c);
    }
    Map<String, Integer> depths = new HashMap<>();
    return Comparator.comparingInt(ApplyOrder::rank)
        .thenComparingInt((Operation op) -> op instanceof Operation.CreateRole c ? depth(c, creations, depths, 0) : 0)
        .thenComparing(op -> key(roleName(op)))
        .thenComparing(op -> key(userEmail(op)))
        .thenComparing(op -> key(departmentName(op)));
  }

  /** The step of an operation kind: 1 (first) to 16 (last). */
  static int rank(Operation op) {
    if (op instanceof Operation.RenameDepartment) return 1;
    if (op instanceof Operation.CreateDepartment) return 2;
    if (op instanceof Operation.InviteUser) return 3;
    if (op instanceof Operation.UpdateUser) return 4;
    if (op instanceof Operation.UpdateRole) return 5;
    if (op instanceof Operation.CreateRole) return 6;
    if (op instanceof Operation.DeleteRole) return 7;
    if (op instanceof Operation.ApproveApplier) return 8;
    if (op instanceof Operation.DenyApplier) return 9;
    if (op instanceof Operation.ChangeMembers) return 10;
    if (op instanceof Operation.ReorderRoles) return 11;
    if (op instanceof Operation.UpdateSettings) return 12;
    if (op instanceof Operation.TransferOwner) return 13;
    if (op instanceof Operation.DisableUser) return 14;
    if (op instanceof Operation.DeleteUser) return 15;
    return 16;
  }

  /** The role an operation is about, or {@code ""} for portal-wide ones. */
  static String roleName(Operation op) {
    if (op instanceof Operation.UpdateRole u) return u.role().name();
    if (op instanceof Operation.CreateRole c) return c.name();
    if (op instanceof Operation.DeleteRole d) return d.role().name();
    if (op instanceof Operation.ApproveApplier a) return a.role().name();
    if (op instanceof Operation.ChangeMembers m) return m.role().name();
    return "";
  }

  /** The user an operation is about, or {@code ""}. */
  static String userEmail(Operation op) {
    if (op instanceof Operation.ApproveApplier a) return a.user().email();
    if (op instanceof Operation.InviteUser i) return i.email();
    if (op instanceof Operation.UpdateUser u) return u.user().email();
    if (op instanceof Operation.DisableUser d) return d.user().email();
    if (op instanceof Operation.DeleteUser d) return d.user().email();
    if (op instanceof Operation.DenyApplier d) return d.user().email();
    return "";
  }

  /** The department an operation is about, or {@code ""}. */
  static String departmentName(Operation op) {
    if (op instanceof Operation.CreateDepartment c) return c.name();
    if (op instanceof Operation.RenameDepartment r) return r.name().after();
    if (op instanceof Operation.DeleteDepartment d) return d.department().name();
    return "";
  }

  /** How many created templates precede a creation (0 when it copies no role created here). */
  private static int depth(
      Operation.CreateRole c, Map<String, Operation.CreateRole> creations, Map<String, Integer> depths, int guard) {
    Integer known = depths.get(key(c.name()));
    if (known != null) return known;
    int d = 0;
    RoleRef template = c.copyFrom();
    if (template != null && template.id() == null && guard < creations.size()) {
      Operation.CreateRole t = creations.get(key(template.name()));
      if (t != null && t != c) d = 1 + depth(t, creations, depths, guard + 1);
    }
    depths.put(key(c.name()), d);
    return d;
  }

  private static String key(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
