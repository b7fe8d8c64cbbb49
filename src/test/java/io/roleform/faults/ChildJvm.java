package io.roleform.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code roleform} as a child JVM ({@code java -cp <test classpath> io.roleform.cli.Main ...}). */
final class ChildJvm {
  private ChildJvm() {}

  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  /** Starts {@code roleform args...}, output to {@code log}. */
  static Process start(Path log, List<String> args) {
    List<String> cmd = new ArrayList<>(List.of(JAVA, "-cp", System.getProperty("java.class.path"),
        "io.roleform.cli.Main"));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(Cli.ENV);
    try {
      return pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Process apply(Path log, String config, URI portal) {
    return start(log, Cli.applyArgs(config, portal));
  }

  /** SIGKILL (kill -9) and wait for it to be gone. */
  static void kill9(Process p) {
    p.destroyForcibly();
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError("pid " + p.pid() + " survived SIGKILL for 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
