package io.roleform.portal.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Keycloak of one test class's own, which the test may kill: {@code keycloak/start.sh} with
 * {@code KC_DIR} set to another directory than the shared server's ({@code target/keycloak}), so
 * it has its own unpacked copy, its own H2 database and its own port; the shared server of {@link
 * KeycloakServer} (and its database) is never touched.
 *
 * <p>{@link #kill9()} kills the server's process group (kc.sh and the server JVM) with SIGKILL — no
 * shutdown hook runs, the database sees a crash; {@link #restart()} starts it again on the same
 * port and the same database ({@code KC_KEEP_DATA=1}); {@link #close()} stops it with {@code
 * keycloak/stop.sh}. Every step is bounded in time.
 */
final class OwnKeycloak implements AutoCloseable {

  /** Start-up bound passed to start.sh ({@code KC_START_TIMEOUT}), seconds. */
  static final int START_TIMEOUT_SECONDS = 300;

  private final Path dir;
  private final int port;
  final String url;
  final String adminUser;
  final String adminPassword;

  private OwnKeycloak(Path dir, int port, String url, String adminUser, String adminPassword) {
    this.dir = dir;
    this.port = port;
    this.url = url;
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
  }

  /**
   * Starts a fresh server in {@code dir} (relative to the project) on a free port.
   *
   * @throws IllegalStateException if it does not answer in time (start.sh has stopped it), with the
   *     tail of its output
   */
  static OwnKeycloak start(Path dir) {
    int rc = startScript(dir, Map.of(), "start.out");
    if (rc != 0) throw new IllegalStateException("keycloak/start.sh (KC_DIR=" + dir + ") failed, exit " + rc + ". "
        + tail(dir.resolve("start.out")));
    Map<String, String> env = KeycloakServer.envFile(dir);
    String url = env.get("ROLEFORM_KEYCLOAK_URL");
    int port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    return new OwnKeycloak(dir, port, url, env.getOrDefault("ROLEFORM_KEYCLOAK_ADMIN_USER", "admin"),
        env.getOrDefault("ROLEFORM_KEYCLOAK_ADMIN_PASSWORD", "admin"));
  }

  /** SIGKILL to the server's process group; returns once no process of it is alive (at most 30 s). */
  void kill9() {
    long pid = pid();
    ProcessHandle.of(pid).ifPresent(leader -> {
      List<ProcessHandle> all = new java.util.ArrayList<>(leader.descendants().toList());
      all.add(leader);
      all.forEach(ProcessHandle::destroyForcibly);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (all.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) sleep(100);
      if (all.stream().anyMatch(ProcessHandle::isAlive)) {
        throw new IllegalStateException("Keycloak (PID " + pid + ") still alive 30 s after SIGKILL");
      }
    });
  }

  /** Starts the server again on the same port and database; throws if it does not come back. */
  void restart() {
    try {
      Files.copy(dir.resolve("kc.log"), dir.resolve("kc.before-kill.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // the log of the first run is only kept for diagnosis
    }
    int rc = startScript(dir, Map.of("KC_PORT", String.valueOf(port), "KC_KEEP_DATA", "1"), "restart.out");
    if (rc != 0) throw new IllegalStateException("Keycloak did not come back after the kill: keycloak/start.sh exit "
        + rc + ". " + tail(dir.resolve("restart.out")));
  }

  @Override
  public void close() {
    run(List.of("keycloak/stop.sh"), Map.of("KC_DIR", dir.toString()), 60, dir.resolve("stop.out"));
  }

  private long pid() {
    try {
      return Long.parseLong(Files.readString(dir.resolve("kc.pid")).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int startScript(Path dir, Map<String, String> extra, String log) {
    Map<String, String> env = new HashMap<>(extra);
    env.put("KC_DIR", dir.toString());
    env.put("KC_START_TIMEOUT", String.valueOf(START_TIMEOUT_SECONDS));
    // The outer bound adds the first download (~160 MB) and unpacking of keycloak-quarkus-dist.
    return run(List.of("keycloak/start.sh"), env, START_TIMEOUT_SECONDS + 360, dir.resolve(log));
  }

  private static int run(List<String> command, Map<String, String> env, int timeoutSeconds, Path log) {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        return -1;
      }
      return p.exitValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "Its output ends: " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
    } catch (IOException e) {
      return "(no output at " + log + ")";
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
