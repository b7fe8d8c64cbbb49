package io.roleform.testing;

import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import io.roleform.portal.LiveUser;
import io.roleform.portal.Permission;
import io.roleform.portal.PortalInfo;
import io.roleform.portal.http.PortalApiCapabilities;
import io.roleform.portal.PortalSettings;
import io.roleform.portal.UserStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The three sandbox profiles of SHARED.md ("Seed data") as live states: the exact users, roles,
 * permissions and memberships that examples and end-to-end tests rely on. User ids are {@code u1}
 * (alice) to {@code u15} (trent), then {@code u16} victor, {@code u17} walter (pending), {@code u18}
 * sybil, {@code u19} oscar (external) on app-roles; role ids {@code r1}.. in display order, the
 * admin role {@code r1}. The viewer (the token's user) is alice, as for the {@code demo-write}
 * token. State version 1.
 */
public final class InMemoryPortalSeeds {

  private static final List<String> PEOPLE = List.of("alice", "bob", "carol", "dan", "erin", "frank", "grace",
      "heidi", "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "trent");

  private InMemoryPortalSeeds() {}

  public static LiveState secureExchanges() {
    List<String> perms = List.of("business-management", "billing", "purchase", "logs", "admin-logs",
        "domain-management", "activation-rules", "roles-and-authorizations");
    Builder b = new Builder("secure-exchanges", "roles-and-authorizations", perms, List.of(), users(false),
        new PortalSettings(null, null, null));
    b.role("Admin", true, true, perms, List.of(), "alice", "bob");
    b.role("Support Techs", false, false, List.of("logs"), List.of(), "grace", "heidi");
    b.role("Billing", false, false, List.of("billing", "purchase"), List.of(), "ivan");
    b.role("Interns", false, false, List.of("logs"), List.of(), "judy", "mallory");
    return b.build();
  }

  public static LiveState casePortal() {
    List<String> perms = List.of("cases", "statistics", "users", "categories-departments", "reporting-channels",
        "configuration", "profile-settings", "security-settings");
    List<String> catalog = List.of("view", "comment", "assign", "close", "reopen", "export", "delete");
    Builder b = new Builder("case-portal", "configuration", perms, catalog, users(false), new PortalSettings(null, null, null));
    b.role("Administrator", true, true, perms, catalog, "alice", "bob");
    b.role("Case handler", true, true, List.of("cases", "profile-settings"), List.of("view", "comment"), "grace", "heidi");
    b.role("System technician", true, true, List.of("users", "categories-departments", "reporting-channels",
        "configuration", "security-settings", "profile-settings"), List.of(), "ivan");
    b.role("Statistics viewer", true, true, List.of("statistics", "profile-settings"), List.of(), "judy");
    b.role("Department Leads", false, false, List.of("cases", "statistics"), List.of("view", "comment", "close"), "mallory");
    return b.build();
  }

  public static LiveState appRoles() {
    List<String> perms = List.of("view-records", "add-records", "edit-records", "delete-records", "export-records",
        "manage-members", "manage-app");
    Builder b = new Builder("app-roles", "manage-members", perms, List.of(), users(true),
        new PortalSettings("alice@acme.example", false, true));
    b.role("Admin", true, true, perms, List.of(), "alice", "bob");
    b.role("Editors", false, false, List.of("view-records", "add-records", "edit-records"), List.of(), "carol", "dan",
        "sybil@partner.example");
    b.role("Viewers", false, false, List.of("view-records"), List.of(), "erin", "frank", "grace");
    return b.build();
  }

  private static List<LiveUser> users(boolean appRoles) {
    List<LiveUser> users = new ArrayList<>();
    for (String p : PEOPLE) users.add(user(users.size() + 1, p + "@acme.example", UserStatus.ACTIVE, false));
    if (appRoles) {
      users.add(user(16, "victor@acme.example", UserStatus.PENDING, false));
      users.add(user(17, "walter@acme.example", UserStatus.PENDING, false));
      users.add(user(18, "sybil@partner.example", UserStatus.ACTIVE, true));
      users.add(user(19, "oscar@partner.example", UserStatus.ACTIVE, true));
    }
    return users;
  }

  private static LiveUser user(int n, String email, UserStatus status, boolean external) {
    String first = email.substring(0, 1).toUpperCase() + email.substring(1, email.indexOf('@'));
    return new LiveUser("u" + n, email, first, "Example", status, external);
  }

  /** Assembles one profile's live state. */
  private static final class Builder {
    final String profile;
    final String roleManagement;
    final List<Permission> permissions = new ArrayList<>();
    final List<LiveUser> users;
    final PortalSettings settings;
    final List<LiveRole> roles = new ArrayList<>();
    final Map<String, Set<String>> members = new LinkedHashMap<>();

    Builder(String profile, String roleManagement, List<String> permissionIds, List<String> caseCatalog,
        List<LiveUser> users, PortalSettings settings) {
      this.profile = profile;
      this.roleManagement = roleManagement;
      for (String id : permissionIds) {
        permissions.add(new Permission(id, id, "", id.equals("cases") ? caseCatalog : List.of()));
      }
      this.users = users;
      this.settings = settings;
    }

    void role(String name, boolean builtIn, boolean fixed, List<String> perms, List<String> caseActions,
        String... memberNames) {
      String id = "r" + (roles.size() + 1);
      Set<String> ids = new java.util.TreeSet<>();
      for (String m : memberNames) {
        String email = m.contains("@") ? m : m + "@acme.example";
        ids.add(users.stream().filter(u -> u.email().equals(email)).findFirst().orElseThrow().id());
      }
      roles.add(new LiveRole(id, name, "", perms.stream().sorted().toList(), caseActions, roles.size(), builtIn, fixed,
          ids.size(), "1"));
      members.put(id, Set.copyOf(ids));
    }

    LiveState build() {
      PortalInfo info = new PortalInfo(profile + " sandbox", profile, PortalApiCapabilities.of(profile), 1, settings, "r1", roleManagement, "u1",
          "alice@acme.example");
      return new LiveState(info, permissions, users, roles, members);
    }
  }
}
