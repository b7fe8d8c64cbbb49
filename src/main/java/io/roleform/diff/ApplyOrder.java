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
   * @param rank its step, 1 (first) to 8 (last)
   * @param role the role it is about, {@code ""} for portal-wide ones
   * @param user the user it is about when several operations of one role are about users, else
   *     {@code ""}
   * @param creation the operation itself when it creates a role (for the copy depth), else {@code null}
   */
  record Step(int rank, String role, String user, Operation.CreateRole creation) {}

  static final Operation.Visitor<Step> STEP = new Operation.Visitor<>() {
    @Override
    public Step updateRole(Operation.UpdateRole op) {
      return new Step(1, op.role().name(), "", null);
    }

    @Override
    public Step createRole(Operation.CreateRole op) {
      return new Step(2, op.name(), "", op);
    }

    @Override
    public Step deleteRole(Operation.DeleteRole op) {
      return new Step(3, op.role().name(), "", null);
    }

    @Override
    public Step approveApplier(Operation.ApproveApplier op) {
      return new Step(4, op.role().name(), op.user().email(), null);
    }

    @Override
    public Step changeMembers(Operation.ChangeMembers op) {
      return new Step(5, op.role().name(), "", null);
    }

    @Override
    public Step reorderRoles(Operation.ReorderRoles op) {
      return new Step(6, "", "", null);
    }

    @Override
    public Step updateSettings(Operation.UpdateSettings op) {
      return new Step(7, "", "", null);
    }

    @Override
    public Step transferOwner(Operation.TransferOwner op) {
      return new Step(8, "", "", null);
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
