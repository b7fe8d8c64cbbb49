package io.roleform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.roleform.sandbox.GenerateSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox (a child JVM) killed with {@code kill -9} in the middle of an apply: the apply fails
 * cleanly (exit 1, one paragraph, no stack trace); the sandbox restarted on the same database file,
 * a re-run converges to exactly the fault-free outcome.
 */
@Tag("faults")
class SandboxKilledIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path work;

  @Test
  @Timeout(value = 150, unit = TimeUnit.SECONDS)
  void applyFailsCleanlyAndReRunConverges() throws Exception {
    killSandbox(Scenario.generated(work, new GenerateSpec(200, 8, 400), 8, 5), 1, 31);
  }

  @Test
  @Tag("slow")
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void fourKillsAtRandomPoints() throws Exception {
    killSandbox(Scenario.generated(work, new GenerateSpec(2000, 20, 4000), 20, 5), 4, 37);
  }

  private void killSandbox(Scenario s, int rounds, long seed) throws Exception {
    Random random = new Random(seed);
    for (int round = 1; round <= rounds; round++) {
      Path db = Portals.copy(s.base(), work.resolve("killed-" + round + ".db"));
      Process sandbox = startSandbox(db, "latency=20..40", round);
      Cli failed;
      try {
        URI url = url(sandbox);
        long v0 = stateVersion(url);
        int target = 1 + random.nextInt(s.operations() - 1);
        CompletableFuture<Cli> apply = CompletableFuture.supplyAsync(() -> Cli.apply(s.config(), url));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (stateVersion(url) < v0 + target && !apply.isDone() && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        assertThat(apply.isDone()).as("round %d: the apply is still running when the sandbox dies", round).isFalse();
        ChildJvm.kill9(sandbox);
        failed = apply.get(90, TimeUnit.SECONDS);
      } finally {
        if (sandbox.isAlive()) {
          ChildJvm.kill9(sandbox);
        }
      }
      assertThat(failed.exit()).as("apply with its portal gone\n%s", failed).isEqualTo(1);
      assertThat(failed.err()).contains("error: ");
      assertThat(failed.hasStackTrace()).as("stack trace in\n%s", failed).isFalse();
      Process restarted = startSandbox(db, null, 0);
      try {
        URI url = url(restarted);
        Cli rerun = Cli.apply(s.config(), url);
        assertThat(rerun.exit()).as("re-run after the restart\n%s", rerun).isZero();
        Portals.assertConverged(url, s.config(), s.reference().export());
        System.out.printf("sandbox kill %d: apply failed cleanly (%s); the re-run converged%n", round,
            failed.err().lines().filter(l -> l.startsWith("error")).findFirst().orElse("?"));
      } finally {
        restarted.destroy();
        if (!restarted.waitFor(20, TimeUnit.SECONDS)) {
          ChildJvm.kill9(restarted);
        }
      }
    }
  }

  private Process startSandbox(Path db, String faults, long seed) {
    List<String> args = new ArrayList<>(List.of("sandbox", "--port", "0", "--data", db.toString(),
        "--profile", "app-roles", "--seed", Long.toString(seed)));
    if (faults != null) {
      args.addAll(List.of("--faults", faults));
    }
    List<String> cmd = new ArrayList<>(List.of(ChildJvm.JAVA, "-cp", System.getProperty("java.class.path"),
        "io.roleform.cli.Main"));
    cmd.addAll(args);
    try {
      return new ProcessBuilder(cmd)
          .redirectError(work.resolve("sandbox.log").toFile())
          .start();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The URL the sandbox prints on stdout once it listens. */
  private static URI url(Process sandbox) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line).as("the sandbox's first stdout line").startsWith("http://127.0.0.1:");
    return URI.create(line.trim());
  }

  private static long stateVersion(URI url) throws IOException, InterruptedException {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(url.resolve("/_sandbox/stats")).build(),
        HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(r.body()).path("stateVersion").asLong();
  }
}
