package io.roleform.diff;

import io.roleform.config.Diagnostic;
import io.roleform.portal.LiveRole;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The display order. When {@code order} is managed: the admin role first (named or not), then the
 * roles {@code order} names in that order, then every other role in its current relative order.
 * "Current" is the live order without the roles this plan deletes, followed by the roles it creates
 * in creation order (the portal appends new roles). One {@link Operation.ReorderRoles} is emitted
 * only when the result differs from that; its {@code before} is the live order as read (deleted
 * roles included, live names), its {@code after} the full new order (final names; created roles
 * without id).
 */
final class OrderDiffer {

  static final String REASON = "order: differs from live";

  private final DiffContext ctx;

  OrderDiffer(DiffContext ctx) {
    this.ctx = ctx;
  }

  /** @param creations the role creations in apply order */
  List<Operation> diff(List<Operation.CreateRole> creations, Set<String> deletedIds) {
    List<String> order = ctx.desired.order();
    if (order == null) return List.of();
    List<RoleRef> current = new ArrayList<>();
    RoleRef admin = null;
    for (LiveRole live : ctx.index.rolesInOrder) {
      if (deletedIds.contains(live.id())) continue;
      RoleRef ref = new RoleRef(live.id(), finalName(live));
      if (ctx.index.isAdmin(live)) admin = ref;
      current.add(ref);
    }
    for (Operation.CreateRole c : creations) current.add(new RoleRef(null, c.name()));

    List<RoleRef> result = new ArrayList<>(current.size());
    Set<String> placed = new HashSet<>();
    if (admin != null) place(admin, result, placed);
    for (int i = 0; i < order.size(); i++) {
      String name = order.get(i);
      RoleTarget target = ctx.matching.resolve(name);
      if (target == null) {
        ctx.problems.add(Diagnostic.at(ctx.desired.locationOf("order/" + i), "order names a role that exists nowhere: `" + name + "`")
            .withHint(Nearest.hint(name, ctx.roleNames())));
      } else if (!target.isCreated() && deletedIds.contains(target.live().id())) {
        ctx.problems.add(Diagnostic.at(ctx.desired.locationOf("order/" + i), "order names `" + name + "`, which this plan deletes")
            .withHint("drop it from order, or keep the role"));
      } else {
        place(target.ref(), result, placed);
      }
    }
    for (RoleRef ref : current) place(ref, result, placed);
    if (names(result).equals(names(current))) return List.of();
    List<RoleRef> before = new ArrayList<>();
    for (LiveRole live : ctx.index.rolesInOrder) before.add(new RoleRef(live.id(), live.name()));
    return List.of(new Operation.ReorderRoles(before, result, REASON));
  }

  private String finalName(LiveRole live) {
    var desired = ctx.matching.desiredOf(live);
    return desired == null ? live.name() : desired.name();
  }

  private static void place(RoleRef ref, List<RoleRef> result, Set<String> placed) {
    if (placed.add(LiveIndex.key(ref.name()))) result.add(ref);
  }

  private static List<String> names(List<RoleRef> refs) {
    List<String> names = new ArrayList<>(refs.size());
    for (RoleRef r : refs) names.add(r.name());
    return names;
  }
}
