package io.roleform.render;

import io.roleform.config.Redactor;
import io.roleform.plan.ExpiringAccess;
import io.roleform.plan.Plan;
import io.roleform.plan.PlanRedaction;
import io.roleform.policy.AccessState;
import io.roleform.policy.PolicyFinding;
import io.roleform.portal.LiveUser;
import io.roleform.portal.Permission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The access report as indexed data, shared by its HTML, CSV and JSON forms: users (sorted by
 * email), roles (every role before or after the plan), permissions, and per user the roles they are
 * in before and after. Without a plan, before and after are the same live state.
 *
 * <p>Sensitive values are taken out as the data is built, on the values themselves (role names,
 * users' emails and names, permission ids, the portal, every text of the plan), never on a
 * rendered form: whatever HTML, CSV or JSON escapes later, no form can hold a sensitive value.
 *
 * <p>Built in one pass over the memberships; everything else is arrays of small integers, so a
 * portal of 50,000 users and 200,000 memberships takes a few tens of megabytes at most.
 */
public final class ReportData {

  /** A role: its name and the indexes of the permissions it grants before and after ({@code null}: absent). */
  record Role(String name, int[] before, int[] after) {}

  final String portal;
  final long stateVersion;
  final Plan plan;
  final List<String> permissions = new ArrayList<>();
  final List<Role> roles = new ArrayList<>();
  final List<LiveUser> users;
  /** Per user (by index), role indexes before and after, ascending. */
  final int[][] before;
  final int[][] after;
  /** Policy names per culprit: an email or {@code role `X`}. */
  final Map<String, List<String>> marks = new HashMap<>();
  /** The last day of access per {@code email + "\n" + role name}, lower-cased. */
  final Map<String, String> expiring = new HashMap<>();

  /** Takes sensitive values out of the names as they are added. */
  private final Redactor redactor;

  private ReportData(String portal, long stateVersion, Plan plan, List<LiveUser> users, Redactor redactor) {
    this.redactor = redactor;
    this.portal = portal;
    this.stateVersion = stateVersion;
    this.plan = plan;
    this.users = users;
    this.before = new int[users.size()][];
    this.after = new int[users.size()][];
  }

  /** The report with nothing redacted (a config without sensitive variables). */
  public static ReportData of(String portal, long stateVersion, List<Permission> catalog, List<LiveUser> liveUsers,
      Plan plan, AccessState was, AccessState will) {
    return of(portal, stateVersion, catalog, liveUsers, plan, was, will, Redactor.NONE);
  }

  /**
   * @param plan the plan, or {@code null} for a report of the live state alone; with its real
   *     values (it is redacted here)
   * @param was the access before the plan (the live state)
   * @param will the access after the plan ({@code was} without a plan), with its real values
   * @param redactor takes the sensitive values out of every text of the report
   */
  public static ReportData of(String portal, long stateVersion, List<Permission> catalog, List<LiveUser> liveUsers,
      Plan plan, AccessState was, AccessState will, Redactor redactor) {
    List<LiveUser> users = new ArrayList<>(liveUsers.size());
    for (LiveUser u : liveUsers) users.add(shown(u, redactor));
    if (will != was) {
      // The plan's invitees are users of the after-state only.
      Set<String> known = new HashSet<>();
      for (LiveUser u : liveUsers) known.add(u.id());
      for (LiveUser u : will.users()) if (known.add(u.id())) users.add(shown(u, redactor));
    }
    users.sort(Comparator.comparing((LiveUser u) -> u.email().toLowerCase(Locale.ROOT)).thenComparing(LiveUser::id));
    ReportData d = new ReportData(redactor.apply(portal), stateVersion,
        plan == null ? null : PlanRedaction.redact(plan, redactor), users, redactor);
    Map<String, Integer> permissionIndex = new LinkedHashMap<>();
    for (Permission p : catalog) permissionIndex.putIfAbsent(p.id(), permissionIndex.size());
    Map<String, Integer> userIndex = new HashMap<>();
    for (int i = 0; i < users.size(); i++) userIndex.put(users.get(i).id(), i);
    Map<String, AccessState.Role> afterByKey = new LinkedHashMap<>();
    for (AccessState.Role r : will.roles()) afterByKey.put(r.key(), r);
    List<List<Integer>> b = lists(users.size());
    List<List<Integer>> a = lists(users.size());
    for (AccessState.Role r : was.roles()) {
      AccessState.Role next = afterByKey.remove(r.key());
      d.add(r, next, permissionIndex, userIndex, b, a);
    }
    for (AccessState.Role r : afterByKey.values()) d.add(null, r, permissionIndex, userIndex, b, a);
    for (String p : permissionIndex.keySet()) d.permissions.add(redactor.apply(p));
    for (int i = 0; i < users.size(); i++) {
      d.before[i] = ints(b.get(i));
      d.after[i] = plan == null ? d.before[i] : ints(a.get(i));
    }
    if (d.plan != null) {
      for (PolicyFinding f : d.plan.policies()) {
        if (f.status() == PolicyFinding.Status.FIXED) continue;
        for (String c : f.culprits()) d.marks.computeIfAbsent(c.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(f.policy());
      }
      for (ExpiringAccess e : d.plan.expiring()) d.expiring.put(key(e.user(), e.role()), e.until());
    }
    return d;
  }

  private void add(AccessState.Role was, AccessState.Role will, Map<String, Integer> permissionIndex,
      Map<String, Integer> userIndex, List<List<Integer>> b, List<List<Integer>> a) {
    int index = roles.size();
    roles.add(new Role(redactor.apply(will != null ? will.name() : was.name()),
        was == null ? null : indexes(was, permissionIndex), will == null ? null : indexes(will, permissionIndex)));
    if (was != null) for (String id : was.members()) at(b, userIndex.get(id), index);
    if (will != null) for (String id : will.members()) at(a, userIndex.get(id), index);
  }

  /** The user as the report shows them: email and names without a sensitive value. */
  private static LiveUser shown(LiveUser u, Redactor redactor) {
    if (redactor.isEmpty()) return u;
    return new LiveUser(u.id(), redactor.apply(u.email()), redactor.apply(u.firstName()), redactor.apply(u.lastName()),
        u.status(), u.external(), u.departments().stream().map(redactor::apply).toList(), u.version());
  }

  private static void at(List<List<Integer>> lists, Integer user, int role) {
    if (user != null) lists.get(user).add(role);
  }

  private static int[] indexes(AccessState.Role r, Map<String, Integer> permissionIndex) {
    TreeSet<Integer> out = new TreeSet<>();
    for (String p : r.permissions()) out.add(permissionIndex.computeIfAbsent(p, k -> permissionIndex.size()));
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static List<List<Integer>> lists(int n) {
    List<List<Integer>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(new ArrayList<>(2));
    return out;
  }

  private static int[] ints(List<Integer> list) {
    int[] out = list.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(out);
    return out;
  }

  static String key(String email, String role) {
    return (email + "\n" + role).toLowerCase(Locale.ROOT);
  }

  /** Whether the report compares a plan's before and after. */
  boolean withPlan() {
    return plan != null;
  }

  /**
   * One row per user, role and permission (a role without permissions gives one row with an empty
   * permission), each with its status: {@code unchanged}, {@code added} or {@code removed}.
   */
  void rows(RowSink sink) {
    for (int u = 0; u < users.size(); u++) {
      int[] b = before[u];
      int[] a = after[u];
      int i = 0;
      int j = 0;
      while (i < b.length || j < a.length) {
        int role;
        boolean inBefore;
        boolean inAfter;
        if (j >= a.length || (i < b.length && b[i] < a[j])) {
          role = b[i++];
          inBefore = true;
          inAfter = false;
        } else if (i >= b.length || a[j] < b[i]) {
          role = a[j++];
          inBefore = false;
          inAfter = true;
        } else {
          role = b[i++];
          j++;
          inBefore = true;
          inAfter = true;
        }
        Role r = roles.get(role);
        int[] pb = inBefore && r.before() != null ? r.before() : new int[0];
        int[] pa = inAfter && r.after() != null ? r.after() : new int[0];
        TreeSet<Integer> all = new TreeSet<>();
        for (int p : pb) all.add(p);
        for (int p : pa) all.add(p);
        if (all.isEmpty()) {
          sink.row(u, role, -1, status(inBefore, inAfter));
          continue;
        }
        for (int p : all) sink.row(u, role, p, status(contains(pb, p), contains(pa, p)));
      }
    }
  }

  /** Receives the rows of {@link #rows}. */
  interface RowSink {
    /** @param permission the permission's index, or -1 for a membership of a role without permissions */
    void row(int user, int role, int permission, String status);
  }

  private static boolean contains(int[] sorted, int v) {
    return Arrays.binarySearch(sorted, v) >= 0;
  }

  private static String status(boolean before, boolean after) {
    return before && after ? "unchanged" : after ? "added" : "removed";
  }
}
