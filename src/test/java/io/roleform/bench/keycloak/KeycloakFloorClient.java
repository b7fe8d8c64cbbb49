package io.roleform.bench.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The floor: the fewest Keycloak Admin API calls that read the managed state and make a given
 * change, sent by a plain {@link HttpClient} (no roleform code). Reads use one request per listing
 * (max=100000, so no paging) and one member list per group, 8 groups at a time; writes are one
 * request per membership, rename or role-mapping change, 4 at a time (roleform's defaults).
 */
final class KeycloakFloorClient {

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
  private final String url;
  private final String realm;
  private final String clientId;
  private final String secret;
  final AtomicLong requests = new AtomicLong();
  /** Nanoseconds spent in write requests, summed over the threads (time in flight). */
  final AtomicLong writeBusyNanos = new AtomicLong();
  private String token;

  /** What the floor read: ids by name and the live membership. */
  record State(Map<String, String> groupIds, Map<String, String> userIds, Map<String, JsonNode> roles,
      Map<String, JsonNode> groups, Map<String, List<String>> memberIds) {}

  /**
   * The floor as its own fresh JVM (measured like roleform: start-up included): token plus every
   * read, then one line {@code readMs=.. requests=..} (the token request included).
   *
   * <p>Usage: {@code java -cp target/test-classes:target/roleform.jar
   * io.roleform.bench.keycloak.KeycloakFloorClient URL REALM CLIENT_ID SECRET}
   */
  public static void main(String[] args) {
    long t0 = System.nanoTime();
    KeycloakFloorClient floor = new KeycloakFloorClient(args[0], args[1], args[2], args[3]);
    floor.read();
    System.out.printf("readMs=%.1f requests=%d%n", (System.nanoTime() - t0) / 1e6, floor.requests.get());
  }

  KeycloakFloorClient(String url, String realm, String clientId, String secret) {
    this.url = url;
    this.realm = realm;
    this.clientId = clientId;
    this.secret = secret;
  }

  State read() {
    token = token();
    String parent = get("/group-by-path/roleform").get("id").asText();
    Map<String, JsonNode> roles = new HashMap<>();
    get("/roles?max=100000").forEach(r -> roles.put(r.get("name").asText(), r));
    Map<String, String> groupIds = new HashMap<>();
    Map<String, JsonNode> groups = new HashMap<>();
    get("/groups/" + parent + "/children?briefRepresentation=false&max=100000").forEach(g -> {
      groupIds.put(g.get("name").asText(), g.get("id").asText());
      groups.put(g.get("id").asText(), g);
    });
    Map<String, String> userIds = new HashMap<>();
    get("/users?briefRepresentation=true&max=100000").forEach(u -> {
      if (u.hasNonNull("email")) userIds.put(u.get("email").asText(), u.get("id").asText());
    });
    List<String> ids = List.copyOf(groups.keySet());
    List<List<String>> members = parallel(ids, 8, id -> {
      List<String> m = new ArrayList<>();
      get("/groups/" + id + "/members?briefRepresentation=true&max=100000").forEach(u -> m.add(u.get("id").asText()));
      return m;
    });
    Map<String, List<String>> memberIds = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) memberIds.put(ids.get(i), members.get(i));
    return new State(groupIds, userIds, roles, groups, memberIds);
  }

  /** Makes {@code live} (as read) into {@code desired} with the fewest writes. Returns the write count. */
  long write(State live, List<BenchRealm.Group> desired) {
    List<String[]> calls = new ArrayList<>();  // {method, path, body}
    for (BenchRealm.Group g : desired) {
      String id = live.groupIds().get(g.name());
      if (id == null) id = live.groupIds().get(g.formerName());
      JsonNode current = live.groups().get(id);
      if (!current.get("name").asText().equals(g.name()) || !current.path("description").asText().equals(g.description())) {
        calls.add(new String[] {"PUT", "/groups/" + id, json.createObjectNode().put("name", g.name())
            .put("description", g.description()).toString()});
      }
      List<String> have = new ArrayList<>();
      current.path("realmRoles").forEach(r -> have.add(r.asText()));
      ArrayNode add = json.createArrayNode();
      ArrayNode remove = json.createArrayNode();
      for (String r : g.roles()) if (!have.contains(r)) add.add(roleRef(live, r));
      for (String r : have) if (!g.roles().contains(r) && live.roles().containsKey(r)) remove.add(roleRef(live, r));
      if (!add.isEmpty()) calls.add(new String[] {"POST", "/groups/" + id + "/role-mappings/realm", add.toString()});
      if (!remove.isEmpty()) calls.add(new String[] {"DELETE", "/groups/" + id + "/role-mappings/realm", remove.toString()});
      List<String> members = live.memberIds().get(id);
      List<String> wanted = g.members().stream().map(live.userIds()::get).toList();
      for (String u : wanted) if (!members.contains(u)) calls.add(new String[] {"PUT", "/users/" + u + "/groups/" + id, null});
      for (String u : members) if (!wanted.contains(u)) calls.add(new String[] {"DELETE", "/users/" + u + "/groups/" + id, null});
    }
    parallel(calls, 4, c -> {
      long s = System.nanoTime();
      String answer = send(c[0], c[1], c[2]);
      writeBusyNanos.addAndGet(System.nanoTime() - s);
      return answer;
    });
    return calls.size();
  }

  private JsonNode roleRef(State live, String name) {
    JsonNode r = live.roles().get(name);
    return json.createObjectNode().put("id", r.get("id").asText()).put("name", name);
  }

  private String token() {
    String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret);
    HttpRequest r = HttpRequest.newBuilder(URI.create(url + "/realms/" + realm + "/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
    return parse(call(r)).get("access_token").asText();
  }

  private JsonNode get(String path) {
    return parse(send("GET", path, null));
  }

  private String send(String method, String path, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + "/admin/realms/" + realm + path))
        .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(5));
    if (body != null) b.header("Content-Type", "application/json");
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return call(b.build());
  }

  private String call(HttpRequest r) {
    requests.incrementAndGet();
    try {
      HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
      if (resp.statusCode() / 100 != 2) throw new IllegalStateException(r.method() + " " + r.uri() + " -> " + resp.statusCode());
      return resp.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonNode parse(String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static <T, R> List<R> parallel(List<T> items, int threads, Function<T, R> f) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) futures.add(pool.submit(() -> f.apply(item)));
      List<R> out = new ArrayList<>();
      for (Future<R> fu : futures) out.add(fu.get());
      return out;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }
}
