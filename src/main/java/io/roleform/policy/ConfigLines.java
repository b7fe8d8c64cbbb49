package io.roleform.policy;

import io.roleform.config.DesiredRole;
import io.roleform.config.DesiredState;
import io.roleform.config.DesiredUser;
import io.roleform.config.SourcePosition;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Points a {@link Grant} at the config line that writes it: the member entry, the permission
 * entry, or the role. A grant the config does not write (a live role it does not name, members it
 * does not manage) has no line.
 */
final class ConfigLines {

  private final Map<String, DesiredRole> roles = new HashMap<>();
  private final Map<String, Map<String, Integer>> memberIndex = new HashMap<>();

  private final Map<String, DesiredUser> disabled = new HashMap<>();

  ConfigLines(DesiredState desired) {
    for (DesiredRole r : desired.roles()) roles.putIfAbsent(key(r.name()), r);
    for (DesiredUser u : desired.people().users()) if (u.disabled()) disabled.putIfAbsent(key(u.email()), u);
  }

  /** {@code FILE:LINE:COL: what}, or {@code null} when the config does not write the grant. */
  String line(Grant g, AccessState state) {
    DesiredRole r = roles.get(key(g.role()));
    if (r == null) return null;
    if (g.userId() != null) {
      String email = state.email(g.userId());
      if (r.members() == null) return null;
      Integer i = memberIndex.computeIfAbsent(key(r.name()), k -> index(r.members())).get(key(email));
      if (i == null) return null;
      return at(r.positionOf("members/" + i), email + " is a member of `" + r.name() + "`");
    }
    if (g.permission() != null) {
      List<String> ps = r.permissions();
      int i = ps == null ? -1 : ps.indexOf(g.permission());
      if (i >= 0) return at(r.positionOf("permissions/" + i), "role `" + r.name() + "` grants `" + g.permission() + "`");
      if (r.copyFrom() != null && r.permissions() == null) {
        return at(r.positionOf("copyFrom"), "role `" + r.name() + "` is copied from `" + r.copyFrom() + "`");
      }
      return null;
    }
    String where = r.description() != null ? "description" : "name";
    return at(r.positionOf(where), "role `" + r.name() + "` has no description");
  }

  /**
   * Why a user no longer holds a role: the config disables them ({@code status: disabled}, their
   * memberships then grant nothing), or the role's members leave them out.
   */
  String membersOf(String role, String email) {
    DesiredUser user = disabled.get(key(email));
    if (user != null) return at(user.positionOf("status"), "user " + email + " is disabled");
    DesiredRole r = roles.get(key(role));
    if (r == null || r.members() == null) return null;
    if (memberIndex.computeIfAbsent(key(r.name()), k -> index(r.members())).containsKey(key(email))) return null;
    return at(r.positionOf("members"), "the members of `" + r.name() + "` leave out " + email);
  }

  private static Map<String, Integer> index(List<String> members) {
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i < members.size(); i++) out.putIfAbsent(key(members.get(i)), i);
    return out;
  }

  private static String at(SourcePosition p, String what) {
    return (p == null ? "" : p + ": ") + what;
  }

  private static String key(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
