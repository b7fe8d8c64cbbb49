package io.roleform.diff;

import io.roleform.config.Diagnostic;
import io.roleform.config.Location;
import io.roleform.config.RemovedRole;
import io.roleform.portal.LiveRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Role deletions: every {@code removed:} entry that is live (members moving to {@code
 * moveMembersTo}, or removed), and with {@code --prune} every live role the config does not name
 * (never a built-in, never the admin role). Without {@code --prune}, such a role is only reported
 * as unmanaged. A {@code removed:} entry that is not live is an info note (already gone), not an
 * error.
 *
 * <p>Also tells the member diff which users each role receives from deleted roles, since deletions
 * run before member changes.
 */
final class RemovalDiffer {

  static final String PRUNE_REASON = "pruned: not in config (--prune)";

  /** The deletions, and the user ids each role (by lower-cased final name) receives from them. */
  record Result(List<Operation.DeleteRole> deletions, Map<String, Set<String>> movedIn, Set<String> deletedIds) {}

  private final DiffContext ctx;

  RemovalDiffer(DiffContext ctx) {
    this.ctx = ctx;
  }

  Result diff() {
    Map<RemovedRole, LiveRole> removals = new LinkedHashMap<>();
    Set<String> deletedIds = new HashSet<>();
    for (RemovedRole r : ctx.desired.removed()) {
      LiveRole live = liveRemoval(r);
      if (live != null && deletedIds.add(live.id())) removals.put(r, live);
    }
    List<Operation.DeleteRole> deletions = new ArrayList<>();
    for (LiveRole live : ctx.index.rolesInOrder) {
      if (ctx.matching.desiredOf(live) != null || deletedIds.contains(live.id())) continue;
      boolean prunable = !live.builtIn() && !ctx.index.isAdmin(live);
      if (ctx.prune && prunable) {
        deletedIds.add(live.id());
        deletions.add(new Operation.DeleteRole(ref(live), null, ctx.index.membersOf(live).size(), PRUNE_REASON));
      } else {
        ctx.warnings.add(new Warning(Warning.Kind.UNMANAGED_ROLE, "role " + CodeSpans.code(live.name()) + " is not in the config; left as it is"
            + (ctx.prune ? " (built-in roles are never pruned)" : " (unmanaged)")));
      }
    }
    Map<String, Set<String>> movedIn = new HashMap<>();
    for (Map.Entry<RemovedRole, LiveRole> e : removals.entrySet()) {
      RemovedRole r = e.getKey();
      LiveRole live = e.getValue();
      Set<String> members = ctx.index.membersOf(live);
      RoleRef target = null;
      if (r.moveMembersTo() != null) {
        target = moveTarget(r, live, deletedIds);
        if (target == null) continue;
        movedIn.computeIfAbsent(LiveIndex.key(target.name()), k -> new HashSet<>()).addAll(members);
      }
      String reason = "listed in removed:" + (target == null ? "" : " (members move to " + target.name() + ")");
      deletions.add(new Operation.DeleteRole(ref(live), target, members.size(), reason));
    }
    return new Result(deletions, movedIn, deletedIds);
  }

  /** The live role a removal deletes, or {@code null} (with a warning or a problem) when none. */
  private LiveRole liveRemoval(RemovedRole r) {
    Location at = r.location();
    List<LiveRole> named = ctx.index.rolesNamed(r.name());
    if (named.isEmpty()) {
      // Not a warning: after the apply that deleted it, every later plan would repeat it (issue 15).
      ctx.notes.add("role " + r.name() + " is listed in removed: and is already gone from the live portal;"
          + " nothing to do (the entry may be deleted from the config)");
      return null;
    }
    LiveRole live = named.get(0);
    if (ctx.matching.desiredOf(live) != null) {
      ctx.problems.add(Diagnostic.at(at, "role `" + live.name() + "` is listed in removed: but role `"
          + ctx.matching.desiredOf(live).name() + "` manages it (formerNames)")
          .withHint("keep the role either in roles: or in removed:, not both"));
      return null;
    }
    if (live.builtIn() || ctx.index.isAdmin(live)) {
      ctx.problems.add(Diagnostic.at(at, "built-in role `" + live.name() + "` cannot be deleted"));
      return null;
    }
    return live;
  }

  private RoleRef moveTarget(RemovedRole r, LiveRole deleted, Set<String> deletedIds) {
    Location at = r.locationOf("moveMembersTo");
    RoleTarget target = ctx.matching.resolve(r.moveMembersTo());
    if (target == null) {
      ctx.problems.add(Diagnostic.at(at,
              "moveMembersTo names a role that exists nowhere: `" + r.moveMembersTo() + "`")
          .withHint(Nearest.hint(r.moveMembersTo(), ctx.roleNames())));
      return null;
    }
    if (!target.isCreated() && deletedIds.contains(target.live().id())) {
      ctx.problems.add(Diagnostic.at(at, "moveMembersTo names `" + target.finalName()
          + "`, which this plan deletes" + (target.live().id().equals(deleted.id()) ? " (the role itself)" : "")));
      return null;
    }
    return target.ref();
  }

  private static RoleRef ref(LiveRole live) {
    return new RoleRef(live.id(), live.name());
  }
}
