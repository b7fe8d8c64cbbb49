package io.roleform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roleform.sandbox.GenerateSpec;
import io.roleform.sandbox.Sandbox;
import io.roleform.sandbox.SandboxOptions;
import io.roleform.testing.CliRun;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * People as code end to end (DESIGN.md §7): the real command line, in-process, against the real
 * sandbox on 127.0.0.1. Every apply is followed by a plan that must show "No changes", and what
 * was applied is read back from the portal's own API.
 */
class PeopleEndToEndIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private Sandbox sandbox;

  @AfterEach
  void stop() {
    if (sandbox != null) sandbox.close();
  }

  private Map<String, String> start(String profile, GenerateSpec generate) throws Exception {
    sandbox = Sandbox.start(new SandboxOptions(0, ":memory:", profile, null, null, 1L, 0, generate, false,
        new PrintStream(OutputStream.nullOutputStream())));
    return Map.of("ROLEFORM_PORTAL_URL", sandbox.baseUrl().toString(), "ROLEFORM_TOKEN", "demo-write");
  }

  @Test
  void casePortal_inviteThreeUsersRenameADepartmentDisableThenDeleteALeaver(@TempDir Path dir) throws Exception {
    Map<String, String> env = start("case-portal", null);
    Path config = dir.resolve("people.yaml");

    // 1. Three new hires with departments and roles, invited before any role names them.
    Files.writeString(config, """
        apiVersion: roleform/v1
        departments:
          - name: Security
        users:
          - email: nora@acme.example
            firstName: Nora
            lastName: Lind
            departments: [Legal & Compliance]
          - email: omar@acme.example
            firstName: Omar
            lastName: Quist
            departments: [Security]
          - email: pia@acme.example
            firstName: Pia
            lastName: Berg
            departments: [Finance, Security]
          - email: trent@acme.example
        roles:
          - name: Case handler
            members: [grace@acme.example, heidi@acme.example, nora@acme.example, omar@acme.example]
          - name: Statistics viewer
            members: [judy@acme.example, pia@acme.example]
        """);
    applyThenNoChanges(env, config, "inviteUser");
    Map<String, JsonNode> users = users();
    assertThat(users.get("nora@acme.example").get("lastName").asText()).isEqualTo("Lind");
    assertThat(departmentNames(users.get("pia@acme.example"))).containsExactlyInAnyOrder("Finance", "Security");
    assertThat(memberEmails("Case handler")).contains("nora@acme.example", "omar@acme.example");

    // 2. A department renamed (its users stay), and the leaver disabled: login off, account kept.
    Files.writeString(config, Files.readString(config)
        .replace("  - name: Security\n", "  - name: Security\n  - name: Compliance\n    formerNames: [Legal & Compliance]\n")
        .replace("departments: [Legal & Compliance]", "departments: [Compliance]")
        .replace("  - email: trent@acme.example\n", "  - email: trent@acme.example\n    status: disabled\n"));
    applyThenNoChanges(env, config, "disableUser");
    assertThat(users().get("trent@acme.example").get("status").asText()).isEqualTo("disabled");
    assertThat(departmentNames(users().get("nora@acme.example"))).containsExactly("Compliance");

    // 3. The leaver deleted.
    Files.writeString(config, Files.readString(config)
        .replace("  - email: trent@acme.example\n    status: disabled\n", "")
        + "removedUsers: [trent@acme.example]\n");
    applyThenNoChanges(env, config, "deleteUser");
    assertThat(users()).doesNotContainKey("trent@acme.example");
  }

  @Test
  void casePortal_leaverIsDisabledThenDeletedInOneApply(@TempDir Path dir) throws Exception {
    Map<String, String> env = start("case-portal", null);
    Path config = dir.resolve("leaver.yaml");
    Files.writeString(config, "apiVersion: roleform/v1\nremovedUsers: [mallory@acme.example]\n");
    CliRun plan = CliRun.run(env, "plan", config.toString(), "--format", "json");
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
    List<String> types = new ArrayList<>();
    JSON.readTree(plan.out()).get("operations").forEach(op -> types.add(op.get("type").asText()));
    assertThat(types).containsExactly("disableUser", "deleteUser");
    applyThenNoChanges(env, config, "deleteUser");
    assertThat(users()).doesNotContainKey("mallory@acme.example");
  }

  @Test
  void appRoles_denyOneApproveAnotherDenyUnlistedAndRemoveACollaborator(@TempDir Path dir) throws Exception {
    // 100 generated users: every 100th is a pending applier, so one more applier nobody approves.
    Map<String, String> env = start("app-roles", GenerateSpec.parse("users=100"));
    List<String> pending = new ArrayList<>();
    users().values().forEach(u -> {
      if (u.get("status").asText().equals("pending")) pending.add(u.get("email").asText());
    });
    assertThat(pending).hasSize(3).contains("victor@acme.example", "walter@acme.example");
    Path config = dir.resolve("appliers.yaml");
    Files.writeString(config, """
        apiVersion: roleform/v1
        roles:
          - name: Viewers
            members: [erin@acme.example, frank@acme.example, grace@acme.example, victor@acme.example]
        appliers:
          deny: [walter@acme.example]
          denyUnlisted: true
        removedUsers: [sybil@partner.example]
        """);
    CliRun plan = CliRun.run(env, "plan", config.toString());
    assertThat(plan.out()).contains("sybil@partner.example (external)").contains("deny walter@acme.example")
        .contains("approve victor@acme.example");
    applyThenNoChanges(env, config, "denyApplier");
    Map<String, JsonNode> users = users();
    assertThat(users.get("victor@acme.example").get("status").asText()).isEqualTo("active");
    assertThat(users).doesNotContainKey("walter@acme.example").doesNotContainKey("sybil@partner.example");
    assertThat(users.values()).noneMatch(u -> u.get("status").asText().equals("pending"));
    assertThat(memberEmails("Editors")).doesNotContain("sybil@partner.example");
  }

  @Test
  void exportWithUsersRoundTripsToNoChanges(@TempDir Path dir) throws Exception {
    for (String profile : List.of("case-portal", "app-roles")) {
      if (sandbox != null) sandbox.close();
      Map<String, String> env = start(profile, null);
      Path out = dir.resolve(profile);
      CliRun export = CliRun.run(env, "export", "--out", out.toString(), "--users");
      assertThat(export.exitCode()).as(export.toString()).isZero();
      String yaml = Files.readString(out.resolve("roleform.yaml"));
      assertThat(yaml).contains("users:").contains("firstName:");
      if (profile.equals("case-portal")) assertThat(yaml).contains("departments:").contains("Legal & Compliance");
      if (profile.equals("app-roles")) assertThat(yaml).contains("external: true");
      CliRun plan = CliRun.run(env, "plan", out.toString(), "--detailed-exitcode");
      assertThat(plan.exitCode()).as(plan.toString()).isZero();
      assertThat(plan.out()).contains("No changes");
      CliRun without = CliRun.run(env, "export", "--no-users");
      assertThat(without.out()).doesNotContain("users:");
    }
  }

  @Test
  void refusalsExitFourAndChangeNothing(@TempDir Path dir) throws Exception {
    Map<String, String> env = start("case-portal", null);
    Path config = dir.resolve("refused.yaml");
    Files.writeString(config, "apiVersion: roleform/v1\nusers:\n  - email: alice@acme.example\n    status: disabled\n");
    CliRun apply = CliRun.run(env, "apply", config.toString(), "--auto-approve");
    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(4);
    assertThat(apply.out() + apply.err()).contains("whose token applies this plan");
    assertThat(users().get("alice@acme.example").get("status").asText()).isEqualTo("active");

    Files.writeString(config, "apiVersion: roleform/v1\nremovedUsers: [carol@acme.example, dan@acme.example,"
        + " erin@acme.example, frank@acme.example, grace@acme.example, heidi@acme.example]\n");
    CliRun tooMany = CliRun.run(env, "plan", config.toString());
    assertThat(tooMany.exitCode()).as(tooMany.toString()).isEqualTo(4);
    assertThat(tooMany.out()).contains("--max-user-removals=6");
    CliRun allowed = CliRun.run(env, "plan", config.toString(), "--max-user-removals=6");
    assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
  }

  private void applyThenNoChanges(Map<String, String> env, Path config, String expectedType) throws Exception {
    CliRun plan = CliRun.run(env, "plan", config.toString(), "--format", "json");
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("\"type\": \"" + expectedType + "\"");
    CliRun apply = CliRun.run(env, "apply", config.toString(), "--auto-approve");
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    CliRun again = CliRun.run(env, "plan", config.toString(), "--detailed-exitcode");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.out()).contains("No changes");
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path)).header("Authorization", "Bearer demo-read").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private Map<String, JsonNode> users() throws Exception {
    Map<String, JsonNode> out = new HashMap<>();
    get("/api/v1/users?limit=1000").get("items").forEach(u -> out.put(u.get("email").asText(), u));
    return out;
  }

  private List<String> departmentNames(JsonNode user) throws Exception {
    Map<String, String> names = new HashMap<>();
    get("/api/v1/departments").get("items").forEach(d -> names.put(d.get("id").asText(), d.get("name").asText()));
    List<String> out = new ArrayList<>();
    user.get("departments").forEach(id -> out.add(names.get(id.asText())));
    return out;
  }

  private List<String> memberEmails(String roleName) throws Exception {
    String roleId = null;
    for (JsonNode r : get("/api/v1/roles").get("items")) if (r.get("name").asText().equals(roleName)) roleId = r.get("id").asText();
    Map<String, String> emails = new HashMap<>();
    users().values().forEach(u -> emails.put(u.get("id").asText(), u.get("email").asText()));
    List<String> out = new ArrayList<>();
    for (JsonNode m : get("/api/v1/memberships?limit=1000").get("items")) {
      if (m.get("roleId").asText().equals(roleId)) out.add(emails.get(m.get("userId").asText()));
    }
    return out;
  }
}
