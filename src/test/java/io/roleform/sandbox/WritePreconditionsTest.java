package io.roleform.sandbox;

import static io.roleform.sandbox.SandboxContractTest.assertProblem;
import static io.roleform.sandbox.SandboxContractTest.items;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Idempotency-Key replay and reuse, If-State-Version chaining, and the order of the checks. */
class WritePreconditionsTest extends OverSandbox {
  @Test
  void a_replay_returns_the_stored_response_and_changes_nothing() {
    ApiClient.Resp first = api.post("/api/v1/roles", Map.of("name", "Auditors"), "Idempotency-Key", "k-1");
    ApiClient.Resp replay = api.post("/api/v1/roles", "{ \"name\" : \"Auditors\" }", "Idempotency-Key", "k-1");
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
    assertThat(replay.header("ETag")).isEqualTo(first.header("ETag"));
    assertThat(replay.header("State-Version")).isEqualTo(first.header("State-Version")).isEqualTo("2");
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(items(api.get("/api/v1/roles"))).hasSize(5);
    assertThat(items(api.get("/api/v1/audit"))).hasSize(1);
    assertThat(api.get("/api/v1/portal").stateVersion()).isEqualTo(2);
  }

  @Test
  void the_same_key_with_another_request_is_409() {
    api.post("/api/v1/roles", Map.of("name", "Auditors"), "Idempotency-Key", "k-2");
    assertProblem(api.post("/api/v1/roles", Map.of("name", "Other"), "Idempotency-Key", "k-2"), 409, null);
    assertProblem(api.post("/api/v1/roles/r2/members", Map.of("name", "Auditors"), "Idempotency-Key", "k-2"), 409, null);
    assertThat(api.get("/api/v1/portal").stateVersion()).isEqualTo(2);
  }

  @Test
  void replay_is_checked_before_preconditions_so_a_retry_after_commit_succeeds() {
    long sv = api.get("/api/v1/portal").stateVersion();
    ApiClient.Resp first =
        api.post("/api/v1/roles/r3/members", Map.of("add", List.of("u5")),
            "Idempotency-Key", "k-3", "If-State-Version", Long.toString(sv));
    assertThat(first.status()).isEqualTo(200);
    // The client never saw that response and retries with the same precondition: still success.
    ApiClient.Resp retry =
        api.post("/api/v1/roles/r3/members", Map.of("add", List.of("u5")),
            "Idempotency-Key", "k-3", "If-State-Version", Long.toString(sv));
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(api.get("/api/v1/portal").stateVersion()).isEqualTo(sv + 1);
  }

  @Test
  void failed_writes_are_not_stored_so_their_retry_is_evaluated_again() {
    api.post("/api/v1/roles", Map.of("name", "Taken"));
    assertProblem(api.post("/api/v1/roles", Map.of("name", "Fresh"), "Idempotency-Key", "k-4", "If-State-Version", "1"), 412, null);
    assertThat(api.post("/api/v1/roles", Map.of("name", "Fresh"), "Idempotency-Key", "k-4").status()).isEqualTo(201);
  }

  @Test
  void if_state_version_chains_writes_and_stops_at_another_writer() {
    long sv = api.get("/api/v1/portal").stateVersion();
    ApiClient.Resp a = api.post("/api/v1/roles", Map.of("name", "One"), "If-State-Version", Long.toString(sv));
    assertThat(a.stateVersion()).isEqualTo(sv + 1);
    ApiClient.Resp b = api.post("/api/v1/roles", Map.of("name", "Two"), "If-State-Version", Long.toString(a.stateVersion()));
    assertThat(b.status()).isEqualTo(201);
    api.post("/api/v1/roles", Map.of("name", "Someone else"));
    ApiClient.Resp c = api.post("/api/v1/roles", Map.of("name", "Three"), "If-State-Version", Long.toString(b.stateVersion()));
    assertProblem(c, 412, null);
    assertThat(c.stateVersion()).as("412 reports the current version").isEqualTo(b.stateVersion() + 1);
    assertProblem(api.post("/api/v1/roles", Map.of("name", "Four"), "If-State-Version", "seven"), 400, "If-State-Version");
  }

  @Test
  void preconditions_come_before_validation() {
    assertProblem(api.post("/api/v1/roles", "{broken", "If-State-Version", "99"), 412, null);
    assertProblem(api.patch("/api/v1/roles/r2", Map.of("permissions", List.of("nope")), "If-Match", "\"9\""), 412, null);
  }

  @Test
  void every_successful_write_bumps_the_state_version_by_exactly_one() {
    long sv = api.get("/api/v1/portal").stateVersion();
    assertThat(api.post("/api/v1/roles/r3/members", Map.of("add", List.of("u9"))).stateVersion())
        .as("even a no-op batch is a write").isEqualTo(sv + 1);
    assertThat(api.patch("/api/v1/roles/r3", Map.of("description", "d")).stateVersion()).isEqualTo(sv + 2);
    assertThat(api.put("/api/v1/roles/order", Map.of("roleIds", List.of("r1", "r2", "r3", "r4"))).stateVersion())
        .isEqualTo(sv + 3);
    assertThat(api.delete("/api/v1/roles/r4").stateVersion()).isEqualTo(sv + 4);
    assertThat(items(api.get("/api/v1/audit"))).hasSize(4);
  }

  @Test
  void concurrent_writers_are_serialized_one_version_and_one_audit_entry_each() throws Exception {
    int threads = 4;
    int each = 15;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    List<java.util.concurrent.Future<Integer>> done = new java.util.ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int worker = t;
      done.add(pool.submit(() -> {
        int ok = 0;
        for (int i = 0; i < each; i++) {
          String user = "u" + (1 + (worker * each + i) % 15);
          if (api.post("/api/v1/roles/r" + (2 + worker % 3) + "/members", Map.of("add", List.of(user))).status() == 200) {
            ok++;
          }
        }
        return ok;
      }));
    }
    int ok = 0;
    for (var f : done) {
      ok += f.get();
    }
    pool.shutdown();
    assertThat(ok).isEqualTo(threads * each);
    assertThat(api.get("/api/v1/portal").stateVersion()).isEqualTo(1 + threads * each);
    assertThat(items(api.get("/api/v1/audit?limit=1000"))).hasSize(threads * each);
  }
}
