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
   *    5. UpdateRole        renames and permission changes first, so that templates and move
   *                         targets already have their final names and values
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
   * Ties: by role (or department) name, case-insensitively, then by user email.
   */
  /**
   * The apply-order comparator for the given set of operations (needed to know which created role
   * copies which).
   */
  public static Comparator<Operation> comparator(Collection<? extends Operation> operations) {
    Map<String, Operation.CreateRole> creations = new HashMap<>();
    for (Operation op : operations) {
      Step step = op.accept(STEP);
      if (step.creation() != null) creations.put(key(step.creation().name()), step.creation());
    }
    Map<String, Integer> depths = new HashMap<>();
    return Comparator.comparingInt((Operation op) -> op.accept(STEP).rank())
        .thenComparingInt(op -> {
          Operation.CreateRole c = op.accept(STEP).creation();
          return c == null ? 0 : depth(c, creations, depths, 0);
        })
        .thenComparing(op -> key(op.accept(STEP).role()))
        .thenComparing(op -> key(op.accept(STEP).user()));
  }

  /**
   * Where an operation goes in the order above.
   *
   * @param rank its step, 1 (first) to 16 (last)
   * @param role the role (or department) it is about, {@code ""} for portal-wide ones
   * @param user the user it is about when several operations of one role are about users, else
   *     {@code ""}
   * @param creation the operation itself when it creates a role (for the copy depth), else {@code null}
   */
  record Step(int rank, String role, String user, Operation.CreateRole creation) {}

  static final Operation.Visitor<Step> STEP = new Operation.Visitor<>() {
    @Override
    public Step updateRole(Operation.UpdateRole op) {
      return new Step(5, op.role().name(), "", null);
    }

    @Override
    public Step createRole(Operation.CreateRole op) {
      return new Step(6, op.name(), "", op);
    }

    @Override
    public Step deleteRole(Operation.DeleteRole op) {
      return new Step(7, op.role().name(), "", null);
    }

    @Override
    public Step approveApplier(Operation.ApproveApplier op) {
      return new Step(8, op.role().name(), op.user().email(), null);
    }

    @Override
    public Step changeMembers(Operation.ChangeMembers op) {
      return new Step(10, op.role().name(), "", null);
    }

    @Override
    public Step reorderRoles(Operation.ReorderRoles op) {
      return new Step(11, "", "", null);
    }

    @Override
    public Step updateSettings(Operation.UpdateSettings op) {
      return new Step(12, "", "", null);
    }

    @Override
    public Step transferOwner(Operation.TransferOwner op) {
      return new Step(13, "", "", null);
    }

    @Override
    public Step renameDepartment(Operation.RenameDepartment op) {
      return new Step(1, op.name().after(), "", null);
    }

    @Override
    public Step createDepartment(Operation.CreateDepartment op) {
      return new Step(2, op.name(), "", null);
    }

    @Override
    public Step inviteUser(Operation.InviteUser op) {
      return new Step(3, "", op.email(), null);
    }

    @Override
    public Step updateUser(Operation.UpdateUser op) {
      return new Step(4, "", op.user().email(), null);
    }

    @Override
    public Step denyApplier(Operation.DenyApplier op) {
      return new Step(9, "", op.user().email(), null);
    }

    @Override
    public Step disableUser(Operation.DisableUser op) {
      return new Step(14, "", op.user().email(), null);
    }

    @Override
    public Step deleteUser(Operation.DeleteUser op) {
      return new Step(15, "", op.user().email(), null);
    }

    @Override
    public Step deleteDepartment(Operation.DeleteDepartment op) {
      return new Step(16, op.department().name(), "", null);
    }
  };

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
