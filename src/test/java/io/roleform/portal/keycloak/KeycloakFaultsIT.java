package io.roleform.portal.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roleform.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real command line against a real Keycloak behind a {@link FaultProxy}: 5xx, 429 with {@code
 * Retry-After}, connection resets — some after the write reached Keycloak. Repeated applies
 * converge (the next plan shows no changes), and Keycloak holds no duplicate group, membership or
 * role mapping.
 */
@Tag("keycloak")
@ExtendWith(KeycloakServer.class)
class KeycloakFaultsIT {

  private static final String SECRET = "faults-secret-" + UUID.randomUUID();
  private static final int MAX_APPLIES = 6;

  private RealmFixture kc;
  private FaultProxy proxy;
  private String portal;
  private Map<String, String> env;
  @TempDir Path dir;

  @BeforeEach
  void realm(KeycloakServer.Endpoint server) throws Exception {
    kc = new RealmFixture(server.url(), server.adminUser(), server.adminPassword(),
        "faults-" + UUID.randomUUID().toString().substring(0, 8));
    for (String r : List.of("billing", "logs", "purchase", "manage-roles")) kc.role(r, "Grants " + r);
    List<String> ids = new ArrayList<>();
    for (String u : List.of("alice", "bob", "carol", "dan", "erin", "frank", "grace", "heidi")) {
      ids.add(kc.user(u, u + "@acme.example", true));
    }
    String parent = kc.group(null, "roleform", null, Map.of());
    String admin = kc.group(parent, "Admin", "Full access", Map.of("roleform.position", "0"));
    kc.mapRealmRoles(admin, "billing", "logs", "purchase", "manage-roles");
    kc.join(ids.get(0), admin);
    kc.serviceAccount("roleform", SECRET, RealmFixture.SERVICE_ACCOUNT_ROLES);
    proxy = new FaultProxy(server.url());
    portal = "keycloak:" + proxy.url() + "?realm=" + kc.realm + "&parentGroup=roleform&concurrency=2";
    env = Map.of(Credentials.ENV_CLIENT_ID, "roleform", Credentials.ENV_CLIENT_SECRET, SECRET);
  }

  @AfterEach
  void drop() {
    if (proxy != null) proxy.close();
    if (kc != null) kc.close();
  }

  @Test
  void repeatedAppliesThroughFaultsConvergeWithoutDuplicates() throws Exception {
    Path config = dir.resolve("roles.yaml");
    Files.writeString(config, """
        apiVersion: roleform/v1
        order: [Admin, Support, Billing, Auditors, Buyers]
        roles:
          - name: Admin
            members: [alice@acme.example]
          - name: Support
            description: Helpdesk
            permissions: [logs]
            members: [bob@acme.example, carol@acme.example]
          - name: Billing
            permissions: [billing, purchase]
            members: [dan@acme.example, erin@acme.example]
          - name: Auditors
            permissions: [logs, billing]
            members: [frank@acme.example, grace@acme.example, heidi@acme.example]
          - name: Buyers
            copyFrom: Billing
            members: [heidi@acme.example]
        """, StandardCharsets.UTF_8);

    List<CliRun> applies = new ArrayList<>();
    for (int i = 0; i < MAX_APPLIES; i++) {
      CliRun apply = cli("apply", config.toString(), "--auto-approve", "--max-retries", "3");
      applies.add(apply);
      assertThat(apply.err()).doesNotContain("\tat ").doesNotContain(SECRET);
      if (apply.exitCode() == 0) break;
    }
    assertThat(applies.get(applies.size() - 1).exitCode()).as("%s", applies).isZero();
    assertThat(proxy.injected).as("faults injected").hasSizeGreaterThan(3)
        .anyMatch(f -> f.startsWith("502 after") || f.startsWith("reset after"));

    proxy.enabled = false;
    CliRun again = cli("plan", config.toString(), "--detailed-exitcode");
    assertThat(again.exitCode()).as(again.toString()).isZero();

    Map<String, Integer> names = new TreeMap<>();
    String parent = kc.get(kc.base() + "/group-by-path/roleform").get("id").asText();
    for (JsonNode g : kc.get(kc.base() + "/groups/" + parent + "/children?max=1000")) {
      names.merge(g.get("name").asText(), 1, Integer::sum);
      String id = g.get("id").asText();
      List<String> members = new ArrayList<>();
      kc.get(kc.base() + "/groups/" + id + "/members?max=1000").forEach(u -> members.add(u.get("id").asText()));
      assertThat(members).as("members of %s", g.get("name")).doesNotHaveDuplicates();
      List<String> roles = new ArrayList<>();
      kc.get(kc.base() + "/groups/" + id + "/role-mappings/realm").forEach(r -> roles.add(r.get("name").asText()));
      assertThat(roles).as("role mappings of %s", g.get("name")).doesNotHaveDuplicates();
    }
    assertThat(names).containsOnlyKeys("Admin", "Support", "Billing", "Auditors", "Buyers")
        .allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
  }

  private CliRun cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--portal");
    all.add(portal);
    return CliRun.run(env, all);
  }
}
