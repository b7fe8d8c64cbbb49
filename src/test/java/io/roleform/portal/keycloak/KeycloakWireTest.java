package io.roleform.portal.keycloak;

import io.roleform.portal.Capabilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roleform.portal.LiveState;
import io.roleform.portal.NewRole;
import io.roleform.portal.PortalException;
import io.roleform.portal.PortalException.Kind;
import io.roleform.portal.RolePatch;
import io.roleform.portal.UserStatus;
import io.roleform.portal.transport.RetryPolicy;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What KeycloakPortalClient sends and how it reads answers, against MockWebServer. */
class KeycloakWireTest {

  private static final String SECRET = "the-client-secret";

  private final MockWebServer server = new MockWebServer();
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final Routes routes = new Routes();
  private KeycloakPortalClient client;
  private KeycloakConfig config;
  private final Clock clock = new Clock() {
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now.get(); }
  };

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(routes);
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    config = new KeycloakConfig(server.url("/").uri(), "acme", "roleform", "Admin", null,
        new Credentials.ClientCredentials("roleform", SECRET), Duration.ofSeconds(5), 2, log::add);
    client = KeycloakPortalClient.create(config, clock, new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ZERO), d -> {});
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void aTokenIsReusedUntil30SecondsBeforeItExpiresThenRenewed() throws Exception {
    // A group this client has not read is read before an update: three updates, three GETs.
    for (String g : List.of("g1", "g2", "g3")) {
      routes.on("GET /admin/realms/acme/groups/" + g, r -> json(200, group(g, "Billing", "0", "billing")));
    }
    client.updateRole("g1", new RolePatch(null, null, null, null), null);
    client.updateRole("g2", new RolePatch(null, null, null, null), null);
    now.set(now.get().plusSeconds(300 - 30));
    client.updateRole("g3", new RolePatch(null, null, null, null), null);

    assertThat(routes.seen("POST /realms/acme/protocol/openid-connect/token")).hasSize(2);
    RecordedRequest tokenCall = routes.seen("POST /realms/acme/protocol/openid-connect/token").get(0);
    assertThat(tokenCall.getBody().utf8()).contains("grant_type=client_credentials", "client_id=roleform");
    assertThat(List.of("g1", "g2", "g3")).extracting(g -> routes.seen("GET /admin/realms/acme/groups/" + g).get(0)
        .getHeaders().get("Authorization")).containsExactly("Bearer " + jwt(1), "Bearer " + jwt(1), "Bearer " + jwt(2));
  }

  @Test
  void a401RenewsTheTokenOnceAndRepeatsTheCall() {
    List<Integer> answers = new ArrayList<>(List.of(401, 200));
    routes.on("GET /admin/realms/acme/groups/g1", r -> answers.remove(0) == 401 ? json(401, "{\"error\":\"HTTP 401 Unauthorized\"}")
        : json(200, group("g1", "Billing", "0")));
    client.updateRole("g1", new RolePatch(null, null, null, null), null);
    assertThat(routes.seen("POST /realms/acme/protocol/openid-connect/token")).hasSize(2);

    routes.on("GET /admin/realms/acme/groups/g2", r -> json(401, "{\"error\":\"HTTP 401 Unauthorized\"}"));
    assertThatThrownBy(() -> client.updateRole("g2", new RolePatch(null, null, null, null), null))
        .isInstanceOfSatisfying(PortalException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
          assertThat(e.getMessage()).doesNotContain(jwt(3)).doesNotContain(SECRET);
        });
  }

  @Test
  void refusedCredentialsAreNamedWithoutTheSecret() {
    routes.on("POST /realms/acme/protocol/openid-connect/token",
        r -> json(401, "{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid client or Invalid client credentials\"}"));
    assertThatThrownBy(client::read).isInstanceOfSatisfying(PortalException.class, e -> {
      assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
      assertThat(e.getMessage()).contains("ROLEFORM_KEYCLOAK_CLIENT_ID", "Invalid client credentials").doesNotContain(SECRET);
    });
  }

  @Test
  void everyListIsOneRequestOfUpTo100000ItemsAndTheReadIsTheFewestRequests() {
    standardRealm();
    LiveState live = client.read();

    for (String list : List.of("users", "roles", "groups/parent/children", "groups/g-admin/members")) {
      assertThat(routes.seen("GET /admin/realms/acme/" + list)).extracting(r -> r.getUrl().queryParameter("first") + "/"
          + r.getUrl().queryParameter("max")).containsExactly("0/100000");
    }
    // token, parent, catalog, groups, users, 3 member lists: no second read of the parent group
    assertThat(client.requestCount()).isEqualTo(8);
    assertThat(routes.seen("GET /admin/realms/acme/groups/parent")).isEmpty();
    assertThat(live.users()).hasSize(1);
  }

  @Test
  void readPagesThroughUsersAndMembersAndMapsTheRealm() {
    client.close();
    client = KeycloakPortalClient.create(config, clock, new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ZERO),
        d -> {}, 1000);
    standardRealm();
    List<String> page1 = new ArrayList<>();
    for (int i = 0; i < 1000; i++) page1.add(user("u" + i, "u" + i + "@acme.example", true));
    routes.on("GET /admin/realms/acme/users", r -> "0".equals(r.getUrl().queryParameter("first"))
        ? json(200, "[" + String.join(",", page1) + "]")
        : json(200, "[" + user("x1", "x1@acme.example", false) + "," + user("x2", null, true) + "]"));

    LiveState live = client.read();

    assertThat(routes.seen("GET /admin/realms/acme/users")).extracting(r -> r.getUrl().queryParameter("first") + "/"
        + r.getUrl().queryParameter("max")).containsExactly("0/1000", "1000/1000");
    assertThat(live.users()).hasSize(1001);
    assertThat(live.users().get(1000).status()).isEqualTo(UserStatus.DISABLED);
    assertThat(live.roles()).extracting(r -> r.name() + "@" + r.position() + r.permissions())
        .containsExactly("Admin@0[billing, logs]", "Support@1[logs]", "Billing@2[billing]");
    assertThat(live.members().get("g-admin")).containsExactly("u1");
    assertThat(live.members().get("g-billing")).isEmpty();  // x2 has no email: left out
    assertThat(live.permissions()).extracting(p -> p.id()).containsExactly("billing", "logs");
    assertThat(live.portal().viewerUserId()).isEqualTo("sa-user");
    assertThat(live.portal().adminRoleId()).isEqualTo("g-admin");
    assertThat(routes.seen("GET /admin/realms/acme/groups/parent/children").get(0).getUrl().queryParameter("briefRepresentation"))
        .isEqualTo("false");
    assertThat(log).anyMatch(l -> l.contains("1 Keycloak user(s) without an email"));
  }

  @Test
  void usersAreReadBriefUnlessTheParentGroupListsDepartments() {
    standardRealm();
    client.read();
    assertThat(routes.seen("GET /admin/realms/acme/users")).extracting(r -> r.getUrl().queryParameter("briefRepresentation"))
        .containsExactly("true");

    routes.on("GET /admin/realms/acme/group-by-path/roleform", r -> json(200,
        "{\"id\":\"parent\",\"name\":\"roleform\",\"attributes\":{\"roleform.departments\":[\"Sales\"]}}"));
    routes.on("GET /admin/realms/acme/users", r -> json(200, "[{\"id\":\"u1\",\"username\":\"u1\","
        + "\"email\":\"alice@acme.example\",\"enabled\":true,\"attributes\":{\"roleform.departments\":[\"Sales\"]}}]"));
    LiveState live = client.read();
    assertThat(routes.seen("GET /admin/realms/acme/users")).extracting(r -> r.getUrl().queryParameter("briefRepresentation"))
        .containsExactly("true", "false");
    assertThat(live.users().get(0).departments()).containsExactly("Sales");
  }

  @Test
  void anUpdateSettingNameAndDescriptionOrOnlyPermissionsIsWrittenFromTheReadWithoutReadingTheGroupAgain() {
    standardRealm();
    LiveState live = client.read();
    long before = client.requestCount();

    client.updateRole("g-billing", new RolePatch("Money", "Pays", List.of("logs"), null), live.roles().get(2).version());
    client.updateRole("g-support", new RolePatch(null, null, List.of("billing", "logs"), null), live.roles().get(1).version());

    assertThat(routes.seen("GET /admin/realms/acme/groups/g-billing")).isEmpty();
    assertThat(routes.seen("GET /admin/realms/acme/groups/g-support")).isEmpty();
    assertThat(routes.seen("PUT /admin/realms/acme/groups/g-billing")).singleElement()
        .satisfies(r -> assertThat(r.getBody().utf8()).isEqualTo("{\"name\":\"Money\",\"description\":\"Pays\"}"));
    assertThat(routes.seen("POST /admin/realms/acme/groups/g-billing/role-mappings/realm")).singleElement()
        .satisfies(r -> assertThat(r.getBody().utf8()).contains("\"logs\"").doesNotContain("\"billing\""));
    assertThat(routes.seen("DELETE /admin/realms/acme/groups/g-billing/role-mappings/realm")).singleElement()
        .satisfies(r -> assertThat(r.getBody().utf8()).contains("\"billing\"").doesNotContain("\"logs\""));
    assertThat(routes.seen("POST /admin/realms/acme/groups/g-support/role-mappings/realm")).singleElement()
        .satisfies(r -> assertThat(r.getBody().utf8()).contains("\"billing\""));
    assertThat(routes.seen("PUT /admin/realms/acme/groups/g-support")).isEmpty();
    // exactly the writes: 1 PUT + 1 POST + 1 DELETE, then 1 POST
    assertThat(client.requestCount() - before).isEqualTo(4);
  }

  @Test
  void anUpdateWhosePutMustCarryAFieldThePatchDoesNotSetReadsTheGroupFirstAndRefusesAChangedOne() {
    standardRealm();
    LiveState live = client.read();
    // Someone renames Billing after the read; a new description alone must send the name too.
    routes.on("GET /admin/realms/acme/groups/g-billing", r -> json(200, group("g-billing", "Finance", "2", "billing")));

    assertThatThrownBy(() -> client.updateRole("g-billing", new RolePatch(null, "New words", null, null),
        live.roles().get(2).version()))
        .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PRECONDITION_FAILED));
    assertThat(routes.seen("GET /admin/realms/acme/groups/g-billing")).hasSize(1);
    assertThat(routes.seen("PUT /admin/realms/acme/groups/g-billing")).isEmpty();

    // Unchanged since the read: the PUT carries the name as Keycloak has it.
    routes.on("GET /admin/realms/acme/groups/g-support", r -> json(200, group("g-support", "Support", "1", "logs")));
    client.updateRole("g-support", new RolePatch("Helpdesk", null, null, null), live.roles().get(1).version());
    assertThat(routes.seen("GET /admin/realms/acme/groups/g-support")).hasSize(1);
    assertThat(routes.seen("PUT /admin/realms/acme/groups/g-support")).singleElement()
        .satisfies(r -> assertThat(r.getBody().utf8()).isEqualTo("{\"name\":\"Helpdesk\",\"description\":\"\"}"));
  }

  @Test
  void transientAnswersAreRetriedThenReportedAsUnavailable() {
    standardRealm();
    List<Integer> answers = new ArrayList<>(List.of(503, 429));
    routes.on("PUT /admin/realms/acme/users/u1/groups/g-support",
        r -> answers.isEmpty() ? new MockResponse.Builder().code(204).build() : json(answers.remove(0), "{}"));
    client.changeMembers("g-support", Set.of("u1"), Set.of());
    assertThat(routes.seen("PUT /admin/realms/acme/users/u1/groups/g-support")).hasSize(3);

    routes.on("DELETE /admin/realms/acme/users/u1/groups/g-support", r -> json(503, "<html>busy</html>"));
    assertThatThrownBy(() -> client.changeMembers("g-support", Set.of(), Set.of("u1")))
        .isInstanceOfSatisfying(PortalException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
          assertThat(e.getMessage()).contains("HTTP 503", "3 attempts").doesNotContain("<html>");
        });
  }

  @Test
  void errorsMapToKindsWithKeycloaksOwnWords() {
    routes.on("GET /admin/realms/acme/groups/g1", r -> json(403, "{\"error\":\"unknown_error\"}"));
    assertThatThrownBy(() -> client.updateRole("g1", new RolePatch("X", null, null, null), null))
        .isInstanceOfSatisfying(PortalException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN);
          assertThat(e.status()).isEqualTo(403);
          assertThat(e.getMessage()).contains("manage-users", "view-realm").doesNotContain("\n");
        });
    routes.on("GET /admin/realms/acme/groups/g1", r -> json(200, group("g1", "Billing", "2")));
    routes.on("PUT /admin/realms/acme/groups/g1", r -> json(409, "{\"errorMessage\":\"Sibling group named 'Support' already exists.\"}"));
    assertThatThrownBy(() -> client.updateRole("g1", new RolePatch("Support", null, null, null), null))
        .isInstanceOfSatisfying(PortalException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
          assertThat(e.getMessage()).contains("Sibling group named 'Support' already exists.");
        });
    routes.on("GET /admin/realms/acme/groups/g1", r -> json(200, "not json"));
    assertThatThrownBy(() -> client.updateRole("g1", new RolePatch(null, null, null, null), null))
        .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PROTOCOL));
    assertThat(log).noneMatch(l -> l.contains(jwt(1)) || l.contains(SECRET));
  }

  @Test
  void aCreateRetriedAfterALostAnswerFindsTheGroupItMadeInsteadOfFailing() {
    standardRealm();
    client.read();
    List<Integer> answers = new ArrayList<>(List.of(503, 409));
    routes.on("POST /admin/realms/acme/groups/parent/children", r -> json(answers.remove(0), "{\"errorMessage\":\"Sibling group named 'Ops' already exists.\"}"));
    routes.on("GET /admin/realms/acme/groups/parent/children", r -> json(200, "[{\"id\":\"g-ops\",\"name\":\"Ops\"}]"));

    String id = client.createRole(new NewRole("Ops", "Operations", List.of("logs"), null, null));

    assertThat(id).isEqualTo("g-ops");
    RecordedRequest post = routes.seen("POST /admin/realms/acme/groups/parent/children").get(0);
    assertThat(post.getBody().utf8()).contains("\"name\":\"Ops\"", "\"description\":\"Operations\"", "\"roleform.position\":[\"3\"]");
    RecordedRequest mapping = routes.seen("POST /admin/realms/acme/groups/g-ops/role-mappings/realm").get(0);
    assertThat(mapping.getBody().utf8()).isEqualTo("[{\"id\":\"r-logs\",\"name\":\"logs\"}]");
  }

  @Test
  void aFirstTimeConflictOnCreateIsReported() {
    standardRealm();
    client.read();
    routes.on("POST /admin/realms/acme/groups/parent/children", r -> json(409, "{}"));
    assertThatThrownBy(() -> client.createRole(new NewRole("Support", "", List.of(), null, null)))
        .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONFLICT));
  }

  @Test
  void whatKeycloakLacksIsNeitherDeclaredNorOffered() {
    assertThat(KeycloakPortalClient.CAPABILITIES.settings()).isEmpty();
    assertThat(KeycloakPortalClient.CAPABILITIES.features()).containsExactly(Capabilities.Feature.USERS);
    assertThat(client.applierWrites()).isEmpty();
    assertThat(client.ownerWrites()).isEmpty();
    assertThat(client.settingsWrites()).isEmpty();
    assertThat(client.requestCount()).isZero();
  }

  // --- a tiny Keycloak: routes by "METHOD /path", records every request ---

  private void standardRealm() {
    routes.on("GET /admin/realms/acme/group-by-path/roleform", r -> json(200, "{\"id\":\"parent\",\"name\":\"roleform\"}"));
    routes.on("GET /admin/realms/acme/roles", r -> json(200, "[" + role("r-billing", "billing") + "," + role("r-logs", "logs")
        + "," + role("r-off", "offline_access") + "," + role("r-def", "default-roles-acme") + "]"));
    routes.on("GET /admin/realms/acme/groups/parent/children", r -> json(200, "[" + group("g-billing", "Billing", "2", "billing")
        + "," + group("g-admin", "Admin", null, "billing", "logs", "offline_access") + "," + group("g-support", "Support", "1", "logs") + "]"));
    routes.on("GET /admin/realms/acme/users", r -> json(200, "[" + user("u1", "alice@acme.example", true) + "]"));
    routes.on("GET /admin/realms/acme/groups/g-admin/members", r -> json(200, "[{\"id\":\"u1\"}]"));
    routes.on("GET /admin/realms/acme/groups/g-support/members", r -> json(200, "[]"));
    routes.on("GET /admin/realms/acme/groups/g-billing/members", r -> json(200, "[{\"id\":\"x2\"}]"));
  }

  private static String group(String id, String name, String position, String... realmRoles) {
    String attrs = position == null ? "{}" : "{\"roleform.position\":[\"" + position + "\"]}";
    return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"description\":\"\",\"attributes\":" + attrs
        + ",\"realmRoles\":[" + String.join(",", java.util.Arrays.stream(realmRoles).map(r -> "\"" + r + "\"").toList()) + "]}";
  }

  private static String role(String id, String name) {
    return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}";
  }

  private static String user(String id, String email, boolean enabled) {
    return "{\"id\":\"" + id + "\",\"username\":\"" + id + "\"" + (email == null ? "" : ",\"email\":\"" + email + "\"")
        + ",\"enabled\":" + enabled + "}";
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  /** The n-th token the fake issues: a JWT whose subject is the service account. */
  static String jwt(int n) {
    Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
    return b.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b.encodeToString(("{\"sub\":\"sa-user\",\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8)) + ".sig";
  }

  private static final class Routes extends Dispatcher {
    private final Map<String, Function<RecordedRequest, MockResponse>> handlers = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private int tokens;

    void on(String route, Function<RecordedRequest, MockResponse> handler) {
      handlers.put(route, handler);
    }

    List<RecordedRequest> seen(String route) {
      return requests.stream().filter(r -> route.equals(r.getMethod() + " " + r.getUrl().encodedPath())).toList();
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
      requests.add(request);
      String route = request.getMethod() + " " + request.getUrl().encodedPath();
      Function<RecordedRequest, MockResponse> h = handlers.get(route);
      if (h != null) return h.apply(request);
      if (route.equals("POST /realms/acme/protocol/openid-connect/token")) {
        return json(200, "{\"access_token\":\"" + jwt(++tokens) + "\",\"expires_in\":300,\"token_type\":\"Bearer\"}");
      }
      return new MockResponse.Builder().code(204).build();
    }
  }
}
