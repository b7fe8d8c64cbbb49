package io.roleform.sandbox;

import static io.roleform.sandbox.SandboxContractTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 401 and 403, the tokens file, and that a token never appears in a response or a log. */
class AuthTest {
  @TempDir Path dir;

  @Test
  void missing_or_unknown_tokens_are_401_and_never_echoed() {
    try (Sandbox s = TestSandboxes.start(TestSandboxes.options("secure-exchanges", ":memory:"))) {
      ApiClient none = new ApiClient(s.baseUrl(), null);
      assertProblem(none.get("/api/v1/roles"), 401, null);
      ApiClient wrong = new ApiClient(s.baseUrl(), "s3cr3t-guess-token");
      ApiClient.Resp r = wrong.post("/api/v1/roles", Map.of("name", "X"));
      assertProblem(r, 401, null);
      assertThat(r.body()).doesNotContain("s3cr3t-guess-token");
      assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
      assertThat(TestSandboxes.LOG.toString(StandardCharsets.UTF_8)).doesNotContain("s3cr3t-guess-token");
    }
  }

  @Test
  void a_read_token_cannot_write() {
    try (Sandbox s = TestSandboxes.memory("secure-exchanges")) {
      ApiClient read = new ApiClient(s.baseUrl(), "demo-read");
      assertThat(read.get("/api/v1/roles").status()).isEqualTo(200);
      assertProblem(read.post("/api/v1/roles", Map.of("name", "X")), 403, null);
    }
  }

  @Test
  void a_tokens_file_maps_tokens_to_users_and_scopes() throws IOException {
    Path tokens = dir.resolve("tokens.yaml");
    Files.writeString(tokens, """
        - token: tok-admin-0001
          user: bob@acme.example
          scope: write
        - token: tok-carol-0002
          user: carol@acme.example
          scope: write
        """);
    SandboxOptions o = TestSandboxes.options("secure-exchanges", ":memory:");
    o = new SandboxOptions(0, o.data(), o.profile(), tokens, null, 1, 0, null, false, o.log());
    try (Sandbox s = TestSandboxes.start(o)) {
      assertProblem(new ApiClient(s.baseUrl(), "demo-write").get("/api/v1/roles"), 401, null);
      ApiClient bob = new ApiClient(s.baseUrl(), "tok-admin-0001");
      assertThat(bob.get("/api/v1/portal").json().get("viewer").get("email").asText()).isEqualTo("bob@acme.example");
      assertThat(bob.post("/api/v1/roles", Map.of("name", "X")).status()).isEqualTo(201);
      // carol holds no role with roles-and-authorizations: 403 although the scope is write.
      ApiClient carol = new ApiClient(s.baseUrl(), "tok-carol-0002");
      assertThat(carol.get("/api/v1/roles").status()).isEqualTo(200);
      assertProblem(carol.post("/api/v1/roles", Map.of("name", "Y")), 403, null);
      bob.post("/api/v1/roles/r1/members", Map.of("add", java.util.List.of("u3")));
      assertThat(carol.post("/api/v1/roles", Map.of("name", "Y")).status()).isEqualTo(201);
    }
  }

  @Test
  void a_bad_tokens_file_is_refused_without_printing_its_tokens() throws IOException {
    Path tokens = dir.resolve("tokens.yaml");
    Files.writeString(tokens, "- token: very-secret-value\n  user: bob@acme.example\n  scope: admin\n");
    SandboxOptions o = TestSandboxes.options("secure-exchanges", ":memory:");
    SandboxOptions bad = new SandboxOptions(0, o.data(), o.profile(), tokens, null, 1, 0, null, false, o.log());
    assertThatThrownBy(() -> Sandbox.start(bad))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("entry 1")
        .hasMessageContaining("scope")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("very-secret-value"));
  }
}
