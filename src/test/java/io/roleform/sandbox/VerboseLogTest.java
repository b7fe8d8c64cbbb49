package io.roleform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** --verbose request lines, start-up messages, and a clear error for a port in use. */
class VerboseLogTest {
  @Test
  void verbose_logs_method_path_status_and_millis_per_request_without_tokens() throws IOException {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    SandboxOptions o = new SandboxOptions(0, ":memory:", "secure-exchanges", null, null, 1, 0, null, true,
        new PrintStream(log, true, StandardCharsets.UTF_8));
    try (Sandbox s = Sandbox.start(o)) {
      new ApiClient(s.baseUrl(), "demo-read").get("/api/v1/roles/r2?limit=1");
      new ApiClient(s.baseUrl(), "top-secret-token").get("/api/v1/users");
    }
    String text = log.toString(StandardCharsets.UTF_8);
    assertThat(text).containsPattern("(?m)^GET /api/v1/roles/r2 200 \\d+ms$");
    assertThat(text).containsPattern("(?m)^GET /api/v1/users 401 \\d+ms$");
    assertThat(text).contains("demo tokens 'demo-write'").doesNotContain("top-secret-token");
  }

  @Test
  void a_port_in_use_is_a_clear_error() {
    try (Sandbox first = TestSandboxes.memory("secure-exchanges")) {
      int port = first.baseUrl().getPort();
      assertThatThrownBy(() -> Sandbox.start(TestSandboxes.options("secure-exchanges", ":memory:").withPort(port)))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("port " + port + " on 127.0.0.1 is already in use");
    }
  }
}
