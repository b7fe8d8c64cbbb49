package io.roleform.policy;

import io.roleform.config.DesiredPolicy;
import io.roleform.config.PolicyRule;
import io.roleform.portal.LiveUser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Evaluates one policy on one {@link AccessState}. Each kind of rule costs at most one pass over
 * the memberships of the roles it names (or of the roles granting the permissions it names).
 */
final class Evaluator {

  private final AccessState state;
  private final Set<String> managedRoles;

  /** @param managedRoles lower-cased names of the roles the config declares (for requireDescription) */
  Evaluator(AccessState state, Set<String> managedRoles) {
    this.state = state;
    this.managedRoles = managedRoles;
  }

  /** The violation of {@code policy} in this state, or {@code null} when it holds. */
  Violation evaluate(DesiredPolicy policy) {
    PolicyRule rule = policy.rule();
    if (rule instanceof PolicyRule.Exclusive e) return exclusive(policy, e);
    if (rule instanceof PolicyRule.OnlyIn o) return onlyIn(policy, o);
    if (rule instanceof PolicyRule.MemberCount c) return count(policy, c);
    if (rule instanceof PolicyRule.MembersMatch m) return membersMatch(policy, m);
    return requireDescription(policy);
  }

  private Violation exclusive(DesiredPolicy policy, PolicyRule.Exclusive e) {
    boolean byRole = e.roles() != null;
    List<String> items = byRole ? e.roles() : e.permissions();
    Set<String> users = null;
    for (String item : items) {
      Set<String> holders;
      if (byRole) {
        AccessState.Role r = state.role(item);
        holders = r == null ? Set.of() : r.members();
      } else {
        holders = state.holders(item);
      }
      if (users == null) {
        users = new HashSet<>(holders);
      } else {
        users.retainAll(holders);
      }
      if (users.isEmpty()) return null;
    }
    Map<String, List<Grant>> grants = new TreeMap<>();
    for (String user : users) {
      List<Grant> g = new ArrayList<>();
      for (String item : items) {
        if (byRole) {
          g.add(Grant.member(state.role(item).name(), user));
        } else {
          for (String role : state.rolesGranting(user, item)) {
            g.add(Grant.member(role, user));
            g.add(Grant.permission(role, item));
          }
        }
      }
      grants.put(state.email(user), g);
    }
    boolean one = grants.size() == 1;
    String what = byRole ? (one ? "is a member of all of the roles " : "are members of all of the roles ") + roles(items)
        : (one ? "holds all of " : "hold all of ") + String.join(", ", items);
    return violation(policy, grants.size(), grants, plural(grants.size(), "user") + " " + what + ": " + list(grants.keySet()));
  }

  private Violation onlyIn(DesiredPolicy policy, PolicyRule.OnlyIn o) {
    Set<String> allowed = lower(o.roles());
    Map<String, List<Grant>> grants = new TreeMap<>();
    List<String> wrong = new ArrayList<>();
    for (AccessState.Role r : state.roles()) {
      if (!r.permissions().contains(o.permission()) || allowed.contains(AccessState.key(r.name()))) continue;
      wrong.add(r.name());
      grants.put("role `" + r.name() + "`", List.of(Grant.permission(r.name(), o.permission())));
      for (String user : r.members()) {
        grants.computeIfAbsent(state.email(user), k -> new ArrayList<>()).add(Grant.member(r.name(), user));
      }
    }
    if (wrong.isEmpty()) return null;
    int users = grants.size() - wrong.size();
    return violation(policy, grants.size(), grants, "`" + o.permission() + "` is granted outside "
        + roles(o.roles()) + " by " + roles(wrong) + " (" + plural(users, "member") + ")");
  }

  private Violation count(DesiredPolicy policy, PolicyRule.MemberCount c) {
    Set<String> holders;
    if (c.role() != null) {
      AccessState.Role r = state.role(c.role());
      holders = r == null ? Set.of() : r.members();
    } else {
      holders = state.holders(c.permission());
    }
    int n = holders.size();
    if (c.minimum() ? n >= c.count() : n <= c.count()) return null;
    Map<String, List<Grant>> grants = new TreeMap<>();
    for (String user : holders) grants.put(state.email(user), List.of());
    String who = c.role() != null ? "role `" + c.role() + "` has " + plural(n, "member")
        : plural(n, "user") + (n == 1 ? " holds `" : " hold `") + c.permission() + "`";
    String summary = who + (c.minimum() ? ", fewer than " : ", more than ") + c.count();
    return new Violation(policy, n, grants.keySet(), grants, summary);
  }

  private Violation membersMatch(DesiredPolicy policy, PolicyRule.MembersMatch m) {
    Pattern pattern = m.pattern() == null ? null : Pattern.compile(m.pattern(), Pattern.CASE_INSENSITIVE);
    Pattern notPattern = m.notPattern() == null ? null : Pattern.compile(m.notPattern(), Pattern.CASE_INSENSITIVE);
    Map<String, List<Grant>> grants = new TreeMap<>();
    for (String name : m.roles()) {
      AccessState.Role r = state.role(name);
      if (r == null) continue;
      for (String id : r.members()) {
        LiveUser u = state.user(id);
        String email = state.email(id);
        boolean bad = (m.internal() && u != null && u.external())
            || (pattern != null && !pattern.matcher(email).matches())
            || (notPattern != null && notPattern.matcher(email).matches());
        if (bad) grants.computeIfAbsent(email, k -> new ArrayList<>()).add(Grant.member(r.name(), id));
      }
    }
    if (grants.isEmpty()) return null;
    List<String> must = new ArrayList<>();
    if (m.internal()) must.add("be internal");
    if (m.pattern() != null) must.add("match `" + m.pattern() + "`");
    if (m.notPattern() != null) must.add("not match `" + m.notPattern() + "`");
    return violation(policy, grants.size(), grants, "members of " + roles(m.roles()) + " must "
        + String.join(" and ", must) + "; " + plural(grants.size(), "member") + " "
        + (grants.size() == 1 ? "does" : "do") + " not: " + list(grants.keySet()));
  }

  private Violation requireDescription(DesiredPolicy policy) {
    Map<String, List<Grant>> grants = new TreeMap<>();
    for (AccessState.Role r : state.roles()) {
      if (managedRoles.contains(AccessState.key(r.name())) && r.description().isBlank()) {
        grants.put("role `" + r.name() + "`", List.of(Grant.role(r.name())));
      }
    }
    if (grants.isEmpty()) return null;
    return violation(policy, grants.size(), grants, plural(grants.size(), "managed role") + " without a description: "
        + list(grants.keySet()));
  }

  private static Violation violation(DesiredPolicy policy, int measure, Map<String, List<Grant>> grants, String summary) {
    return new Violation(policy, measure, new LinkedHashMap<>(grants).keySet(), grants, summary);
  }

  static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** The first ten, then "and N more". */
  static String list(Iterable<String> items) {
    List<String> out = new ArrayList<>();
    int n = 0;
    for (String s : items) {
      if (n++ < 10) out.add(s);
    }
    return String.join(", ", out) + (n > 10 ? " and " + (n - 10) + " more" : "");
  }

  private static String roles(List<String> names) {
    List<String> quoted = new ArrayList<>();
    for (String n : names) quoted.add("`" + n + "`");
    return String.join(", ", quoted);
  }

  private static Set<String> lower(List<String> names) {
    Set<String> out = new HashSet<>();
    for (String n : names) out.add(n.toLowerCase(Locale.ROOT));
    return out;
  }
}
