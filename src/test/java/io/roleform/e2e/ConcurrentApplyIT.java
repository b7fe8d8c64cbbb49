package io.roleform.e2e;

import io.roleform.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.roleform.sandbox.FaultSpec;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Another writer changes the portal while apply runs: apply stops at its next write (412 on {@code
 * If-State-Version}) with exit 1 and "the portal changed during apply", writes nothing after that,
 * and a re-run converges.
 *
 * <p>How the race is made deterministic enough: the sandbox adds 150 ms of latency to every request,
 * so the apply of {@code examples/secure-exchanges} (7 writes) takes over a second; the test waits
 * (in-process, without HTTP) until the apply's first write has landed and only then writes through
 * the API. The foreign write therefore always lands after the first apply write, and — with 6
 * writes still to go — before the last one; should the apply nevertheless finish first (a very slow
 * machine), the whole setup is retried on a fresh sandbox, at most {@value #ATTEMPTS} times.
 */
class ConcurrentApplyIT {

  private static final int ATTEMPTS = 3;
  private static final String EXAMPLE = "examples/secure-exchanges";
  private static final Pattern STOPPED = Pattern.compile("Apply stopped at operation (\\d+) of (\\d+)");

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void aWriteThroughTheApiDuringApplyStopsItAndARerunConverges() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
        try (LoopbackSandbox sandbox = LoopbackSandbox.start("secure-exchanges", new FaultSpec(0, 0, 0, 150, 150))) {
          if (raceOnce(sandbox, pool)) return;
        }
      }
      fail("in " + ATTEMPTS + " attempts the foreign write never landed in the middle of the apply");
    } finally {
      pool.shutdownNow();
    }
  }

  /** One attempt; false when the race was lost (apply finished first) and must be retried. */
  private static boolean raceOnce(LoopbackSandbox sandbox, ExecutorService pool) throws Exception {
    long v0 = sandbox.stateVersion();
    Future<CliRun> running = pool.submit(() -> CliRun.run(sandbox.env(), "apply", EXAMPLE, "--auto-approve"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (sandbox.stateVersion() == v0 && !running.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    assertThat(sandbox.stateVersion()).as("the apply wrote at least once within 60 s").isGreaterThan(v0);
    sandbox.createRoleByHand("Added during apply");
    CliRun apply = running.get(120, TimeUnit.SECONDS);
    if (apply.exitCode() == 0) return false;

    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(1);
    assertThat(apply.err()).contains("the portal changed during apply", "run plan again")
        .doesNotContain("Exception");
    Matcher stopped = STOPPED.matcher(apply.err());
    assertThat(stopped.find()).as(apply.toString()).isTrue();
    int at = Integer.parseInt(stopped.group(1));
    assertThat(at).as("stopped in the middle, after the first write").isBetween(2, Integer.parseInt(stopped.group(2)));
    // The apply's writes before the failing one, plus the foreign write; nothing after the stop.
    assertThat(sandbox.stateVersion()).isEqualTo(v0 + (at - 1) + 1);

    CliRun rerun = CliRun.run(sandbox.env(), "apply", EXAMPLE, "--auto-approve");
    assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
    assertThat(rerun.out()).contains("Apply complete", "role Added during apply is not in the config");
    CliRun plan = CliRun.run(sandbox.env(), "plan", EXAMPLE, "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("No changes");
    return true;
  }
}
