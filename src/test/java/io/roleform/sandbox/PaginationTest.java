package io.roleform.sandbox;

import static io.roleform.sandbox.SandboxContractTest.items;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keyset pagination: limits, and scans that stay exact while writes happen between pages. */
class PaginationTest {
  static Sandbox sandbox;
  static ApiClient api;

  @BeforeAll
  static void start() {
    SandboxOptions o = TestSandboxes.options("secure-exchanges", ":memory:");
    sandbox = TestSandboxes.start(new SandboxOptions(0, o.data(), o.profile(), null, null, 42, 0,
        new GenerateSpec(3000, 30, 6000), false, o.log()));
    api = new ApiClient(sandbox.baseUrl(), "demo-write");
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /** Reads a whole list, calling {@code between} after every page. */
  static List<JsonNode> scan(String path, int limit, Runnable between) {
    List<JsonNode> all = new ArrayList<>();
    String cursor = null;
    do {
      String url = path + "?limit=" + limit + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      JsonNode page = api.get(url).json();
      page.get("items").forEach(all::add);
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
      between.run();
    } while (cursor != null);
    return all;
  }

  @Test
  void limit_defaults_to_100_and_is_capped_at_1000() {
    assertThat(items(api.get("/api/v1/users"))).hasSize(100);
    assertThat(items(api.get("/api/v1/users?limit=5000"))).hasSize(1000);
    assertThat(items(api.get("/api/v1/users?limit=99999999999"))).hasSize(1000);
    assertThat(items(api.get("/api/v1/users?limit=7"))).hasSize(7);
  }

  @Test
  void every_list_pages_to_the_same_items_as_one_big_page() {
    for (String path : List.of("/api/v1/users", "/api/v1/roles", "/api/v1/memberships", "/api/v1/permissions", "/api/v1/audit")) {
      List<JsonNode> paged = scan(path, 3, () -> {});
      List<JsonNode> whole = scan(path, 1000, () -> {});
      assertThat(paged).as(path).isEqualTo(whole);
    }
  }

  @Test
  void a_membership_scan_while_writes_happen_skips_and_repeats_nothing_that_existed_throughout() {
    Function<JsonNode, String> key = m -> m.get("roleId").asText() + "\u0000" + m.get("userId").asText();
    Set<String> before = new HashSet<>(scan("/api/v1/memberships", 1000, () -> {}).stream().map(key).toList());
    List<String> roleIds = items(api.get("/api/v1/roles?limit=1000")).stream().map(r -> r.get("id").asText()).toList();
    List<String> userIds = scan("/api/v1/users", 1000, () -> {}).stream()
        .filter(u -> u.get("status").asText().equals("active")).map(u -> u.get("id").asText()).toList();
    Set<String> touched = new HashSet<>();
    Random random = new Random(7);
    Runnable write = () -> {
      String role = roleIds.get(random.nextInt(roleIds.size()));
      List<String> add = new ArrayList<>();
      List<String> remove = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String user = userIds.get(random.nextInt(userIds.size()));
        if (touched.add(role + "\u0000" + user)) {
          (random.nextBoolean() ? add : remove).add(user);
        }
      }
      assertThat(api.post("/api/v1/roles/" + role + "/members", Map.of("add", add, "remove", remove)).status()).isEqualTo(200);
    };
    List<String> scanned = scan("/api/v1/memberships", 250, write).stream().map(key).toList();

    assertThat(new LinkedHashSet<>(scanned)).as("no item repeated").hasSize(scanned.size());
    assertThat(scanned).as("sorted by (roleId, userId)").isSorted();
    Set<String> throughout = new HashSet<>(before);
    throughout.removeAll(touched);
    assertThat(scanned).as("nothing skipped that existed throughout").containsAll(throughout);
    assertThat(touched).as("the scan really raced with writes").hasSizeGreaterThan(200);
  }
}
