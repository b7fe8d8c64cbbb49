package io.roleform.diff;

import io.roleform.config.Diagnostic;
import io.roleform.config.Location;
import io.roleform.config.DesiredRole;
import io.roleform.portal.Permission;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a desired role's permission ids and case actions against the live catalog and puts them
 * in canonical form: permissions sorted by id, case actions in catalog order, duplicates dropped.
 */
final class PermissionCheck {

  /** The permission whose case actions narrow it (DESIGN.md §1, the case-management portal). */
  static final String CASES = "cases";

  private final DiffContext ctx;

  PermissionCheck(DiffContext ctx) {
    this.ctx = ctx;
  }

  /** The role's valid permission ids, sorted; each unknown id is reported with the nearest id. */
  List<String> permissions(DesiredRole d) {
    Set<String> valid = new TreeSet<>();
    for (int i = 0; i < d.permissions().size(); i++) {
      String id = d.permissions().get(i);
      if (ctx.index.permissions.containsKey(id)) {
        valid.add(id);
      } else {
        ctx.problems.add(
            Diagnostic.at(d.locationOf("permissions/" + i),
                    "unknown permission `" + id + "` (not in the " + ctx.index.profile() + " catalog)")
                .withHint(Nearest.hint(id, ctx.index.permissions.keySet())));
      }
    }
    return List.copyOf(valid);
  }

  /**
   * The role's valid case actions in catalog order. Case actions need a catalog (a {@code cases}
   * permission with case actions) and a role that holds {@code cases} after the plan; an empty
   * list is always accepted.
   *
   * @param holdsCases whether the role holds {@code cases} after the plan
   */
  List<String> caseActions(DesiredRole d, boolean holdsCases) {
    List<String> wanted = d.caseActions();
    if (wanted.isEmpty()) return List.of();
    Permission cases = ctx.index.permissions.get(CASES);
    Location at = d.locationOf("caseActions");
    if (cases == null || cases.caseActions().isEmpty()) {
      ctx.problems.add(
          Diagnostic.at(at,
              "the portal's catalog has no case actions (no `cases` permission with any)"));
      return List.of();
    }
    if (!holdsCases) {
      ctx.problems.add(
          Diagnostic.at(at,
                  "case actions apply only to a role that holds the `cases` permission")
              .withHint("add `cases` to the role's permissions, or drop caseActions"));
      return List.of();
    }
    Set<String> valid = new LinkedHashSet<>();
    for (int i = 0; i < wanted.size(); i++) {
      String action = wanted.get(i);
      if (cases.caseActions().contains(action)) {
        valid.add(action);
      } else {
        ctx.problems.add(
            Diagnostic.at(d.locationOf("caseActions/" + i),
                    "unknown case action `" + action + "`")
                .withHint(Nearest.hint(action, cases.caseActions())));
      }
    }
    return catalogOrder(valid, cases.caseActions());
  }

  /** The given case actions in the order of the catalog (unknown ones last, in their order). */
  static List<String> catalogOrder(Set<String> actions, List<String> catalog) {
    List<String> ordered = new ArrayList<>(actions.size());
    for (String a : catalog) if (actions.contains(a)) ordered.add(a);
    for (String a : actions) if (!catalog.contains(a)) ordered.add(a);
    return List.copyOf(ordered);
  }
}
