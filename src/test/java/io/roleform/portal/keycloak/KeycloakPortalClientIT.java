package io.roleform.portal.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import io.roleform.portal.LiveUser;
import io.roleform.portal.NewRole;
import io.roleform.portal.Permission;
import io.roleform.portal.PortalException;
import io.roleform.portal.RolePatch;
import io.roleform.portal.UserStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * KeycloakPortalClient against a real Keycloak, which {@link KeycloakServer} provides (started by
 * the build, shared with the other keycloak ITs). Every test builds its own realm and deletes it
 * afterwards; the client signs in as a service account holding only {@link
 * RealmFixture#SERVICE_ACCOUNT_ROLES}.
 */
@Tag("keycloak")
@ExtendWith(KeycloakServer.class)
class KeycloakPortalClientIT {

  private static final String SECRET = "it-secret-" + UUID.randomUUID();

  private RealmFixture kc;
  private KeycloakPortalClient client;
  /** Requests are logged by the threads that send them, several at once (writes run in parallel). */
  private final List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Map<String, String> users = new HashMap<>();
  private final Map<String, String> groups = new HashMap<>();
  private String serviceAccountUser;
  private KeycloakServer.Endpoint server;

  @BeforeEach
  void realm(KeycloakServer.Endpoint server) {
    this.server = server;
    String url = server.url();
    kc = new RealmFixture(url, server.adminUser(), server.adminPassword(),
        "it-" + UUID.randomUUID().toString().substring(0, 8));
    for (String r : List.of("billing", "logs", "purchase", "manage-roles")) kc.role(r, "Grants " + r);
    for (String u : List.of("alice", "bob", "carol", "dan")) users.put(u, kc.user(u, u + "@acme.example", true));
    users.put("erin", kc.user("erin", "erin@acme.example", false));
    users.put("nomail", kc.user("nomail", null, true));
    String parent = kc.group(null, "roleform", null, Map.of());
    groups.put("Unmanaged", kc.group(null, "Unmanaged", null, Map.of()));
    groups.put("Admin", kc.group(parent, "Admin", "Full access", Map.of("roleform.position", "0")));
    groups.put("Billing", kc.group(parent, "Billing", "Bills", Map.of("roleform.position", "2", "team", "finance")));
    groups.put("Support", kc.group(parent, "Support", "Helpdesk", Map.of("roleform.position", "1")));
    kc.mapRealmRoles(groups.get("Admin"), "billing", "logs", "purchase", "manage-roles");
    kc.mapRealmRoles(groups.get("Support"), "logs", "offline_access");
    kc.mapRealmRoles(groups.get("Billing"), "billing", "purchase");
    kc.join(users.get("alice"), groups.get("Admin"));
    kc.join(users.get("bob"), groups.get("Admin"));
    kc.join(users.get("carol"), groups.get("Support"));
    kc.join(users.get("nomail"), groups.get("Support"));
    kc.join(users.get("dan"), groups.get("Billing"));
    kc.join(users.get("dan"), groups.get("Unmanaged"));
    serviceAccountUser = kc.serviceAccount("roleform", SECRET, RealmFixture.SERVICE_ACCOUNT_ROLES);
    client = KeycloakPortalClient.create(KeycloakConfig.parse(
        "keycloak:" + url + "?realm=" + kc.realm + "&parentGroup=roleform&concurrency=3",
        Map.of(Credentials.ENV_CLIENT_ID, "roleform", Credentials.ENV_CLIENT_SECRET, SECRET)).withVerboseLog(log::add));
  }

  @AfterEach
  void drop() {
    if (client != null) client.close();
    if (kc != null) kc.close();
  }

  @Test
  void readMapsTheManagedGroupsToRoles() {
    LiveState live = client.read();

    assertThat(live.portal().profile()).isEqualTo("keycloak");
    assertThat(live.portal().stateVersion()).isZero();
    assertThat(live.portal().adminRoleId()).isEqualTo(groups.get("Admin"));
    assertThat(live.portal().roleManagementPermission()).isEqualTo("manage-roles");
    assertThat(live.portal().viewerUserId()).isEqualTo(serviceAccountUser);
    assertThat(live.portal().settings().owner()).isNull();
    assertThat(live.portal().settings().allowView()).isNull();
    assertThat(live.permissions()).extracting(Permission::id).containsExactly("billing", "logs", "manage-roles", "purchase");
    assertThat(live.permissions()).allSatisfy(p -> assertThat(p.caseActions()).isEmpty());
    assertThat(live.roles()).extracting(LiveRole::name).containsExactly("Admin", "Support", "Billing");
    assertThat(live.roles()).extracting(LiveRole::position).containsExactly(0, 1, 2);
    LiveRole support = live.roles().get(1);
    assertThat(support.description()).isEqualTo("Helpdesk");
    assertThat(support.permissions()).containsExactly("logs");  // offline_access is not a permission
    assertThat(support.caseActions()).isEmpty();
    assertThat(support.memberCount()).isEqualTo(1);
    assertThat(live.roles().get(0).builtIn()).isTrue();
    assertThat(live.members()).containsOnlyKeys(groups.get("Admin"), groups.get("Support"), groups.get("Billing"));
    assertThat(live.members().get(groups.get("Admin"))).containsExactlyInAnyOrder(users.get("alice"), users.get("bob"));
    assertThat(live.members().get(groups.get("Support"))).containsExactly(users.get("carol"));
    assertThat(live.users()).extracting(LiveUser::email).containsExactlyInAnyOrder(
        "alice@acme.example", "bob@acme.example", "carol@acme.example", "dan@acme.example", "erin@acme.example");
    assertThat(live.users()).filteredOn(u -> u.email().startsWith("erin")).extracting(LiveUser::status)
        .containsExactly(UserStatus.DISABLED);
    assertThat(log).anyMatch(l -> l.contains("without an email"));
    // 1 token + parent (its departments included) + catalog + groups + users + 3 member lists
    assertThat(client.requestCount()).isEqualTo(8);
    assertThat(log).noneMatch(l -> l.contains(SECRET));
  }

  @Test
  void createRoleAddsOneGroupWithItsPermissionsLast() {
    LiveState before = client.read();
    String id = client.createRole(new NewRole("Auditors", "Read the logs", List.of("logs", "billing"), null, null));
    LiveState after = client.read();

    assertThat(after.roles()).hasSize(4);
    LiveRole created = after.roles().get(3);
    assertThat(created.id()).isEqualTo(id);
    assertThat(created.name()).isEqualTo("Auditors");
    assertThat(created.description()).isEqualTo("Read the logs");
    assertThat(created.permissions()).containsExactly("billing", "logs");
    assertThat(after.members().get(id)).isEmpty();
    assertThat(after.roles().subList(0, 3)).isEqualTo(before.roles());
    assertThat(kc.get(kc.base() + "/groups/" + id).get("path").asText()).isEqualTo("/roleform/Auditors");
  }

  @Test
  void listsLongerThanAPageAreReadWholeFollowingOnlyFullPages() {
    LiveState oneRequestEach = client.read();
    List<String> smallLog = java.util.Collections.synchronizedList(new ArrayList<>());
    try (KeycloakPortalClient small = KeycloakPortalClient.create(KeycloakConfig.parse(
        "keycloak:" + server.url() + "?realm=" + kc.realm + "&parentGroup=roleform",
        Map.of(Credentials.ENV_CLIENT_ID, "roleform", Credentials.ENV_CLIENT_SECRET, SECRET)).withVerboseLog(smallLog::add), 2)) {
      assertThat(small.read()).isEqualTo(oneRequestEach);
    }
    // 7 users (5 with an email, nomail, the service account): pages of 2 at 0, 2, 4 and the short one at 6
    assertThat(smallLog).filteredOn(l -> l.startsWith("GET /admin/realms/" + kc.realm + "/users?"))
        .extracting(l -> l.replaceAll(".*[?&](first=\\d+&max=\\d+).*", "$1"))
        .containsExactly("first=0&max=2", "first=2&max=2", "first=4&max=2", "first=6&max=2");
    // Admin's 2 members fill a page: one more, empty, page; Support's 2 (carol, nomail) too; Billing's 1 does not
    assertThat(smallLog).filteredOn(l -> l.contains("/members?")).hasSize(5);
    // with the default page every list was one request
    assertThat(log).filteredOn(l -> l.startsWith("GET ") && l.contains("max=")).allMatch(l -> l.contains("first=0&max=100000"));
  }

  @Test
  void updateRoleRenamesAndChangesOnlyTheDiffOfPermissions() {
    LiveState before = client.read();
    LiveRole billing = before.roles().get(2);
    client.updateRole(billing.id(), new RolePatch("Finance", null, List.of("purchase", "logs"), null), billing.version());
    LiveState after = client.read();

    LiveRole finance = after.roles().get(2);
    assertThat(finance.name()).isEqualTo("Finance");
    assertThat(finance.description()).isEqualTo("Bills");
    assertThat(finance.permissions()).containsExactly("logs", "purchase");
    assertThat(finance.version()).isNotEqualTo(billing.version());
    assertThat(after.roles().subList(0, 2)).isEqualTo(before.roles().subList(0, 2));
    assertThat(after.members()).isEqualTo(before.members());
    // attributes roleform does not own survive the update
    assertThat(kc.get(kc.base() + "/groups/" + billing.id()).get("attributes").get("team").get(0).asText()).isEqualTo("finance");
  }

  @Test
  void changeMembersAddsAndRemovesExactlyTheGivenUsers() {
    LiveState before = client.read();
    String support = groups.get("Support");
    client.changeMembers(support, Set.of(users.get("dan"), users.get("erin")), Set.of(users.get("carol")));
    LiveState after = client.read();

    assertThat(after.members().get(support)).containsExactlyInAnyOrder(users.get("dan"), users.get("erin"));
    assertThat(after.members().get(groups.get("Admin"))).isEqualTo(before.members().get(groups.get("Admin")));
    assertThat(after.members().get(groups.get("Billing"))).isEqualTo(before.members().get(groups.get("Billing")));
    // the member without email stays in the group: roleform cannot see or remove it
    assertThat(kc.get(kc.base() + "/groups/" + support + "/members")).hasSize(3);
  }

  @Test
  void deleteRoleMovesItsMembersFirst() {
    client.read();
    client.deleteRole(groups.get("Billing"), groups.get("Support"));
    LiveState after = client.read();

    assertThat(after.roles()).extracting(LiveRole::name).containsExactly("Admin", "Support");
    assertThat(after.members().get(groups.get("Support"))).containsExactlyInAnyOrder(users.get("carol"), users.get("dan"));
    assertThat(kc.get(kc.base() + "/users/" + users.get("dan") + "/groups")).extracting(g -> g.get("name").asText())
        .containsExactlyInAnyOrder("Support", "Unmanaged");
  }

  @Test
  void reorderWritesOnlyTheGroupsWhosePositionChanges() {
    client.read();
    log.clear();
    client.reorderRoles(List.of(groups.get("Admin"), groups.get("Billing"), groups.get("Support")));
    LiveState after = client.read();

    assertThat(after.roles()).extracting(LiveRole::name).containsExactly("Admin", "Billing", "Support");
    assertThat(log.stream().filter(l -> l.startsWith("PUT"))).hasSize(2);
    assertThat(kc.get(kc.base() + "/groups/" + groups.get("Billing")).get("attributes").get("team").get(0).asText())
        .isEqualTo("finance");
  }

  @Test
  void aChangeMadeInKeycloakBetweenReadsChangesTheRoleVersionAndStopsAGuardedUpdate() {
    LiveState first = client.read();
    kc.mapRealmRoles(groups.get("Support"), "billing");
    LiveState second = client.read();
    assertThat(second.roles().get(1).version()).isNotEqualTo(first.roles().get(1).version());
    assertThat(second.roles().get(0).version()).isEqualTo(first.roles().get(0).version());

    kc.renameGroup(groups.get("Billing"), "Money");
    assertThatThrownBy(() -> client.updateRole(groups.get("Billing"), new RolePatch(null, "x", null, null),
        first.roles().get(2).version()))
        .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.kind()).isEqualTo(PortalException.Kind.PRECONDITION_FAILED));
    assertThat(kc.get(kc.base() + "/groups/" + groups.get("Billing")).get("description").asText()).isEqualTo("Bills");
  }

  @Test
  void whatKeycloakLacksIsNotDeclared() {
    assertThat(client.read().portal().capabilities())
        .isEqualTo(KeycloakPortalClient.CAPABILITIES.with(io.roleform.portal.Capabilities.Feature.DEPARTMENTS));
    assertThat(client.settingsWrites()).isEmpty();
    assertThat(client.ownerWrites()).isEmpty();
    assertThat(client.applierWrites()).isEmpty();
  }

  @Test
  void aClientsRolesCanBeTheCatalogLeavingRealmRoleMappingsAlone() {
    String portal = kc.clientWithRoles("portal", "read", "write");
    kc.mapClientRoles(groups.get("Support"), portal, "write");
    List<String> roles = new ArrayList<>(RealmFixture.SERVICE_ACCOUNT_ROLES);
    roles.add(RealmFixture.CLIENT_CATALOG_ROLE);
    kc.serviceAccount("roleform-client", SECRET, roles);
    try (KeycloakPortalClient c = KeycloakPortalClient.create(KeycloakConfig.parse("keycloak:" + kc.url
        + "?realm=" + kc.realm + "&parentGroup=roleform&client=portal",
        Map.of(Credentials.ENV_CLIENT_ID, "roleform-client", Credentials.ENV_CLIENT_SECRET, SECRET)))) {
      LiveState before = c.read();
      assertThat(before.permissions()).extracting(Permission::id).containsExactly("read", "write");
      assertThat(before.roles().get(1).permissions()).containsExactly("write");
      assertThat(before.roles().get(0).permissions()).isEmpty();

      c.updateRole(groups.get("Support"), new RolePatch(null, null, List.of("read"), null), before.roles().get(1).version());
      assertThat(c.read().roles().get(1).permissions()).containsExactly("read");
      assertThat(kc.get(kc.base() + "/groups/" + groups.get("Support")).get("realmRoles"))
          .extracting(n -> n.asText()).containsExactlyInAnyOrder("logs", "offline_access");
    }
  }

  @Test
  void anAdminUserCanManageTheTopLevelGroups() {
    try (KeycloakPortalClient c = KeycloakPortalClient.create(KeycloakConfig.parse("keycloak:" + kc.url
        + "?realm=" + kc.realm + "&adminGroup=roleform",
        Map.of(Credentials.ENV_USER, server.adminUser(), Credentials.ENV_PASSWORD, server.adminPassword())))) {
      LiveState live = c.read();
      assertThat(live.roles()).extracting(LiveRole::name).containsExactly("roleform", "Unmanaged");
      assertThat(live.members().get(groups.get("Unmanaged"))).containsExactly(users.get("dan"));
      // a master-realm admin is no user of the managed realm (admin-cli tokens carry no "sub" at all)
      assertThat(users.values()).doesNotContain(live.portal().viewerUserId());
    }
  }

  @Test
  void creatingANameThatExistsIsAConflictNotADuplicate() {
    client.read();
    assertThatThrownBy(() -> client.createRole(new NewRole("Support", "", List.of(), null, null)))
        .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.kind()).isEqualTo(PortalException.Kind.CONFLICT));
    assertThat(client.read().roles()).extracting(LiveRole::name).containsExactly("Admin", "Support", "Billing");
  }
}
