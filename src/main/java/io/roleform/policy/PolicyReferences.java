package io.roleform.policy;

import io.roleform.config.DesiredPolicy;
import io.roleform.config.DesiredRole;
import io.roleform.config.DesiredState;
import io.roleform.config.Diagnostic;
import io.roleform.config.PolicyRule;
import io.roleform.config.Suggestions;
import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import io.roleform.portal.Permission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Plan-time checks of what policies name: every role exists (declared in the config or live) and
 * every permission is in the live catalog. A typo in a policy would otherwise make it hold
 * vacuously (nobody holds a permission that does not exist). Paths are {@code /policies/NAME/...}.
 */
public final class PolicyReferences {

  private PolicyReferences() {}

  /** One problem per unknown name, with the nearest known one as hint. */
  public static List<Diagnostic> check(DesiredState desired, LiveState live) {
    Map<String, String> roles = new LinkedHashMap<>();
    for (DesiredRole r : desired.roles()) roles.putIfAbsent(r.name().toLowerCase(Locale.ROOT), r.name());
    for (LiveRole r : live.roles()) roles.putIfAbsent(r.name().toLowerCase(Locale.ROOT), r.name());
    Set<String> permissions = new LinkedHashSet<>();
    for (Permission p : live.permissions()) permissions.add(p.id());
    List<Diagnostic> problems = new ArrayList<>();
    for (DesiredPolicy p : desired.policies()) {
      PolicyRule rule = p.rule();
      String k = rule.key();
      if (rule instanceof PolicyRule.Exclusive e) {
        if (e.roles() != null) roles(p, k + "/roles", e.roles(), roles, problems);
        if (e.permissions() != null) permissions(p, k + "/permissions", e.permissions(), permissions, problems);
      } else if (rule instanceof PolicyRule.OnlyIn o) {
        permission(p, k + "/permission", o.permission(), permissions, problems);
        roles(p, k + "/roles", o.roles(), roles, problems);
      } else if (rule instanceof PolicyRule.MemberCount c) {
        if (c.role() != null) role(p, k + "/role", c.role(), roles, problems);
        if (c.permission() != null) permission(p, k + "/permission", c.permission(), permissions, problems);
      } else if (rule instanceof PolicyRule.MembersMatch m) {
        roles(p, k + "/roles", m.roles(), roles, problems);
      }
    }
    return problems;
  }

  private static void roles(DesiredPolicy p, String path, List<String> names, Map<String, String> known,
      List<Diagnostic> problems) {
    for (int i = 0; i < names.size(); i++) role(p, path + "/" + i, names.get(i), known, problems);
  }

  private static void role(DesiredPolicy p, String path, String name, Map<String, String> known,
      List<Diagnostic> problems) {
    if (known.containsKey(name.toLowerCase(Locale.ROOT))) return;
    problems.add(new Diagnostic(p.locationOf(path),
        "policy `" + p.name() + "` names a role that exists nowhere: `" + name + "`",
        Suggestions.didYouMean(name, known.values())));
  }

  private static void permissions(DesiredPolicy p, String path, List<String> ids, Set<String> known,
      List<Diagnostic> problems) {
    for (int i = 0; i < ids.size(); i++) permission(p, path + "/" + i, ids.get(i), known, problems);
  }

  private static void permission(DesiredPolicy p, String path, String id, Set<String> known,
      List<Diagnostic> problems) {
    if (known.contains(id)) return;
    problems.add(new Diagnostic(p.locationOf(path),
        "policy `" + p.name() + "` names a permission the portal does not have: `" + id + "`",
        Suggestions.didYouMean(id, known)));
  }
}
