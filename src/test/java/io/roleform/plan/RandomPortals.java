package io.roleform.plan;

import io.roleform.portal.LiveRole;
import io.roleform.portal.Capabilities;
import io.roleform.portal.LiveState;
import io.roleform.portal.LiveUser;
import io.roleform.portal.Permission;
import io.roleform.portal.PortalInfo;
import io.roleform.portal.PortalSettings;
import io.roleform.portal.UserStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Test support for property tests: random but valid live states and random desired states against
 * them, derived from one seed (so a failing seed reproduces). Live states obey the wire contract's
 * invariants: unique names, the admin role first and fixed, no pending member, case actions only
 * on roles holding {@code cases}.
 */
final class RandomPortals {

  static final List<String> PERMISSIONS = List.of("cases", "billing", "logs", "purchase", "manage");
  static final List<String> CASE_ACTIONS = List.of("view", "comment", "close", "export");
  private static final List<String> NAMES = List.of("Support", "Billing", "Interns", "Ops", "Sales", "Legal", "Team A", "R&D");

  private RandomPortals() {}

  static LiveState live(Random rnd) {
    List<LiveUser> users = new ArrayList<>();
    int userCount = 2 + rnd.nextInt(20);
    for (int i = 1; i <= userCount; i++) {
      UserStatus status = i == 1 ? UserStatus.ACTIVE : pick(rnd, List.of(UserStatus.ACTIVE, UserStatus.ACTIVE,
          UserStatus.ACTIVE, UserStatus.PENDING, UserStatus.DISABLED));
      users.add(new LiveUser("u" + i, "user" + i + "@acme.example", "U", "" + i, status, rnd.nextInt(8) == 0));
    }
    List<LiveUser> memberable = users.stream().filter(u -> u.status() != UserStatus.PENDING).toList();
    List<Permission> permissions = new ArrayList<>();
    for (String p : PERMISSIONS) permissions.add(new Permission(p, p, "", p.equals("cases") ? CASE_ACTIONS : List.of()));
    List<LiveRole> roles = new ArrayList<>();
    Map<String, Set<String>> members = new HashMap<>();
    List<String> names = new ArrayList<>(NAMES);
    java.util.Collections.shuffle(names, rnd);
    int roleCount = 1 + rnd.nextInt(6);
    for (int i = 0; i < roleCount; i++) {
      boolean admin = i == 0;
      String name = admin ? "Admin" : names.get(i);
      List<String> perms = admin ? PERMISSIONS.stream().sorted().toList() : subset(rnd, PERMISSIONS).stream().sorted().toList();
      List<String> caseActions = perms.contains("cases") ? subset(rnd, CASE_ACTIONS) : List.of();
      boolean builtIn = admin || rnd.nextInt(6) == 0;
      Set<String> ids = new TreeSet<>();
      for (LiveUser u : subset(rnd, memberable)) ids.add(u.id());
      if (admin) ids.add("u1");
      roles.add(new LiveRole("r" + (i + 1), name, rnd.nextBoolean() ? "" : "about " + name, perms, caseActions, i, builtIn,
          builtIn, ids.size(), String.valueOf(1 + rnd.nextInt(3))));
      members.put("r" + (i + 1), ids);
    }
    PortalSettings settings = rnd.nextBoolean() ? new PortalSettings(null, null, null)
        : new PortalSettings("user1@acme.example", rnd.nextBoolean(), rnd.nextBoolean());
    PortalInfo info = new PortalInfo("random", "random", capabilities(settings), 1 + rnd.nextInt(100), settings, "r1", "manage", "u1", "user1@acme.example");
    return new LiveState(info, permissions, users, roles, members);
  }

  /** A random config against {@code live} that has no plan-time problems. */
  static Desired desired(Random rnd, LiveState live) {
    Desired d = Desired.config();
    List<String> finalNames = new ArrayList<>();
    List<String> emails = live.users().stream().map(LiveUser::email).toList();
    List<LiveRole> removed = new ArrayList<>();
    int fresh = 0;
    for (LiveRole r : live.roles()) {
      boolean admin = r.id().equals("r1");
      int choice = admin ? rnd.nextInt(2) : rnd.nextInt(5);
      if (choice == 4 && !r.builtIn()) {
        removed.add(r);
        continue;
      }
      if (choice == 3) continue; // unmanaged (or pruned)
      String name = choice == 2 && !admin ? "New " + (fresh++) : rnd.nextInt(5) == 0 ? r.name().toUpperCase() : r.name();
      finalNames.add(name);
      d.role(name, x -> fields(rnd, x, emails, r.fixedPermissions() ? null : r, r.permissions(), !name.equals(r.name())
          && !name.equalsIgnoreCase(r.name()) ? r.name() : null));
    }
    int created = rnd.nextInt(3);
    List<String> templates = new ArrayList<>(finalNames);
    for (LiveRole r : live.roles()) templates.add(r.name());
    for (int i = 0; i < created; i++) {
      String name = "Created " + i;
      String template = rnd.nextBoolean() ? pick(rnd, templates) : null;
      d.role(name, x -> {
        fields(rnd, x, emails, null, null, null);
        if (template != null) x.copyFrom(template);
        return x;
      });
      finalNames.add(name);
      templates.add(name);
    }
    for (LiveRole r : removed) d.removed(r.name(), rnd.nextBoolean() && !finalNames.isEmpty() ? pick(rnd, finalNames) : null);
    if (rnd.nextBoolean()) d.order(subset(rnd, finalNames).toArray(String[]::new));
    if (live.portal().settings().owner() != null && rnd.nextBoolean()) {
      List<String> owners = live.users().stream().filter(u -> u.status() != UserStatus.PENDING && !u.external())
          .map(LiveUser::email).toList();
      d.settings(rnd.nextBoolean() && !owners.isEmpty() ? pick(rnd, owners) : null, rnd.nextBoolean() ? rnd.nextBoolean() : null,
          rnd.nextBoolean() ? rnd.nextBoolean() : null);
    }
    return d;
  }

  /** Random managed or unmanaged fields; {@code live} null means permissions are free to choose. */
  private static Desired.Role fields(Random rnd, Desired.Role x, List<String> emails, LiveRole live,
      List<String> fixedPermissions, String formerName) {
    if (formerName != null) x.formerNames(formerName);
    if (rnd.nextBoolean()) x.description(rnd.nextBoolean() ? "" : "desc " + rnd.nextInt(3));
    List<String> perms = fixedPermissions;
    if (live != null || fixedPermissions == null) {
      if (rnd.nextBoolean()) {
        perms = subset(rnd, PERMISSIONS);
        x.permissions(perms.toArray(String[]::new));
      } else if (fixedPermissions == null) {
        perms = null; // created without permissions (or from a template): no case actions
      }
    }
    if (perms != null && perms.contains("cases") && rnd.nextBoolean()) x.caseActions(subset(rnd, CASE_ACTIONS).toArray(String[]::new));
    if (rnd.nextBoolean()) {
      List<String> members = subset(rnd, emails).stream().map(e -> rnd.nextInt(4) == 0 ? e.toUpperCase() : e).toList();
      x.members(members.toArray(String[]::new));
    }
    return x;
  }

  static <T> List<T> subset(Random rnd, List<T> all) {
    List<T> out = new ArrayList<>();
    for (T t : all) if (rnd.nextBoolean()) out.add(t);
    return out;
  }

  static <T> T pick(Random rnd, List<T> all) {
    return all.get(rnd.nextInt(all.size()));
  }

  /** A random portal has appliers and case actions, and an owner and settings when it reports them. */
  static Capabilities capabilities(PortalSettings settings) {
    Capabilities base = Capabilities.core(Capabilities.Concurrency.STATE_VERSION)
        .with(Capabilities.Feature.APPLIERS, Capabilities.Feature.CASE_ACTIONS);
    return settings.owner() == null ? base : base.with(Capabilities.Feature.OWNER_TRANSFER)
        .with(Capabilities.Setting.ALLOW_VIEW, Capabilities.Setting.NOTIFY_MEMBERS);
  }
}
