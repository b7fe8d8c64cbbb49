package io.roleform.sandbox;

import static io.roleform.sandbox.SandboxContractTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --faults, --seed and --rate-limit as a client sees them. */
class FaultInjectionTest {
  @TempDir Path dir;

  static Sandbox start(String data, FaultSpec faults, int rateLimit) {
    SandboxOptions o = TestSandboxes.options("secure-exchanges", data);
    return TestSandboxes.start(new SandboxOptions(0, data, o.profile(), null, faults, 3, rateLimit, null, false, o.log()));
  }

  @Test
  void a_reset_drops_the_connection_without_a_response() {
    try (Sandbox s = start(":memory:", FaultSpec.parse("reset=1"), 0)) {
      ApiClient api = new ApiClient(s.baseUrl(), "demo-write");
      assertThatThrownBy(() -> api.sendUnchecked("GET", "/api/v1/roles", null, Map.of())).isInstanceOf(IOException.class);
      assertThatThrownBy(() -> api.sendUnchecked("POST", "/api/v1/roles", "{\"name\":\"R\"}", Map.of()))
          .isInstanceOf(IOException.class);
      // java.net.http silently retries an idempotent GET once after a dropped connection.
      assertThat(s.requestCounts().get("GET /api/v1/roles")).isBetween(1L, 2L);
      assertThat(s.requestCounts()).containsEntry("POST /api/v1/roles", 1L);
    }
  }

  @Test
  void injected_5xx_are_500_502_or_503_problems_and_stats_are_never_faulted() throws Exception {
    try (Sandbox s = start(":memory:", FaultSpec.parse("5xx=1"), 0)) {
      ApiClient api = new ApiClient(s.baseUrl(), "demo-read");
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        ApiClient.Resp r = api.get("/api/v1/users");
        assertProblem(r, r.status(), null);
        statuses.add(r.status());
      }
      assertThat(statuses).containsAnyOf(500, 502, 503).allMatch(x -> x == 500 || x == 502 || x == 503);
      HttpResponse<String> stats = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(s.baseUrl().resolve("/_sandbox/stats")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(stats.statusCode()).isEqualTo(200);
      assertThat(stats.body()).contains("\"GET /api/v1/users\":12");
    }
  }

  @Test
  void some_faulted_writes_committed_and_their_retry_replays_the_stored_success() {
    String file = dir.resolve("faults.db").toString();
    int writes = 24;
    try (Sandbox s = start(file, FaultSpec.parse("5xx=0.5,reset=0.5"), 0)) {
      ApiClient api = new ApiClient(s.baseUrl(), "demo-write");
      for (int i = 0; i < writes; i++) {
        try {
          ApiClient.Resp r = api.sendUnchecked("POST", "/api/v1/roles", Map.of("name", "Role " + i), Map.of("Idempotency-Key", "key-" + i));
          assertThat(r.status()).isBetween(500, 503);
        } catch (IOException expected) {
          // a reset
        }
      }
    }
    try (Sandbox s = start(file, null, 0)) {
      ApiClient api = new ApiClient(s.baseUrl(), "demo-write");
      long committed = s.stateVersion() - 1;
      assertThat(committed).as("about half the writes committed although the client saw an error").isBetween(3L, 21L);
      int replayed = 0;
      for (int i = 0; i < writes; i++) {
        ApiClient.Resp r = api.post("/api/v1/roles", Map.of("name", "Role " + i), "Idempotency-Key", "key-" + i);
        assertThat(r.status()).isEqualTo(201);
        if ("true".equals(r.header("Idempotent-Replayed"))) {
          replayed++;
        }
      }
      assertThat((long) replayed).isEqualTo(committed);
      assertThat(SandboxContractTest.items(api.get("/api/v1/roles?limit=100"))).hasSize(4 + writes);
    }
  }

  @Test
  void injected_429_carries_retry_after() {
    try (Sandbox s = start(":memory:", FaultSpec.parse("429=1"), 0)) {
      ApiClient.Resp r = new ApiClient(s.baseUrl(), "demo-read").get("/api/v1/portal");
      assertProblem(r, 429, null);
      assertThat(Integer.parseInt(r.header("Retry-After"))).isBetween(0, 1);
    }
  }

  @Test
  void the_rate_limit_answers_429_above_n_requests_per_second() {
    try (Sandbox s = start(":memory:", null, 5)) {
      ApiClient api = new ApiClient(s.baseUrl(), "demo-read");
      int limited = 0;
      for (int i = 0; i < 30; i++) {
        ApiClient.Resp r = api.get("/api/v1/permissions");
        if (r.status() == 429) {
          limited++;
          assertThat(r.header("Retry-After")).isEqualTo("1");
        }
      }
      assertThat(limited).isGreaterThan(0);
    }
  }

  @Test
  void latency_delays_every_api_request() {
    try (Sandbox s = start(":memory:", FaultSpec.parse("latency=60..80"), 0)) {
      ApiClient api = new ApiClient(s.baseUrl(), "demo-read");
      api.get("/api/v1/portal");
      long t0 = System.nanoTime();
      api.get("/api/v1/portal");
      assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(60);
    }
  }

  @Test
  void the_same_seed_injects_the_same_faults() {
    List<Integer> first = statuses();
    assertThat(statuses()).isEqualTo(first);
    assertThat(first).contains(200).containsAnyOf(429, 500, 502, 503);
  }

  private static List<Integer> statuses() {
    try (Sandbox s = start(":memory:", FaultSpec.parse("5xx=0.3,429=0.2"), 0)) {
      ApiClient api = new ApiClient(URI.create(s.baseUrl().toString()), "demo-read");
      List<Integer> out = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        out.add(api.get("/api/v1/permissions").status());
      }
      return out;
    }
  }
}
