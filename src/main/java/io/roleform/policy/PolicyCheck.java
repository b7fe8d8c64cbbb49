package io.roleform.policy;

import io.roleform.config.DesiredPolicy;
import io.roleform.config.DesiredRole;
import io.roleform.config.DesiredState;
import io.roleform.config.PolicyRule;
import io.roleform.policy.PolicyFinding.Status;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The policies of a config on access states: {@link #check} one state (the nightly audit), {@link
 * #compare} the state before and after a plan.
 *
 * <p>Guarantees: one finding per broken policy, in config order; pure and deterministic. A
 * violation is <em>worsened</em> when, for {@code maxMembers}, more users hold it; for {@code
 * minMembers}, fewer do; for the other kinds, when a user or role breaks it that did not before
 * (a new user holding both sides of an {@code exclusive}, a new member of a role outside {@code
 * onlyIn}, a new non-matching member, a new role without description).
 */
public final class PolicyCheck {

  private PolicyCheck() {}

  /** Every policy broken in {@code state}, as {@link Status#PRE_EXISTING} findings. */
  public static List<PolicyFinding> check(DesiredState desired, AccessState state) {
    Evaluator evaluator = new Evaluator(state, managed(desired));
    ConfigLines lines = new ConfigLines(desired);
    List<PolicyFinding> out = new ArrayList<>();
    for (DesiredPolicy p : desired.policies()) {
      Violation v = evaluator.evaluate(p);
      if (v == null) continue;
      List<String> causes = new ArrayList<>();
      for (String culprit : first(v.culprits())) {
        for (Grant g : v.grants().getOrDefault(culprit, List.of())) add(causes, lines.line(g, state));
      }
      out.add(finding(p, Status.PRE_EXISTING, v.summary(), List.copyOf(v.culprits()), causes));
    }
    return out;
  }

  /** What a plan does to every policy: introduced, worsened, pre-existing or fixed violations. */
  public static List<PolicyFinding> compare(DesiredState desired, AccessState before, AccessState after) {
    Set<String> managed = managed(desired);
    Evaluator was = new Evaluator(before, managed);
    Evaluator will = new Evaluator(after, managed);
    ConfigLines lines = new ConfigLines(desired);
    List<PolicyFinding> out = new ArrayList<>();
    for (DesiredPolicy p : desired.policies()) {
      Violation b = was.evaluate(p);
      Violation a = will.evaluate(p);
      if (a == null) {
        if (b != null) out.add(finding(p, Status.FIXED, b.summary(), List.of(), List.of()));
        continue;
      }
      if (p.rule() instanceof PolicyRule.MemberCount c) {
        out.add(count(p, c, b, a, before, after, lines));
        continue;
      }
      Set<String> fresh = new LinkedHashSet<>(a.culprits());
      if (b != null) fresh.removeAll(b.culprits());
      Status status = b == null ? Status.INTRODUCED : fresh.isEmpty() ? Status.PRE_EXISTING : Status.WORSENED;
      List<String> causes = new ArrayList<>();
      if (status.refuses()) {
        for (String culprit : first(fresh)) {
          List<Grant> grants = a.grants().getOrDefault(culprit, List.of());
          boolean any = false;
          for (Grant g : grants) {
            if (isNew(g, after, before)) any |= add(causes, lines.line(g, after));
          }
          if (!any) for (Grant g : grants) add(causes, lines.line(g, after));
        }
      }
      out.add(finding(p, status, a.summary(), status.refuses() ? List.copyOf(fresh) : List.copyOf(a.culprits()), causes));
    }
    return out;
  }

  private static PolicyFinding count(DesiredPolicy p, PolicyRule.MemberCount c, Violation b, Violation a,
      AccessState before, AccessState after, ConfigLines lines) {
    boolean worse = b == null || (c.minimum() ? a.measure() < b.measure() : a.measure() > b.measure());
    Status status = b == null ? Status.INTRODUCED : worse ? Status.WORSENED : Status.PRE_EXISTING;
    if (!status.refuses()) return finding(p, status, a.summary(), List.of(), List.of());
    Set<String> beforeHolders = holders(c, before);
    Set<String> afterHolders = holders(c, after);
    List<String> culprits = new ArrayList<>();
    List<String> causes = new ArrayList<>();
    if (c.minimum()) {
      for (String id : beforeHolders) {
        if (afterHolders.contains(id)) continue;
        String email = before.email(id);
        culprits.add(email);
        if (culprits.size() > 10) continue;
        List<String> roles = c.role() != null ? List.of(c.role()) : before.rolesGranting(id, c.permission());
        for (String role : roles) add(causes, lines.membersOf(role, email));
      }
    } else {
      for (String id : afterHolders) {
        if (beforeHolders.contains(id)) continue;
        culprits.add(after.email(id));
        if (culprits.size() > 10) continue;
        List<String> roles = c.role() != null ? List.of(c.role()) : after.rolesGranting(id, c.permission());
        for (String role : roles) {
          AccessState.Role r = after.role(role);
          Grant member = Grant.member(r.name(), id);
          if (isNew(member, after, before)) add(causes, lines.line(member, after));
          if (c.permission() != null) {
            Grant grant = Grant.permission(r.name(), c.permission());
            if (isNew(grant, after, before)) add(causes, lines.line(grant, after));
          }
        }
      }
    }
    culprits.sort(null);
    return finding(p, status, a.summary(), culprits, causes);
  }

  private static Set<String> holders(PolicyRule.MemberCount c, AccessState s) {
    if (c.permission() != null) return s.holders(c.permission());
    AccessState.Role r = s.role(c.role());
    return r == null ? Set.of() : r.members();
  }

  /** Whether the grant holds in {@code after} but did not in {@code before}. */
  private static boolean isNew(Grant g, AccessState after, AccessState before) {
    AccessState.Role was = before.role(g.role());
    if (was == null) return true;
    if (g.userId() != null) return !was.members().contains(g.userId());
    if (g.permission() != null) return !was.permissions().contains(g.permission());
    return !was.description().isBlank();
  }

  private static PolicyFinding finding(DesiredPolicy p, Status status, String message, List<String> culprits,
      List<String> causes) {
    String at = p.position() == null ? "" : p.position().toString();
    List<String> sorted = new ArrayList<>(causes);
    sorted.sort(BY_POSITION);
    return new PolicyFinding(p.name(), p.rule().key(), at, status, message, culprits, sorted);
  }

  /** Causes in config order: by file, then line and column as numbers. */
  private static final java.util.Comparator<String> BY_POSITION = java.util.Comparator
      .comparing((String c) -> c.replaceFirst(":\\d+:\\d+: .*$", ""))
      .thenComparingInt(c -> number(c, 1))
      .thenComparingInt(c -> number(c, 2));

  private static int number(String cause, int group) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(":(\\d+):(\\d+): ").matcher(cause);
    return m.find() ? Integer.parseInt(m.group(group)) : 0;
  }

  private static Set<String> managed(DesiredState desired) {
    Set<String> out = new HashSet<>();
    for (DesiredRole r : desired.roles()) out.add(r.name().toLowerCase(Locale.ROOT));
    return out;
  }

  /** At most ten culprits get their causes listed: enough to act on, short enough to read. */
  private static List<String> first(Set<String> culprits) {
    return culprits.stream().limit(10).toList();
  }

  private static boolean add(List<String> causes, String line) {
    if (line == null || causes.contains(line)) return false;
    causes.add(line);
    return true;
  }
}
