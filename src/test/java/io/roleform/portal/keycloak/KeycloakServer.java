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
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The real Keycloak the keycloak ITs run against: one server per test JVM, shared by every test
 * class that uses this extension, so {@code ./mvnw verify} needs no manual step.
 *
 * <p>Where the server comes from, first match wins:
 *
 * <ol>
 *   <li>{@code -Droleform.keycloak.skip=true}: none; the test classes are disabled (reported as
 *       skipped) and nothing is fetched or started.
 *   <li>{@code ROLEFORM_KEYCLOAK_URL} (environment or system property) names a running server; the
 *       bootstrap admin is {@code ROLEFORM_KEYCLOAK_ADMIN_USER/PASSWORD} (default admin/admin). It
 *       is never stopped.
 *   <li>A server that {@code keycloak/start.sh} already started in this checkout (a live PID in
 *       {@code target/keycloak/kc.pid}): reused and left running.
 *   <li>Otherwise {@code keycloak/start.sh} is run once (it fetches keycloak-quarkus-dist into the
 *       local Maven repository if missing, unpacks it and starts it on a free port of 127.0.0.1).
 *       If the server has not answered {@value #START_TIMEOUT_SECONDS} s after start-up began
 *       the script stops it and the tests fail with the tail of its output. The server is stopped by its PID ({@code keycloak/stop.sh}) when the
 *       root extension context closes, or by a JVM shutdown hook if that never happens.
 * </ol>
 *
 * <p>Test methods and lifecycle methods get the server by declaring a {@link Endpoint} parameter.
 */
public final class KeycloakServer implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

  /** Set to {@code true} to skip every real-Keycloak test. */
  public static final String SKIP_PROPERTY = "roleform.keycloak.skip";
  /** How long start.sh waits for the server to answer once unpacked. */
  static final int START_TIMEOUT_SECONDS = 240;
  /** Extra time allowed for the first download of keycloak-quarkus-dist (~160 MB) and its unpacking. */
  private static final int FETCH_TIMEOUT_SECONDS = 360;
  private static final Path DIR = Path.of("target", "keycloak");

  /** Where the server answers and its bootstrap admin (master realm) login. */
  public record Endpoint(String url, String adminUser, String adminPassword) {
    @Override
    public String toString() {
      return "Endpoint[url=" + url + ", adminUser=" + adminUser + ", adminPassword=<redacted>]";
    }
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return Boolean.getBoolean(SKIP_PROPERTY)
        ? ConditionEvaluationResult.disabled("-D" + SKIP_PROPERTY + "=true: the real-Keycloak tests are skipped")
        : ConditionEvaluationResult.enabled("a real Keycloak is needed");
  }

  /** Starts (or finds) the server before the first test class that needs it. */
  @Override
  public void beforeAll(ExtensionContext context) {
    endpoint(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Endpoint.class;
  }

  @Override
  public Endpoint resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return endpoint(context);
  }

  private static Endpoint endpoint(ExtensionContext context) {
    ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.create(KeycloakServer.class));
    return store.getOrComputeIfAbsent("server", key -> Server.obtain(), Server.class).endpoint;
  }

  /** The shared server; closing it stops the server if this JVM started it. */
  private static final class Server implements AutoCloseable {
    final Endpoint endpoint;
    private final boolean owned;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private Server(Endpoint endpoint, boolean owned) {
      this.endpoint = endpoint;
      this.owned = owned;
      if (owned) Runtime.getRuntime().addShutdownHook(new Thread(this::close, "keycloak-stop"));
    }

    static Server obtain() {
      String url = setting("ROLEFORM_KEYCLOAK_URL");
      if (url != null && !url.isBlank()) return new Server(endpoint(url, Map.of()), false);
      if (running()) return new Server(endpointFromEnvFile(), false);
      long started = System.nanoTime();
      start();
      Server s = new Server(endpointFromEnvFile(), true);
      System.err.printf("[KeycloakServer] started %s in %d s%n", s.endpoint.url(),
          TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
      return s;
    }

    @Override
    public void close() {
      if (!owned || !stopped.compareAndSet(false, true)) return;
      try {
        run(List.of("keycloak/stop.sh"), 60, DIR.resolve("stop.out"));
      } catch (RuntimeException e) {
        System.err.println("[KeycloakServer] could not stop Keycloak: " + e.getMessage());
      }
    }
  }

  private static void start() {
    Path log = DIR.resolve("start.out");
    int rc;
    try {
      // start.sh bounds the start-up itself (KC_START_TIMEOUT); this outer bound adds the download.
      rc = run(List.of("keycloak/start.sh"), START_TIMEOUT_SECONDS + FETCH_TIMEOUT_SECONDS, log);
    } catch (IllegalStateException timedOut) {
      run(List.of("keycloak/stop.sh"), 60, DIR.resolve("stop.out"));
      throw new IllegalStateException("keycloak/start.sh did not finish within "
          + (START_TIMEOUT_SECONDS + FETCH_TIMEOUT_SECONDS) + " s (stopped it); see "
          + DIR.resolve("kc.log").toAbsolutePath() + ". " + tail(log));
    }
    if (rc != 0) {
      throw new IllegalStateException("keycloak/start.sh failed (exit " + rc + "); pass -D" + SKIP_PROPERTY
          + "=true to skip the real-Keycloak tests. " + tail(log));
    }
  }

  /** Runs a script of this checkout, output to {@code log}; throws IllegalStateException on timeout. */
  private static int run(List<String> command, int timeoutSeconds, Path log) {
    try {
      Files.createDirectories(DIR);
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
      pb.environment().put("KC_START_TIMEOUT", String.valueOf(START_TIMEOUT_SECONDS));
      Process p = pb.start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroy();
        p.waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException(command + " did not finish in " + timeoutSeconds + " s");
      }
      return p.exitValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File("/dev/null");
  }

  private static boolean running() {
    Path pid = DIR.resolve("kc.pid");
    if (!Files.isRegularFile(pid) || !Files.isRegularFile(DIR.resolve("env"))) return false;
    try {
      long id = Long.parseLong(Files.readString(pid).strip());
      return ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false);
    } catch (IOException | NumberFormatException e) {
      return false;
    }
  }

  private static Endpoint endpointFromEnvFile() {
    Map<String, String> vars = envFile(DIR);
    return endpoint(vars.get("ROLEFORM_KEYCLOAK_URL"), vars);
  }

  /** Reads the {@code export NAME=value} lines start.sh writes to {@code dir/env}. */
  static Map<String, String> envFile(Path dir) {
    Map<String, String> vars = new HashMap<>();
    try {
      for (String line : Files.readAllLines(dir.resolve("env"), StandardCharsets.UTF_8)) {
        String l = line.strip().replaceFirst("^export\\s+", "");
        int eq = l.indexOf('=');
        if (eq > 0) vars.put(l.substring(0, eq), l.substring(eq + 1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return vars;
  }

  private static Endpoint endpoint(String url, Map<String, String> vars) {
    String user = vars.getOrDefault("ROLEFORM_KEYCLOAK_ADMIN_USER", setting("ROLEFORM_KEYCLOAK_ADMIN_USER"));
    String password = vars.getOrDefault("ROLEFORM_KEYCLOAK_ADMIN_PASSWORD", setting("ROLEFORM_KEYCLOAK_ADMIN_PASSWORD"));
    return new Endpoint(url, user == null ? "admin" : user, password == null ? "admin" : password);
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "Its output ends: " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  static String setting(String name) {
    String v = System.getProperty(name);
    return v != null ? v : System.getenv(name);
  }
}
