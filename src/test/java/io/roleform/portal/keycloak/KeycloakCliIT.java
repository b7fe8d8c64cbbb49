package io.roleform.portal.keycloak;

import io.roleform.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real command line, in-process, against a real Keycloak ({@link KeycloakServer}): every test
 * gets its own realm (realm roles billing, logs, purchase, manage-roles; users alice..erin; a
 * {@code roleform} parent group holding Admin, Support and Billing) and a service-account client
 * with only {@link RealmFixture#SERVICE_ACCOUNT_ROLES}, and asserts what Keycloak holds afterwards
 * through the fixture's independent admin client.
 */
@Tag("keycloak")
@ExtendWith(KeycloakServer.class)
class KeycloakCliIT {

  private static final String SECRET = "cli-secret-" + UUID.randomUUID();

  private RealmFixture kc;
  private String portal;
  private Map<String, String> env;
  private String admin;
  private String support;
  private String billing;
  private final Map<String, String> users = new java.util.HashMap<>();
  @TempDir Path dir;

  @BeforeEach
  void realm(KeycloakServer.Endpoint server) {
    kc = new RealmFixture(server.url(), server.adminUser(), server.adminPassword(),
        "cli-" + UUID.randomUUID().toString().substring(0, 8));
    for (String r : List.of("billing", "logs", "purchase", "manage-roles")) kc.role(r, "Grants " + r);
    for (String u : List.of("alice", "bob", "carol", "dan", "erin")) users.put(u, kc.user(u, u + "@acme.example", true));
    String parent = kc.group(null, "roleform", null, Map.of());
    admin = kc.group(parent, "Admin", "Full access", Map.of("roleform.position", "0"));
    support = kc.group(parent, "Support", "Helpdesk", Map.of("roleform.position", "1"));
    billing = kc.group(parent, "Billing", "Bills", Map.of("roleform.position", "2"));
    kc.mapRealmRoles(admin, "billing", "logs", "purchase", "manage-roles");
    kc.mapRealmRoles(support, "logs");
    kc.mapRealmRoles(billing, "billing", "purchase");
    kc.join(users.get("alice"), admin);
    kc.join(users.get("carol"), support);
    kc.join(users.get("dan"), billing);
    kc.serviceAccount("roleform", SECRET, RealmFixture.SERVICE_ACCOUNT_ROLES);
    portal = "keycloak:" + server.url() + "?realm=" + kc.realm + "&parentGroup=roleform";
    env = Map.of(Credentials.ENV_CLIENT_ID, "roleform", Credentials.ENV_CLIENT_SECRET, SECRET);
  }

  @AfterEach
  void drop() {
    if (kc != null) kc.close();
  }

  @Test
  void usersAndDepartmentsInviteUpdateDisableDeleteThenNoChanges() throws IOException {
    kc.allowUnmanagedAttributes();
    Path config = config("""
        departments:
          - name: Finance
          - name: Legal
        users:
          - email: nora@acme.example
            firstName: Nora
            lastName: Lind
            departments: [Finance]
          - email: bob@acme.example
            firstName: Robert
            lastName: Baker
            departments: [Legal]
        roles:
          - name: Billing
            members: [dan@acme.example, nora@acme.example]
        """);
    applyThenNoChanges(config);
    JsonNode nora = userByEmail("nora@acme.example");
    assertThat(nora.get("firstName").asText()).isEqualTo("Nora");
    assertThat(nora.get("enabled").asBoolean()).isTrue();
    assertThat(nora.path("attributes").path("roleform.departments").get(0).asText()).isEqualTo("Finance");
    assertThat(userByEmail("bob@acme.example").get("firstName").asText()).isEqualTo("Robert");
    assertThat(memberEmails(billing)).containsExactly("dan@acme.example", "nora@acme.example");
    String parent = kc.get(kc.base() + "/group-by-path/roleform").get("id").asText();
    assertThat(group(parent).path("attributes").path("roleform.departments").toString())
        .contains("Finance").contains("Legal");

    // Rename a department (its users follow), disable a user.
    Files.writeString(config.resolve("roles.yaml"), Files.readString(config.resolve("roles.yaml"))
        .replace("  - name: Legal\n", "  - name: Compliance\n    formerNames: [Legal]\n")
        .replace("departments: [Legal]", "departments: [Compliance]")
        .replace("    lastName: Baker\n", "    lastName: Baker\n    status: disabled\n"));
    applyThenNoChanges(config);
    JsonNode bob = userByEmail("bob@acme.example");
    assertThat(bob.get("enabled").asBoolean()).isFalse();
    assertThat(bob.path("attributes").path("roleform.departments").get(0).asText()).isEqualTo("Compliance");

    // Delete a user.
    Files.writeString(config.resolve("roles.yaml"), Files.readString(config.resolve("roles.yaml"))
        .replace("    members: [dan@acme.example, nora@acme.example]", "    members: [dan@acme.example]")
        .replace("  - email: nora@acme.example\n    firstName: Nora\n    lastName: Lind\n    departments: [Finance]\n", "")
        + "removedUsers: [nora@acme.example]\n");
    applyThenNoChanges(config);
    assertThat(kc.get(kc.base() + "/users?email=nora@acme.example&exact=true")).isEmpty();
  }

  @Test
  void appliersAreRefusedAtPlanTimeOnKeycloak() throws IOException {
    Path config = config("""
        appliers:
          denyUnlisted: true
        """);
    Run plan = cli("plan", config.toString());
    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(1);
    assertThat(plan.err()).contains("has no pending appliers");
  }

  private void applyThenNoChanges(Path config) {
    Run apply = cli("apply", config.toString(), "--auto-approve");
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    Run again = cli("plan", config.toString(), "--detailed-exitcode");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.out()).contains("No changes");
  }

  private JsonNode userByEmail(String email) {
    return kc.get(kc.base() + "/users?briefRepresentation=false&exact=true&email=" + email).get(0);
  }

  @Test
  void planApplyThenPlanShowsNoChanges() throws IOException {
    Path config = config("""
        order: [Admin, Billing, Support, Auditors]
        roles:
          - name: Admin
            members: [alice@acme.example]
          - name: Support
            description: Helpdesk and logs
            permissions: [logs, billing]
            members: [carol@acme.example, erin@acme.example]
          - name: Billing
            permissions: [billing]
          - name: Auditors
            description: Read the logs
            permissions: [logs]
            members: [bob@acme.example]
        """);

    Run first = cli("plan", config.toString(), "--detailed-exitcode");
    assertThat(first.exitCode()).as(first.toString()).isEqualTo(2);
    assertThat(first.out()).contains("Auditors").contains("erin@acme.example");

    Run apply = cli("apply", config.toString(), "--auto-approve");
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    assertThat(apply.out()).contains("Apply complete");

    Run again = cli("plan", config.toString(), "--detailed-exitcode");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.out()).contains("No changes");

    assertThat(childNames()).containsExactlyInAnyOrder("Admin", "Support", "Billing", "Auditors");
    JsonNode auditors = group(childId("Auditors"));
    assertThat(auditors.get("description").asText()).isEqualTo("Read the logs");
    assertThat(realmRoles(auditors)).containsExactly("logs");
    assertThat(memberEmails(childId("Auditors"))).containsExactly("bob@acme.example");
    assertThat(realmRoles(group(support))).containsExactly("billing", "logs");
    assertThat(memberEmails(support)).containsExactly("carol@acme.example", "erin@acme.example");
    assertThat(realmRoles(group(billing))).containsExactly("billing");
    assertThat(position(billing)).isLessThan(position(support));
  }

  @Test
  void renameThroughFormerNamesKeepsTheGroupAndItsMembers() throws IOException {
    Path config = config("""
        roles:
          - name: Helpdesk
            formerNames: [Support]
            permissions: [logs]
        """);

    Run apply = cli("apply", config.toString(), "--auto-approve");
    assertThat(apply.exitCode()).as(apply.toString()).isZero();

    assertThat(group(support).get("name").asText()).isEqualTo("Helpdesk");
    assertThat(childId("Helpdesk")).isEqualTo(support);
    assertThat(childNames()).doesNotContain("Support");
    assertThat(memberEmails(support)).containsExactly("carol@acme.example");
    assertThat(cli("plan", config.toString(), "--detailed-exitcode").exitCode()).isZero();
  }

  @Test
  void deleteWithMoveMembersToMovesThemThenDeletesTheGroup() throws IOException {
    String elsewhere = kc.group(null, "Unmanaged", null, Map.of());
    kc.join(users.get("dan"), elsewhere);
    Path config = config("""
        roles:
          - name: Support
        removed:
          - name: Billing
            moveMembersTo: Support
        """);

    Run apply = cli("apply", config.toString(), "--auto-approve");
    assertThat(apply.exitCode()).as(apply.toString()).isZero();

    assertThat(childNames()).containsExactlyInAnyOrder("Admin", "Support");
    assertThat(memberEmails(support)).containsExactly("carol@acme.example", "dan@acme.example");
    assertThat(kc.get(kc.base() + "/users/" + users.get("dan") + "/groups"))
        .extracting(g -> g.get("name").asText()).containsExactlyInAnyOrder("Support", "Unmanaged");
    assertThat(cli("plan", config.toString(), "--detailed-exitcode").exitCode()).isZero();
  }

  @Test
  void exportThenPlanShowsNoChanges() {
    Path out = dir.resolve("exported");
    Run export = cli("export", "--out", out.toString());
    assertThat(export.exitCode()).as(export.toString()).isZero();
    assertThat(out.resolve("roleform.yaml")).exists();

    Run plan = cli("plan", out.toString(), "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("No changes");
  }

  @Test
  void aChangeMadeInKeycloakAfterThePlanMakesTheSavedPlanStale() throws IOException {
    Path config = config("""
        roles:
          - name: Auditors
            permissions: [logs]
          - name: Support
            members: [carol@acme.example, erin@acme.example]
        """);
    Path plan = dir.resolve("plan.json");
    Run planned = cli("plan", config.toString(), "--out", plan.toString());
    assertThat(planned.exitCode()).as(planned.toString()).isZero();
    assertThat(plan).exists();

    kc.mapRealmRoles(billing, "logs");  // behind roleform's back, on a group the plan does not change

    Run stale = cli("apply", "--plan", plan.toString());
    assertThat(stale.exitCode()).as(stale.toString()).isEqualTo(3);
    assertThat(stale.err()).contains("stale");
    assertThat(childNames()).doesNotContain("Auditors");
    assertThat(memberEmails(support)).containsExactly("carol@acme.example");

    Run replanned = cli("plan", config.toString(), "--out", plan.toString());
    assertThat(replanned.exitCode()).as(replanned.toString()).isZero();
    Run apply = cli("apply", "--plan", plan.toString());
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    assertThat(childNames()).contains("Auditors");
    assertThat(memberEmails(support)).containsExactly("carol@acme.example", "erin@acme.example");
  }

  @Test
  void settingsAndCaseActionsAreRefusedAsNotSupported() throws IOException {
    Path config = config("""
        settings:
          owner: alice@acme.example
          allowView: true
          notifyMembers: false
        roles:
          - name: Support
            permissions: [logs]
            caseActions: [view]
          - name: Auditors
            permissions: [logs]
        """);

    Run plan = cli("plan", config.toString());
    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(1);
    assertThat(plan.err())
        .contains("`owner` is not supported by this portal kind (keycloak)")
        .contains("`allowView` is not supported by this portal kind (keycloak)")
        .contains("`notifyMembers` is not supported by this portal kind (keycloak)")
        .contains("case actions are not supported by this portal kind (keycloak)");

    Run apply = cli("apply", config.toString(), "--auto-approve");
    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(1);
    assertThat(childNames()).doesNotContain("Auditors");
  }

  @Test
  void aBadAddressOrMissingCredentialsIsOneClearError() {
    Run noRealm = Run.of(env, "export", "--portal", "keycloak:" + kc.url);
    assertThat(noRealm.exitCode()).isEqualTo(1);
    assertThat(noRealm.err()).contains("the realm is missing").doesNotContain("Exception");

    Run noCredentials = Run.of(Map.of(), "export", "--portal", portal);
    assertThat(noCredentials.exitCode()).isEqualTo(1);
    assertThat(noCredentials.err()).contains("No Keycloak credentials").doesNotContain("Exception");

    Run wrongSecret = Run.of(Map.of(Credentials.ENV_CLIENT_ID, "roleform", Credentials.ENV_CLIENT_SECRET, "wrong"),
        "export", "--portal", portal, "--verbose");
    assertThat(wrongSecret.exitCode()).isEqualTo(1);
    assertThat(wrongSecret.err()).contains("Keycloak did not issue a token").contains("HTTP 401")
        .doesNotContain("Exception").doesNotContain("wrong").doesNotContain(SECRET);
  }

  // --- helpers ---

  private Run cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--portal");
    all.add(portal);
    return Run.of(env, all.toArray(String[]::new));
  }

  private Path config(String body) throws IOException {
    Path d = Files.createDirectories(dir.resolve("config-" + UUID.randomUUID()));
    Files.writeString(d.resolve("roles.yaml"), "apiVersion: roleform/v1\n" + body, StandardCharsets.UTF_8);
    return d;
  }

  private JsonNode group(String id) {
    return kc.get(kc.base() + "/groups/" + id);
  }

  private List<JsonNode> children() {
    String parent = kc.get(kc.base() + "/group-by-path/roleform").get("id").asText();
    List<JsonNode> list = new ArrayList<>();
    kc.get(kc.base() + "/groups/" + parent + "/children?max=1000").forEach(list::add);
    return list;
  }

  private List<String> childNames() {
    return children().stream().map(g -> g.get("name").asText()).toList();
  }

  private String childId(String name) {
    return children().stream().filter(g -> g.get("name").asText().equals(name))
        .map(g -> g.get("id").asText()).findFirst().orElseThrow();
  }

  private static List<String> realmRoles(JsonNode group) {
    TreeSet<String> names = new TreeSet<>();
    group.path("realmRoles").forEach(r -> names.add(r.asText()));
    return List.copyOf(names);
  }

  private List<String> memberEmails(String groupId) {
    TreeSet<String> emails = new TreeSet<>();
    kc.get(kc.base() + "/groups/" + groupId + "/members?max=1000").forEach(u -> {
      if (u.hasNonNull("email")) emails.add(u.get("email").asText());
    });
    return List.copyOf(emails);
  }

  private int position(String groupId) {
    return group(groupId).get("attributes").get("roleform.position").get(0).asInt();
  }

  /** One in-process run of the real command line. */
  record Run(int exitCode, String out, String err) {
    static Run of(Map<String, String> env, String... args) {
      CliRun r = CliRun.run(env, args);
      return new Run(r.exitCode(), r.out(), r.err());
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
    }
  }
}
