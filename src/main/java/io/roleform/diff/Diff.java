package io.roleform.diff;

import io.roleform.config.DesiredState;
import io.roleform.config.Diagnostic;

import io.roleform.portal.LiveState;
import java.util.ArrayList;
import java.util.List;

/**
 * The diff: {@link DesiredState} × {@link LiveState} → the operations that make live what the
 * config says (DESIGN.md §2), with the checks that need the live portal. Pure and deterministic:
 * the same inputs give the same result. Linear in the size of the inputs (hash lookups keyed by
 * lower-cased names and emails), so a portal of 50,000 users and 200,000 memberships diffs in a
 * fraction of a second.
 */
public final class Diff {

  private Diff() {}

  public static DiffResult compute(DesiredState desired, LiveState live, boolean prune) {
    return compute(desired, live, prune, false);
  }

  /** @param pruneUsers delete every live user the config does not list (--prune-users) */
  public static DiffResult compute(DesiredState desired, LiveState live, boolean prune, boolean pruneUsers) {
    List<Diagnostic> unsupported = CapabilityCheck.problems(desired, live.portal().capabilities(),
        live.portal().profile(), pruneUsers);
    if (!unsupported.isEmpty()) {
      List<Diagnostic> sorted = new ArrayList<>(unsupported);
      sorted.sort(Diagnostic.ORDER);
      return new DiffResult(List.of(), List.of(), sorted);
    }
    DiffContext ctx = new DiffContext(desired, new LiveIndex(live), prune);
    PeopleDiffer.Result people = new PeopleDiffer(ctx, pruneUsers).diff();
    List<Operation> ops = new ArrayList<>(people.operations());
    ops.addAll(new RoleDiffer(ctx).diff());
    RemovalDiffer.Result removals = new RemovalDiffer(ctx).diff();
    ops.addAll(removals.deletions());
    ops.addAll(new MemberDiffer(ctx).diff(removals.movedIn(), people.invited()));
    List<Operation.CreateRole> creations = new ArrayList<>();
    for (Operation op : ApplyOrder.sort(ops)) {
      Operation.CreateRole c = op.accept(ApplyOrder.STEP).creation();
      if (c != null) creations.add(c);
    }
    ops.addAll(new OrderDiffer(ctx).diff(creations, removals.deletedIds()));
    ops.addAll(new SettingsDiffer(ctx).diff());
    List<Diagnostic> problems = new ArrayList<>(ctx.problems);
    problems.sort(Diagnostic.ORDER);
    return new DiffResult(ops, ctx.warnings, problems, ctx.notes);
  }
}
