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
   * Apply order:
   *   1. UpdateRole      renames and permission changes first, so that templates and move targets
   *                      already have their final names and values
   *   2. CreateRole      templates before the roles copying them (by copy depth)
   *   3. DeleteRole      after creations, so moveMembersTo can target a created role; before member
   *                      changes, which count moved members as already there
   *   4. ApproveApplier  a pending applier becomes a member before other roles add them
   *   5. ChangeMembers   adds and removes of one role in one request
   *   6. ReorderRoles    once every role exists and the deleted ones are gone
   *   7. UpdateSettings
   *   8. TransferOwner   last: the token's user may lose ownership
   * Ties: by role name (case-insensitively), then by user email.
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
        .thenComparing(op -> op instanceof Operation.ApproveApplier a ? key(a.user().email()) : "");
  }

  /** The step of an operation kind: 1 (first) to 8 (last). */
  static int rank(Operation op) {
    if (op instanceof Operation.UpdateRole) return 1;
    if (op instanceof Operation.CreateRole) return 2;
    if (op instanceof Operation.DeleteRole) return 3;
    if (op instanceof Operation.ApproveApplier) return 4;
    if (op instanceof Operation.ChangeMembers) return 5;
    if (op instanceof Operation.ReorderRoles) return 6;
    if (op instanceof Operation.UpdateSettings) return 7;
    return 8;
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
