package io.roleform.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Starts sandboxes for tests: 127.0.0.1, port 0, log captured. */
final class TestSandboxes {
  private TestSandboxes() {}

  static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
  static final PrintStream LOG_STREAM = new PrintStream(LOG, true, StandardCharsets.UTF_8);

  static SandboxOptions options(String profile, String data) {
    return SandboxOptions.defaults(profile).withPort(0).withData(data).withLog(LOG_STREAM);
  }

  static Sandbox memory(String profile) {
    return start(options(profile, ":memory:"));
  }

  static Sandbox start(SandboxOptions o) {
    try {
      return Sandbox.start(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
