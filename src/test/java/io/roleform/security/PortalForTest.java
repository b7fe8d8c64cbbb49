package io.roleform.security;

import io.roleform.sandbox.Sandbox;
import io.roleform.sandbox.SandboxOptions;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/** A sandbox portal on 127.0.0.1 (SQLite in memory) and the environment the CLI needs to reach it. */
final class PortalForTest implements AutoCloseable {
  final Sandbox sandbox;

  private PortalForTest(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  static PortalForTest start(String profile) throws Exception {
    return new PortalForTest(Sandbox.start(new SandboxOptions(0, ":memory:", profile, null, null, 1L, 0, null,
        false, new PrintStream(OutputStream.nullOutputStream()))));
  }

  String url() {
    return sandbox.baseUrl().toString();
  }

  /** {@code ROLEFORM_PORTAL_URL}, the {@code demo-write} token, {@code NO_COLOR}, plus {@code extra}. */
  Map<String, String> env(String... extra) {
    Map<String, String> env = new HashMap<>(Map.of("ROLEFORM_PORTAL_URL", url(), "ROLEFORM_TOKEN", "demo-write",
        "NO_COLOR", "1"));
    for (int i = 0; i < extra.length; i += 2) env.put(extra[i], extra[i + 1]);
    return env;
  }

  long stateVersion() {
    return sandbox.stateVersion();
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
