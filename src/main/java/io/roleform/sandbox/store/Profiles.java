package io.roleform.sandbox.store;

import java.util.List;

/** The three profiles' data, as in SHARED.md "Seed data" and DESIGN.md §1. */
final class Profiles {
  private Profiles() {}

  static final List<String> CASE_ACTIONS =
      List.of("view", "comment", "assign", "close", "reopen", "export", "delete");

  private static PermissionRow p(String id, String name, String description) {
    return new PermissionRow(id, name, description, List.of());
  }

  private static List<String> at(String... names) {
    return java.util.Arrays.stream(names).map(n -> n + "@acme.example").toList();
  }

  static Profile secureExchanges() {
    return new Profile(
        "secure-exchanges",
        "Secure Exchanges (sandbox)",
        "roles-and-authorizations",
        List.of(
            p("business-management", "Business management", "Colours, logo, sending email, white label"),
            p("billing", "Billing", "Bills, credit card, plan"),
            p("purchase", "Purchase", "Purchasing, licences"),
            p("logs", "Logs", "Other users' logs"),
            p("admin-logs", "Administrator logs", "The administrators' logs"),
            p("domain-management", "Domain management", "Domains of the organisation"),
            p("activation-rules", "Activation rules", "Per-domain activation rules"),
            p("roles-and-authorizations", "Roles and authorizations",
                "Create and manage role groups and their permissions")),
        List.of(),
        List.of(
            new Profile.RoleSeed("Admin", "Every permission; always first", null, null, true, true,
                at("alice", "bob")),
            new Profile.RoleSeed("Support Techs", "Read other users' logs", List.of("logs"), List.of(),
                false, false, at("grace", "heidi")),
            new Profile.RoleSeed("Billing", "Bills and purchases", List.of("billing", "purchase"),
                List.of(), false, false, at("ivan")),
            new Profile.RoleSeed("Interns", "", List.of("logs"), List.of(), false, false,
                at("judy", "mallory"))),
        null,
        null,
        null);
  }

  static Profile casePortal() {
    return new Profile(
        "case-portal",
        "Case Portal (sandbox)",
        "configuration",
        List.of(
            new PermissionRow("cases", "Cases", "Handle reported cases", CASE_ACTIONS),
            p("statistics", "Statistics", "View statistics"),
            p("users", "Add/Remove users", "Add and remove users"),
            p("categories-departments", "Categories and departments", "Manage categories and departments"),
            p("reporting-channels", "Reporting channels", "Manage reporting channels"),
            p("configuration", "Access configuration", "Configure roles and access"),
            p("profile-settings", "Profile settings", "Edit one's own profile"),
            p("security-settings", "Security settings", "Manage security settings")),
        List.of(),
        List.of(
            new Profile.RoleSeed("Administrator", "Every permission; always first", null, null, true,
                true, at("alice", "bob")),
            new Profile.RoleSeed("Case handler", "Handles cases", List.of("cases", "profile-settings"),
                List.of("view", "comment"), true, true, at("grace", "heidi")),
            new Profile.RoleSeed("System technician", "Technical administration",
                List.of("users", "categories-departments", "reporting-channels", "configuration",
                    "security-settings", "profile-settings"),
                List.of(), true, true, at("ivan")),
            new Profile.RoleSeed("Statistics viewer", "Views statistics",
                List.of("statistics", "profile-settings"), List.of(), true, true, at("judy")),
            new Profile.RoleSeed("Department Leads", "Leads of the departments",
                List.of("cases", "statistics"), List.of("view", "comment", "close"), false, false,
                at("mallory"))),
        null,
        null,
        null);
  }

  static Profile appRoles() {
    return new Profile(
        "app-roles",
        "App Roles (sandbox)",
        "manage-members",
        List.of(
            p("view-records", "View records", "See the app's records"),
            p("add-records", "Add records", "Create records"),
            p("edit-records", "Edit records", "Change records"),
            p("delete-records", "Delete records", "Delete records"),
            p("export-records", "Export records", "Export records"),
            p("manage-members", "Manage members", "Manage roles and their members"),
            p("manage-app", "Manage app", "Configure the app")),
        List.of(
            new UserRow("u16", "victor@acme.example", "Victor", "Vance", UserRow.PENDING, false),
            new UserRow("u17", "walter@acme.example", "Walter", "White", UserRow.PENDING, false),
            new UserRow("u18", "sybil@partner.example", "Sybil", "Stone", UserRow.ACTIVE, true),
            new UserRow("u19", "oscar@partner.example", "Oscar", "Olsen", UserRow.ACTIVE, true)),
        List.of(
            new Profile.RoleSeed("Admin", "Every permission; always first", null, null, true, true,
                at("alice", "bob")),
            new Profile.RoleSeed("Editors", "Add and edit records",
                List.of("view-records", "add-records", "edit-records"), List.of(), false, false,
                List.of("carol@acme.example", "dan@acme.example", "sybil@partner.example")),
            new Profile.RoleSeed("Viewers", "Read-only access", List.of("view-records"), List.of(),
                false, false, at("erin", "frank", "grace"))),
        "alice@acme.example",
        false,
        true);
  }

  /**
   * The departments of a profile, in id order ({@code d1}, {@code d2} ...), each with the emails of
   * its users. Only the case portal has departments.
   */
  static java.util.LinkedHashMap<String, List<String>> departments(String profile) {
    java.util.LinkedHashMap<String, List<String>> d = new java.util.LinkedHashMap<>();
    if (hasDepartments(profile)) {
      d.put("Legal & Compliance", at("grace", "heidi"));
      d.put("Finance", at("ivan", "judy"));
      d.put("Archive", List.of());
    }
    return d;
  }

  /** Whether a profile has departments (the case portal). */
  static boolean hasDepartments(String profile) {
    return "case-portal".equals(profile);
  }

  /** Whether a profile has pending appliers and external collaborators (the app platform). */
  static boolean hasAppliers(String profile) {
    return "app-roles".equals(profile);
  }

  /** The fifteen users every profile has, ids u1..u15. */
  static List<UserRow> commonUsers() {
    String[][] names = {
      {"alice", "Archer"}, {"bob", "Baker"}, {"carol", "Carter"}, {"dan", "Dalton"},
      {"erin", "Ellis"}, {"frank", "Fisher"}, {"grace", "Gray"}, {"heidi", "Hart"},
      {"ivan", "Ivers"}, {"judy", "Jones"}, {"mallory", "Moss"}, {"niaj", "Nash"},
      {"olivia", "Owens"}, {"peggy", "Price"}, {"trent", "Turner"}
    };
    java.util.List<UserRow> users = new java.util.ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      String first = names[i][0];
      users.add(
          new UserRow(
              "u" + (i + 1),
              first + "@acme.example",
              Character.toUpperCase(first.charAt(0)) + first.substring(1),
              names[i][1],
              UserRow.ACTIVE,
              false));
    }
    return users;
  }
}
