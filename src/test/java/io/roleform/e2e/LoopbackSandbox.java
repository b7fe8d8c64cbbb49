package io.roleform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.sandbox.FaultSpec;
import io.roleform.sandbox.Sandbox;
import io.roleform.sandbox.SandboxOptions;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A sandbox portal on 127.0.0.1 (SQLite in memory) for end-to-end tests, with the environment the
 * CLI needs to reach it and a raw API client for "someone else" writing through the API. Close it.
 */
final class LoopbackSandbox implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Sandbox sandbox;

  private LoopbackSandbox(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  static LoopbackSandbox start(String profile) throws Exception {
    return start(profile, null);
  }

  static LoopbackSandbox start(String profile, FaultSpec faults) throws Exception {
    return new LoopbackSandbox(Sandbox.start(new SandboxOptions(0, ":memory:", profile, null, faults, 1L, 0, null,
        false, new PrintStream(OutputStream.nullOutputStream()))));
  }

  /** {@code ROLEFORM_PORTAL_URL} and the {@code demo-write} token (alice). */
  Map<String, String> env() {
    return Map.of("ROLEFORM_PORTAL_URL", url(), "ROLEFORM_TOKEN", "demo-write", "NO_COLOR", "1");
  }

  String url() {
    return sandbox.baseUrl().toString();
  }

  /** The state version, read in-process (no HTTP, no injected latency). */
  long stateVersion() {
    return sandbox.stateVersion();
  }

  /** One API request as the {@code demo-write} user. */
  HttpResponse<String> http(String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path))
        .header("Authorization", "Bearer demo-write")
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Creates a role through the API, as another writer would. */
  void createRoleByHand(String name) throws Exception {
    HttpResponse<String> r = http("POST", "/api/v1/roles", "{\"name\":\"" + name + "\",\"permissions\":[\"logs\"]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
