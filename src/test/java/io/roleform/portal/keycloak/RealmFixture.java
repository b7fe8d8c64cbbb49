package io.roleform.portal.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Builds a test realm on a real Keycloak through the Admin API, as the bootstrap admin, with a
 * plain HTTP client (independent of the code under test).
 */
final class RealmFixture implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();
  /**
   * The realm-management roles the service account gets: the minimal set with which every read
   * and write of KeycloakPortalClient succeeds (the IT proves it): manage-users (groups, their
   * members and role mappings, users), view-realm (the realm-role catalog), view-clients (only
   * needed when the catalog is a client's roles).
   */
  static final List<String> SERVICE_ACCOUNT_ROLES = List.of("manage-users", "view-realm");
  static final String CLIENT_CATALOG_ROLE = "view-clients";

  final String url;
  final String realm;
  /** Generous timeouts: creating a realm takes seconds on a loaded CI machine. */
  private final OkHttpClient http = new OkHttpClient.Builder()
      .readTimeout(java.time.Duration.ofSeconds(90)).callTimeout(java.time.Duration.ofSeconds(120)).build();
  private final String adminToken;

  RealmFixture(String url, String adminUser, String adminPassword, String realm) {
    this(url, adminUser, adminPassword, realm, true);
  }

  /** With {@code create} false: a fixture on a realm that already exists (e.g. after a server restart). */
  RealmFixture(String url, String adminUser, String adminPassword, String realm, boolean create) {
    this.url = url;
    this.realm = realm;
    JsonNode t = call(new Request.Builder().url(url + "/realms/master/protocol/openid-connect/token")
        .post(new FormBody.Builder().add("grant_type", "password").add("client_id", "admin-cli")
            .add("username", adminUser).add("password", adminPassword).build()).build(), null);
    this.adminToken = t.get("access_token").asText();
    if (create) post("/admin/realms", obj().put("realm", realm).put("enabled", true)).close();
  }

  ObjectNode obj() {
    return JSON.createObjectNode();
  }

  String role(String name, String description) {
    post(base() + "/roles", obj().put("name", name).put("description", description)).close();
    return get(base() + "/roles/" + name).get("id").asText();
  }

  String user(String username, String email, boolean enabled) {
    ObjectNode u = obj().put("username", username).put("enabled", enabled).put("firstName", username);
    if (email != null) u.put("email", email);
    return idFromLocation(post(base() + "/users", u));
  }

  /** Creates a group (under {@code parentId} if not null) with a description and attributes. */
  String group(String parentId, String name, String description, Map<String, String> attributes) {
    ObjectNode g = obj().put("name", name);
    if (description != null) g.put("description", description);
    ObjectNode attrs = g.putObject("attributes");
    attributes.forEach((k, v) -> attrs.putArray(k).add(v));
    String path = parentId == null ? base() + "/groups" : base() + "/groups/" + parentId + "/children";
    return idFromLocation(post(path, g));
  }

  void mapRealmRoles(String groupId, String... roleNames) {
    ArrayNode body = JSON.createArrayNode();
    for (String r : roleNames) body.add(get(base() + "/roles/" + r));
    send("POST", base() + "/groups/" + groupId + "/role-mappings/realm", body);
  }

  /** Creates a (public) client with the given client roles; returns its internal id. */
  String clientWithRoles(String clientId, String... roleNames) {
    String id = idFromLocation(post(base() + "/clients", obj().put("clientId", clientId).put("publicClient", true)));
    for (String r : roleNames) post(base() + "/clients/" + id + "/roles", obj().put("name", r)).close();
    return id;
  }

  void mapClientRoles(String groupId, String clientUuid, String... roleNames) {
    ArrayNode body = JSON.createArrayNode();
    for (String r : roleNames) body.add(get(base() + "/clients/" + clientUuid + "/roles/" + r));
    send("POST", base() + "/groups/" + groupId + "/role-mappings/clients/" + clientUuid, body);
  }

  void join(String userId, String groupId) {
    send("PUT", base() + "/users/" + userId + "/groups/" + groupId, null);
  }

  /** Creates a confidential client with a service account holding {@code realmManagementRoles}. */
  String serviceAccount(String clientId, String secret, List<String> realmManagementRoles) {
    String id = idFromLocation(post(base() + "/clients", obj().put("clientId", clientId).put("secret", secret)
        .put("publicClient", false).put("serviceAccountsEnabled", true).put("standardFlowEnabled", false)
        .put("directAccessGrantsEnabled", false)));
    String saUser = get(base() + "/clients/" + id + "/service-account-user").get("id").asText();
    String rm = get(base() + "/clients?clientId=realm-management").get(0).get("id").asText();
    ArrayNode roles = JSON.createArrayNode();
    for (String r : realmManagementRoles) roles.add(get(base() + "/clients/" + rm + "/roles/" + r));
    send("POST", base() + "/users/" + saUser + "/role-mappings/clients/" + rm, roles);
    return saUser;
  }

  JsonNode get(String path) {
    return call(new Request.Builder().url(url + path).header("Authorization", "Bearer " + adminToken).build(), null);
  }

  /**
   * Lets administrators write user attributes the realm's user profile does not declare (Keycloak
   * 24+ drops them by default), so that {@code roleform.departments} is kept. See docs/keycloak.md.
   */
  void allowUnmanagedAttributes() {
    com.fasterxml.jackson.databind.node.ObjectNode profile =
        (com.fasterxml.jackson.databind.node.ObjectNode) get(base() + "/users/profile");
    profile.put("unmanagedAttributePolicy", "ADMIN_EDIT");
    send("PUT", base() + "/users/profile", profile);
  }

  void renameGroup(String groupId, String newName) {
    ObjectNode g = (ObjectNode) get(base() + "/groups/" + groupId);
    ObjectNode body = obj().put("name", newName);
    if (g.hasNonNull("description")) body.put("description", g.get("description").asText());
    send("PUT", base() + "/groups/" + groupId, body);
  }

  String base() {
    return "/admin/realms/" + realm;
  }

  private Response post(String path, JsonNode body) {
    return sendRaw("POST", path, body);
  }

  void send(String method, String path, JsonNode body) {
    sendRaw(method, path, body).close();
  }

  private Response sendRaw(String method, String path, JsonNode body) {
    RequestBody rb = body == null ? RequestBody.create(new byte[0], null)
        : RequestBody.create(body.toString(), MediaType.get("application/json"));
    Request r = new Request.Builder().url(url + path).header("Authorization", "Bearer " + adminToken)
        .method(method, rb).build();
    try {
      Response response = http.newCall(r).execute();
      if (!response.isSuccessful()) {
        String text = response.body().string();
        response.close();
        throw new IllegalStateException(method + " " + path + " -> " + response.code() + " " + text);
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String idFromLocation(Response r) {
    try (r) {
      String loc = r.header("Location");
      return loc.substring(loc.lastIndexOf('/') + 1);
    }
  }

  private JsonNode call(Request r, Object unused) {
    try (Response response = http.newCall(r).execute()) {
      String text = response.body().string();
      if (!response.isSuccessful()) throw new IllegalStateException(r.url() + " -> " + response.code() + " " + text);
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      send("DELETE", "/admin/realms/" + realm, null);
    } finally {
      http.connectionPool().evictAll();
    }
  }
}
