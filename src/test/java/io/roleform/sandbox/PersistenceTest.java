package io.roleform.sandbox;

import static io.roleform.sandbox.SandboxContractTest.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file database keeps everything across a clean restart, and is never re-seeded. */
class PersistenceTest {
  @TempDir Path dir;

  @Test
  void data_and_idempotency_records_survive_a_restart() throws Exception {
    String file = dir.resolve("nested/portal.db").toString();
    String roleId;
    String firstBody;
    try (Sandbox s = TestSandboxes.start(TestSandboxes.options("app-roles", file))) {
      ApiClient api = new ApiClient(s.baseUrl(), "demo-write");
      ApiClient.Resp created = api.post("/api/v1/roles", Map.of("name", "Reviewers", "permissions", List.of("view-records")),
          "Idempotency-Key", "persist-1");
      roleId = created.json().get("id").asText();
      firstBody = created.body();
      api.post("/api/v1/roles/" + roleId + "/members", Map.of("add", List.of("u5", "u6")));
      api.patch("/api/v1/portal/settings", Map.of("allowView", true));
    }
    assertThat(Files.exists(Path.of(file))).isTrue();
    assertThat(journalMode(file)).as("WAL: readers never wait for the writer").isEqualTo("wal");
    try (Sandbox s = TestSandboxes.start(TestSandboxes.options("app-roles", file))) {
      ApiClient api = new ApiClient(s.baseUrl(), "demo-write");
      assertThat(api.get("/api/v1/portal").json().get("stateVersion").asInt()).isEqualTo(4);
      assertThat(api.get("/api/v1/portal").json().get("settings").get("allowView").asBoolean()).isTrue();
      assertThat(api.get("/api/v1/roles/" + roleId).json().get("memberCount").asInt()).isEqualTo(2);
      ApiClient.Resp replay = api.post("/api/v1/roles", Map.of("name", "Reviewers", "permissions", List.of("view-records")),
          "Idempotency-Key", "persist-1");
      assertThat(replay.body()).isEqualTo(firstBody);
      assertThat(items(api.get("/api/v1/roles"))).hasSize(4);
      assertThat(items(api.get("/api/v1/audit"))).hasSize(3);
    }
  }

  static String journalMode(String file) throws java.sql.SQLException {
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        var r = c.createStatement().executeQuery("PRAGMA journal_mode")) {
      r.next();
      return r.getString(1);
    }
  }

  @Test
  void a_database_of_another_profile_is_refused() {
    String file = dir.resolve("p.db").toString();
    TestSandboxes.start(TestSandboxes.options("case-portal", file)).close();
    assertThatThrownBy(() -> Sandbox.start(TestSandboxes.options("app-roles", file)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("case-portal");
  }

  @Test
  void an_unknown_profile_is_refused_with_the_known_ones() {
    assertThatThrownBy(() -> Sandbox.start(TestSandboxes.options("nope", ":memory:")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("secure-exchanges, case-portal, app-roles");
  }
}
