package io.roleform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of Portal API v1 over real HTTP against an in-memory sandbox; every response is
 * validated against schema/portal-api.yaml by {@link ApiClient}.
 */
class SandboxContractTest extends OverSandbox {
  @AfterAll
  static void everyDocumentedOperationSucceededAtLeastOnce() {
    Set<String> missing = new TreeSet<>(OpenApiContract.SPEC.operations());
    for (String seen : ApiClient.SEEN) {
      int status = Integer.parseInt(seen.substring(seen.lastIndexOf(' ') + 1));
      if (status < 300) {
        missing.remove(seen.substring(0, seen.lastIndexOf(' ')));
      }
    }
    assertThat(missing).as("documented operations never exercised successfully").isEmpty();
  }

  static List<JsonNode> items(ApiClient.Resp r) {
    return StreamSupport.stream(r.json().get("items").spliterator(), false).toList();
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void portal_describes_profile_settings_admin_role_and_viewer() {
    ApiClient.Resp r = api.as("demo-read").get("/api/v1/portal");
    assertThat(r.status()).isEqualTo(200);
    JsonNode p = r.json();
    assertThat(p.get("profile").asText()).isEqualTo("secure-exchanges");
    assertThat(p.get("stateVersion").asLong()).isEqualTo(r.stateVersion()).isEqualTo(1);
    assertThat(p.get("adminRoleId").asText()).isEqualTo("r1");
    assertThat(p.get("roleManagementPermission").asText()).isEqualTo("roles-and-authorizations");
    assertThat(p.get("viewer").get("email").asText()).isEqualTo("bob@acme.example");
    assertThat(p.get("viewer").get("scope").asText()).isEqualTo("read");
    assertThat(p.get("settings").get("owner").isNull()).isTrue();
    assertThat(r.header("ETag")).isEqualTo("\"" + p.get("settings").get("version").asText() + "\"");
  }

  @Test
  void permissions_are_the_catalog_in_order() {
    ApiClient.Resp r = api.get("/api/v1/permissions");
    assertThat(items(r).stream().map(n -> n.get("id").asText()))
        .containsExactly("business-management", "billing", "purchase", "logs", "admin-logs",
            "domain-management", "activation-rules", "roles-and-authorizations");
    assertThat(r.json().get("nextCursor").isNull()).isTrue();
  }

  @Test
  void users_are_the_seed_sorted_by_id() {
    List<JsonNode> users = items(api.get("/api/v1/users"));
    assertThat(users).hasSize(15);
    assertThat(users.stream().map(u -> u.get("id").asText()).toList()).isSorted();
    assertThat(users.stream().map(u -> u.get("email").asText()))
        .contains("alice@acme.example", "trent@acme.example");
  }

  @Test
  void roles_are_sorted_by_position_with_the_admin_role_first() {
    List<JsonNode> roles = items(api.get("/api/v1/roles"));
    assertThat(roles.stream().map(r -> r.get("name").asText()))
        .containsExactly("Admin", "Support Techs", "Billing", "Interns");
    JsonNode admin = roles.get(0);
    assertThat(admin.get("position").asInt()).isZero();
    assertThat(admin.get("builtIn").asBoolean()).isTrue();
    assertThat(admin.get("fixedPermissions").asBoolean()).isTrue();
    assertThat(admin.get("permissions")).hasSize(8);
    assertThat(admin.get("memberCount").asInt()).isEqualTo(2);
    assertThat(texts(roles.get(2).get("permissions"))).containsExactly("billing", "purchase");
  }

  @Test
  void one_role_with_etag_and_404_for_an_unknown_one() {
    ApiClient.Resp r = api.get("/api/v1/roles/r2");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("name").asText()).isEqualTo("Support Techs");
    assertThat(r.header("ETag")).isEqualTo("\"1\"");
    ApiClient.Resp missing = api.get("/api/v1/roles/r404");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void memberships_are_the_seed_sorted_by_role_then_user() {
    List<JsonNode> m = items(api.get("/api/v1/memberships"));
    assertThat(m.stream().map(x -> x.get("roleId").asText() + ":" + x.get("userId").asText()))
        .containsExactly("r1:u1", "r1:u2", "r2:u7", "r2:u8", "r3:u9", "r4:u10", "r4:u11");
  }

  @Test
  void create_role_returns_201_location_etag_and_goes_last() {
    ApiClient.Resp r =
        api.post("/api/v1/roles", Map.of("name", "IT Administrators", "description", "Domains",
            "permissions", List.of("domain-management", "activation-rules")));
    assertThat(r.status()).isEqualTo(201);
    String id = r.json().get("id").asText();
    assertThat(r.header("Location")).isEqualTo("/api/v1/roles/" + id);
    assertThat(r.header("ETag")).isEqualTo("\"1\"");
    assertThat(texts(r.json().get("permissions"))).containsExactly("activation-rules", "domain-management");
    assertThat(r.json().get("position").asInt()).isEqualTo(4);
    assertThat(r.stateVersion()).isEqualTo(2);
    assertThat(api.get("/api/v1/roles/" + id).json().get("name").asText()).isEqualTo("IT Administrators");
  }

  @Test
  void create_role_from_a_template_copies_description_and_permissions_but_not_members() {
    ApiClient.Resp r = api.post("/api/v1/roles", Map.of("name", "Billing Auditors", "copyFrom", "r3"));
    assertThat(r.status()).isEqualTo(201);
    assertThat(texts(r.json().get("permissions"))).containsExactly("billing", "purchase");
    assertThat(r.json().get("description").asText()).isEqualTo("Bills and purchases");
    assertThat(r.json().get("memberCount").asInt()).isZero();
    ApiClient.Resp own =
        api.post("/api/v1/roles", Map.of("name", "Billing Light", "copyFrom", "r3", "permissions", List.of("billing")));
    assertThat(texts(own.json().get("permissions"))).containsExactly("billing");
  }

  @Test
  void create_role_invariants_answer_422_naming_the_field() {
    assertProblem(api.post("/api/v1/roles", Map.of("name", "billing")), 422, "name");
    assertProblem(api.post("/api/v1/roles", Map.of("name", "")), 422, "name");
    assertProblem(api.post("/api/v1/roles", Map.of("name", "x".repeat(201))), 422, "name");
    assertProblem(api.post("/api/v1/roles", Map.of("name", "X", "permissions", List.of("nope"))), 422, "permissions");
    assertProblem(api.post("/api/v1/roles", Map.of("name", "X", "copyFrom", "r99")), 422, "copyFrom");
    assertProblem(api.post("/api/v1/roles", Map.of("name", "X", "caseActions", List.of("view"))), 422, "caseActions");
    assertProblem(api.post("/api/v1/roles", "{\"name\": 5}"), 400, "name");
    assertProblem(api.post("/api/v1/roles", "{\"name\": \"X\", \"colour\": \"red\"}"), 400, "colour");
    assertProblem(api.post("/api/v1/roles", "{not json"), 400, null);
    assertThat(api.get("/api/v1/portal").json().get("stateVersion").asInt()).as("nothing written").isEqualTo(1);
  }

  @Test
  void patch_role_bumps_its_version_and_honours_if_match() {
    ApiClient.Resp stale = api.patch("/api/v1/roles/r2", Map.of("name", "Support Technicians"), "If-Match", "\"7\"");
    assertProblem(stale, 412, null);
    ApiClient.Resp r =
        api.patch("/api/v1/roles/r2", Map.of("name", "Support Technicians", "permissions", List.of("logs", "admin-logs")),
            "If-Match", "W/\"1\"");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("version").asText()).isEqualTo("2");
    assertThat(r.header("ETag")).isEqualTo("\"2\"");
    assertThat(texts(r.json().get("permissions"))).containsExactly("admin-logs", "logs");
    assertThat(r.json().get("memberCount").asInt()).as("members kept").isEqualTo(2);
    assertProblem(api.patch("/api/v1/roles/r2", Map.of("description", "x"), "If-Match", "\"1\""), 412, null);
    assertProblem(api.patch("/api/v1/roles/r2", Map.of("name", "ADMIN")), 422, "name");
    assertProblem(api.patch("/api/v1/roles/r404", Map.of("name", "Y")), 404, null);
  }

  @Test
  void built_in_roles_keep_their_permissions_and_cannot_be_deleted() {
    assertProblem(api.patch("/api/v1/roles/r1", Map.of("permissions", List.of("logs"))), 422, "permissions");
    assertProblem(api.patch("/api/v1/roles/r1", Map.of("name", "Root")), 422, "name");
    assertThat(api.patch("/api/v1/roles/r1", Map.of("description", "The admins")).status()).isEqualTo(200);
    assertProblem(api.delete("/api/v1/roles/r1"), 422, "id");
  }

  @Test
  void delete_role_moves_members_as_a_union_or_removes_them() {
    api.post("/api/v1/roles/r2/members", Map.of("add", List.of("u10")));
    ApiClient.Resp r = api.delete("/api/v1/roles/r4?moveMembersTo=r2");
    assertThat(r.status()).isEqualTo(204);
    assertThat(r.body()).isEmpty();
    assertThat(api.get("/api/v1/roles/r4").status()).isEqualTo(404);
    assertThat(api.get("/api/v1/roles/r2").json().get("memberCount").asInt()).isEqualTo(4); // grace, heidi, judy, mallory
    assertThat(api.delete("/api/v1/roles/r3").status()).isEqualTo(204);
    assertThat(items(api.get("/api/v1/memberships")).stream().map(m -> m.get("roleId").asText()))
        .containsOnly("r1", "r2");
    assertThat(items(api.get("/api/v1/roles")).stream().map(x -> x.get("position").asInt()))
        .as("positions keep their gaps, order unchanged")
        .containsExactly(0, 1);
  }

  @Test
  void delete_role_refuses_bad_move_targets() {
    assertProblem(api.delete("/api/v1/roles/r4?moveMembersTo=r4"), 422, "moveMembersTo");
    assertProblem(api.delete("/api/v1/roles/r4?moveMembersTo=r99"), 422, "moveMembersTo");
    assertProblem(api.delete("/api/v1/roles/r4", "If-Match", "\"9\""), 412, null);
    assertProblem(api.delete("/api/v1/roles/r99"), 404, null);
  }

  @Test
  void reorder_sets_the_whole_order_with_the_admin_role_first() {
    ApiClient.Resp r = api.put("/api/v1/roles/order", Map.of("roleIds", List.of("r1", "r4", "r3", "r2")));
    assertThat(r.status()).isEqualTo(200);
    assertThat(texts(r.json().get("roleIds"))).containsExactly("r1", "r4", "r3", "r2");
    assertThat(items(api.get("/api/v1/roles")).stream().map(x -> x.get("id").asText()))
        .containsExactly("r1", "r4", "r3", "r2");
    assertProblem(api.put("/api/v1/roles/order", Map.of("roleIds", List.of("r4", "r1", "r3", "r2"))), 422, "roleIds");
    assertProblem(api.put("/api/v1/roles/order", Map.of("roleIds", List.of("r1", "r4", "r3"))), 422, "roleIds");
    assertProblem(api.put("/api/v1/roles/order", Map.of("roleIds", List.of("r1", "r4", "r3", "r2", "r2"))), 422, "roleIds");
    assertProblem(api.put("/api/v1/roles/order", Map.of("roleIds", List.of("r1", "r4", "r3", "r9"))), 422, "roleIds");
  }

  @Test
  void member_batches_add_and_remove_idempotently() {
    ApiClient.Resp r = api.post("/api/v1/roles/r3/members", Map.of("add", List.of("u3", "u4", "u9"), "remove", List.of("u5")));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("roleId").asText()).isEqualTo("r3");
    assertThat(r.json().get("memberCount").asInt()).isEqualTo(3);
    assertThat(api.post("/api/v1/roles/r3/members", Map.of("remove", List.of("u9"))).json().get("memberCount").asInt()).isEqualTo(2);
    assertProblem(api.post("/api/v1/roles/r3/members", Map.of("add", List.of("u999"))), 422, "add");
    assertProblem(api.post("/api/v1/roles/r3/members", Map.of("remove", List.of("u999"))), 422, "remove");
    assertProblem(api.post("/api/v1/roles/r3/members", Map.of("add", List.of("u3"), "remove", List.of("u3"))), 422, "remove");
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 10_001; i++) {
      many.add("u" + i);
    }
    assertProblem(api.post("/api/v1/roles/r3/members", Map.of("add", many)), 422, "add");
    assertProblem(api.post("/api/v1/roles/r99/members", Map.of("add", List.of("u3"))), 404, null);
  }

  @Test
  void audit_has_one_entry_per_write_oldest_first() {
    api.post("/api/v1/roles", Map.of("name", "A1"));
    api.post("/api/v1/roles/r2/members", Map.of("add", List.of("u3")));
    api.post("/api/v1/roles", Map.of("name", "a1")); // refused: no entry
    List<JsonNode> audit = items(api.as("demo-read").get("/api/v1/audit"));
    assertThat(audit.stream().map(a -> a.get("action").asText())).containsExactly("role.create", "role.members");
    assertThat(audit.get(0).get("actor").asText()).isEqualTo("alice@acme.example");
    assertThat(api.get("/api/v1/portal").json().get("stateVersion").asInt()).isEqualTo(3);
  }

  @Test
  void unknown_paths_are_404_and_wrong_methods_405_with_allow() {
    assertProblem(api.get("/api/v1/nothing"), 404, null);
    ApiClient.Resp r = api.send("DELETE", "/api/v1/memberships", null, Map.of());
    assertProblem(r, 405, null);
    assertThat(r.header("Allow")).isEqualTo("GET");
    ApiClient.Resp order = api.get("/api/v1/roles/order");
    assertThat(order.status()).as("GET /roles/order is not a role").isEqualTo(405);
    assertThat(order.header("Allow")).isEqualTo("PUT");
  }

  @Test
  void bad_queries_are_400() {
    assertProblem(api.get("/api/v1/users?limit=0"), 400, "limit");
    assertProblem(api.get("/api/v1/users?limit=abc"), 400, "limit");
    assertProblem(api.get("/api/v1/users?cursor=garbage!!"), 400, "cursor");
    assertProblem(api.get("/api/v1/memberships?cursor=YzEfdXNlcnMfdTE"), 400, "cursor"); // a users cursor
  }

  @Test
  void app_roles_settings_patch_with_if_match() {
    try (Sandbox app = TestSandboxes.memory("app-roles")) {
      ApiClient a = new ApiClient(app.baseUrl(), "demo-write");
      JsonNode settings = a.get("/api/v1/portal").json().get("settings");
      assertThat(settings.get("owner").asText()).isEqualTo("alice@acme.example");
      assertThat(settings.get("allowView").asBoolean()).isFalse();
      assertThat(settings.get("notifyMembers").asBoolean()).isTrue();
      assertProblem(a.patch("/api/v1/portal/settings", Map.of("allowView", true), "If-Match", "\"5\""), 412, null);
      ApiClient.Resp r = a.patch("/api/v1/portal/settings", Map.of("allowView", true), "If-Match", "\"1\"");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.json().get("allowView").asBoolean()).isTrue();
      assertThat(r.json().get("notifyMembers").asBoolean()).as("untouched").isTrue();
      assertThat(r.header("ETag")).isEqualTo("\"2\"");
      assertProblem(a.patch("/api/v1/portal/settings", Map.of("owner", "bob@acme.example")), 422, "owner");
      assertProblem(a.patch("/api/v1/portal/settings", "{\"allowView\": \"yes\"}"), 400, "allowView");
    }
  }

  @Test
  void settings_are_refused_on_profiles_without_them() {
    assertProblem(api.patch("/api/v1/portal/settings", Map.of("notifyMembers", false)), 422, "notifyMembers");
    assertProblem(api.post("/api/v1/portal/owner-transfer", Map.of("newOwner", "bob@acme.example")), 422, "newOwner");
  }

  @Test
  void app_roles_owner_transfer_to_an_active_internal_user() {
    try (Sandbox app = TestSandboxes.memory("app-roles")) {
      ApiClient a = new ApiClient(app.baseUrl(), "demo-write");
      assertProblem(a.post("/api/v1/portal/owner-transfer", Map.of("newOwner", "victor@acme.example")), 422, "newOwner");
      assertProblem(a.post("/api/v1/portal/owner-transfer", Map.of("newOwner", "sybil@partner.example")), 422, "newOwner");
      assertProblem(a.post("/api/v1/portal/owner-transfer", Map.of("newOwner", "nobody@acme.example")), 422, "newOwner");
      ApiClient.Resp r = a.post("/api/v1/portal/owner-transfer", Map.of("newOwner", "Carol@acme.example"));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.json().get("owner").asText()).isEqualTo("carol@acme.example");
      assertThat(a.post("/api/v1/portal/owner-transfer", Map.of("newOwner", "u2")).json().get("owner").asText())
          .isEqualTo("bob@acme.example");
    }
  }

  @Test
  void app_roles_pending_appliers_are_approved_into_a_role_or_denied() {
    try (Sandbox app = TestSandboxes.memory("app-roles")) {
      ApiClient a = new ApiClient(app.baseUrl(), "demo-write");
      List<JsonNode> users = items(a.get("/api/v1/users"));
      assertThat(users).hasSize(19);
      assertThat(users.stream().filter(u -> u.get("status").asText().equals("pending")).map(u -> u.get("email").asText()))
          .containsExactlyInAnyOrder("victor@acme.example", "walter@acme.example");
      assertThat(users.stream().filter(u -> u.get("external").asBoolean()).map(u -> u.get("email").asText()))
          .containsExactlyInAnyOrder("sybil@partner.example", "oscar@partner.example");
      assertProblem(a.post("/api/v1/roles/r3/members", Map.of("add", List.of("u16"))), 422, "add");
      ApiClient.Resp approved = a.post("/api/v1/users/u16/approve", Map.of("roleId", "r3"));
      assertThat(approved.status()).isEqualTo(200);
      assertThat(approved.json().get("status").asText()).isEqualTo("active");
      assertThat(a.get("/api/v1/roles/r3").json().get("memberCount").asInt()).isEqualTo(4);
      assertProblem(a.post("/api/v1/users/u16/approve", Map.of("roleId", "r3")), 422, null);
      assertProblem(a.post("/api/v1/users/u17/approve", Map.of("roleId", "r99")), 422, "roleId");
      assertProblem(a.post("/api/v1/users/u99/approve", Map.of("roleId", "r3")), 404, null);
      ApiClient.Resp denied = a.post("/api/v1/users/u17/deny", null);
      assertThat(denied.status()).isEqualTo(204);
      assertThat(items(a.get("/api/v1/users"))).hasSize(18);
      assertProblem(a.post("/api/v1/users/u1/deny", null), 422, null);
      assertProblem(a.post("/api/v1/users/u17/deny", null), 404, null);
    }
  }

  @Test
  void case_portal_case_actions_belong_to_roles_holding_cases() {
    try (Sandbox cases = TestSandboxes.memory("case-portal")) {
      ApiClient c = new ApiClient(cases.baseUrl(), "demo-write");
      List<JsonNode> perms = items(c.get("/api/v1/permissions"));
      assertThat(texts(perms.get(0).get("caseActions")))
          .containsExactly("view", "comment", "assign", "close", "reopen", "export", "delete");
      assertThat(perms.subList(1, perms.size())).allMatch(p -> p.get("caseActions").isEmpty());
      List<JsonNode> roles = items(c.get("/api/v1/roles"));
      assertThat(roles.stream().map(r -> r.get("name").asText()))
          .containsExactly("Administrator", "Case handler", "System technician", "Statistics viewer", "Department Leads");
      assertThat(roles.subList(0, 4)).allMatch(r -> r.get("builtIn").asBoolean());
      assertThat(texts(roles.get(1).get("caseActions"))).containsExactly("view", "comment");
      // Case actions may change on the built-in Case handler, its permissions may not.
      ApiClient.Resp r = c.patch("/api/v1/roles/r2", Map.of("caseActions", List.of("assign", "view", "comment")));
      assertThat(texts(r.json().get("caseActions"))).containsExactly("view", "comment", "assign");
      assertProblem(c.patch("/api/v1/roles/r2", Map.of("permissions", List.of("cases"))), 422, "permissions");
      assertProblem(c.patch("/api/v1/roles/r2", Map.of("caseActions", List.of("fly"))), 422, "caseActions");
      assertProblem(c.patch("/api/v1/roles/r4", Map.of("caseActions", List.of("view"))), 422, "caseActions");
      assertProblem(c.patch("/api/v1/roles/r1", Map.of("caseActions", List.of("view"))), 422, "caseActions");
      ApiClient.Resp created =
          c.post("/api/v1/roles", Map.of("name", "Triage", "permissions", List.of("cases"), "caseActions", List.of("view")));
      assertThat(created.status()).isEqualTo(201);
      ApiClient.Resp dropped =
          c.patch("/api/v1/roles/" + created.json().get("id").asText(), Map.of("permissions", List.of("statistics")));
      assertThat(dropped.json().get("caseActions")).as("losing cases drops its case actions").isEmpty();
    }
  }

  @Test
  void case_portal_departments_are_listed_created_renamed_and_deleted_only_when_empty() {
    try (Sandbox cases = TestSandboxes.memory("case-portal")) {
      ApiClient c = new ApiClient(cases.baseUrl(), "demo-write");
      assertThat(texts(c.get("/api/v1/portal").json().get("features")))
          .containsExactly("users", "departments", "delete-needs-disable");
      List<JsonNode> departments = items(c.get("/api/v1/departments"));
      assertThat(departments.stream().map(d -> d.get("name").asText()))
          .containsExactly("Legal & Compliance", "Finance", "Archive");
      ApiClient.Resp created = c.post("/api/v1/departments", Map.of("name", "Security"));
      assertThat(created.status()).isEqualTo(201);
      assertThat(created.header("Location")).isEqualTo("/api/v1/departments/" + created.json().get("id").asText());
      assertProblem(c.post("/api/v1/departments", Map.of("name", "security")), 422, "name");
      assertProblem(c.post("/api/v1/departments", Map.of("name", " Padded")), 422, "name");
      ApiClient.Resp renamed = c.patch("/api/v1/departments/d1", Map.of("name", "Compliance"), "If-Match", "\"1\"");
      assertThat(renamed.status()).isEqualTo(200);
      assertThat(renamed.header("ETag")).isEqualTo("\"2\"");
      assertProblem(c.patch("/api/v1/departments/d1", Map.of("name", "Again"), "If-Match", "\"1\""), 412, null);
      // Users keep the renamed department: they point at its id.
      JsonNode grace = items(c.get("/api/v1/users")).stream()
          .filter(u -> u.get("email").asText().equals("grace@acme.example")).findFirst().orElseThrow();
      assertThat(texts(grace.get("departments"))).containsExactly("d1");
      assertProblem(c.delete("/api/v1/departments/d1"), 409, null);
      assertThat(c.delete("/api/v1/departments/d3").status()).isEqualTo(204);
      assertProblem(c.delete("/api/v1/departments/d3"), 404, null);
      assertThat(items(c.get("/api/v1/departments"))).hasSize(3);
    }
  }

  @Test
  void departments_do_not_exist_on_other_profiles() {
    assertThat(api.get("/api/v1/portal").json().get("features").toString()).doesNotContain("departments");
    assertProblem(api.get("/api/v1/departments"), 404, null);
    assertProblem(api.post("/api/v1/departments", Map.of("name", "X")), 404, null);
    assertProblem(api.post("/api/v1/users", Map.of("email", "x@acme.example", "departments", List.of("d1"))), 422,
        "departments");
  }

  @Test
  void case_portal_users_are_invited_updated_disabled_then_deleted() {
    try (Sandbox cases = TestSandboxes.memory("case-portal")) {
      ApiClient c = new ApiClient(cases.baseUrl(), "demo-write");
      ApiClient.Resp invited = c.post("/api/v1/users",
          Map.of("email", "nora@acme.example", "firstName", "Nora", "lastName", "Lind", "departments", List.of("d2")));
      assertThat(invited.status()).isEqualTo(201);
      String id = invited.json().get("id").asText();
      assertThat(invited.json().get("status").asText()).isEqualTo("active");
      assertThat(texts(invited.json().get("departments"))).containsExactly("d2");
      assertProblem(c.post("/api/v1/users", Map.of("email", "NORA@acme.example")), 422, "email");
      assertProblem(c.post("/api/v1/users", Map.of("email", "not-an-email")), 422, "email");
      assertProblem(c.post("/api/v1/users", Map.of("email", "x@acme.example", "departments", List.of("d99"))), 422,
          "departments");
      ApiClient.Resp patched = c.patch("/api/v1/users/" + id,
          Map.of("lastName", "Lind-Berg", "departments", List.of("d1", "d2")), "If-Match", "\"1\"");
      assertThat(patched.status()).isEqualTo(200);
      assertThat(patched.json().get("lastName").asText()).isEqualTo("Lind-Berg");
      assertThat(patched.header("ETag")).isEqualTo("\"2\"");
      assertProblem(c.patch("/api/v1/users/" + id, Map.of("firstName", "N"), "If-Match", "\"1\""), 412, null);
      assertProblem(c.patch("/api/v1/users/" + id, Map.of("status", "pending")), 422, "status");
      assertProblem(c.delete("/api/v1/users/" + id), 409, null);
      assertThat(c.patch("/api/v1/users/" + id, Map.of("status", "disabled")).json().get("status").asText())
          .isEqualTo("disabled");
      assertThat(c.delete("/api/v1/users/" + id).status()).isEqualTo(204);
      assertProblem(c.delete("/api/v1/users/" + id), 404, null);
      // The token's own user (alice, u1) is never disabled or deleted.
      assertProblem(c.patch("/api/v1/users/u1", Map.of("status", "disabled")), 422, null);
      assertProblem(c.delete("/api/v1/users/u1"), 422, null);
    }
  }

  @Test
  void app_roles_users_are_removed_from_the_application_without_disabling() {
    try (Sandbox app = TestSandboxes.memory("app-roles")) {
      ApiClient a = new ApiClient(app.baseUrl(), "demo-write");
      assertThat(texts(a.get("/api/v1/portal").json().get("features")))
          .containsExactly("users", "appliers", "collaborators");
      // sybil (u18) is an external collaborator in Editors (r2).
      assertThat(a.delete("/api/v1/users/u18").status()).isEqualTo(204);
      assertThat(a.get("/api/v1/roles/r2").json().get("memberCount").asInt()).isEqualTo(2);
      assertProblem(a.patch("/api/v1/users/u16", Map.of("firstName", "V")), 422, null);
      assertProblem(a.delete("/api/v1/users/u1"), 422, null);
    }
  }

  static void assertProblem(ApiClient.Resp r, int status, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    JsonNode p = r.json();
    assertThat(p.get("status").asInt()).isEqualTo(status);
    if (field != null) {
      assertThat(p.path("field").asText()).as(r.body()).isEqualTo(field);
    }
  }
}
