package io.roleform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.sandbox.FaultSpec;
import io.roleform.sandbox.GenerateSpec;
import io.roleform.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a roleform apply (a child JVM) at random points of its writes, each on a fresh
 * copy of the portal; the re-run converges to exactly the fault-free outcome. The sandbox adds
 * 20–40 ms to every request so the apply is long enough to be cut anywhere; the kill lands right
 * after a randomly chosen number of writes committed (plus a random 0–30 ms, so sometimes while
 * the next request is in flight).
 */
@Tag("faults")
class KilledApplyIT {
  static final FaultSpec LATENCY = FaultSpec.parse("latency=20..40");

  @TempDir Path work;

  @Test
  @Timeout(value = 150, unit = TimeUnit.SECONDS)
  void killedApplyResumesByReRunning() throws Exception {
    killAndResume(Scenario.generated(work, new GenerateSpec(200, 8, 400), 8, 5), 3, 17);
  }

  @Test
  @Tag("slow")
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void tenKillsAtRandomPoints() throws Exception {
    killAndResume(Scenario.generated(work, new GenerateSpec(2000, 25, 5000), 25, 5), 10, 23);
  }

  private void killAndResume(Scenario s, int kills, long seed) throws Exception {
    assertThat(s.operations()).isGreaterThan(5);
    Random random = new Random(seed);
    for (int k = 1; k <= kills; k++) {
      Path db = Portals.copy(s.base(), work.resolve("kill-" + k + ".db"));
      try (Sandbox sandbox = Portals.start(db, "app-roles", null, LATENCY, k)) {
        long v0 = sandbox.stateVersion();
        int target = 1 + random.nextInt(s.operations() - 1);
        Process apply = ChildJvm.apply(work.resolve("apply-" + k + ".log"), s.config(), sandbox.baseUrl());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (sandbox.stateVersion() < v0 + target && apply.isAlive() && System.nanoTime() < deadline) {
          Thread.sleep(2);
        }
        Thread.sleep(random.nextInt(31));
        assertThat(apply.isAlive()).as("kill %d: the apply is still running when killed (after %d of %d writes)",
            k, target, s.operations()).isTrue();
        ChildJvm.kill9(apply);
        long written = sandbox.stateVersion() - v0;
        assertThat(written).as("kill %d cut the apply short", k).isBetween((long) target, (long) s.operations() - 1);

        Cli rerun = Cli.apply(s.config(), sandbox.baseUrl());
        assertThat(rerun.exit()).as("re-run after kill %d\n%s", k, rerun).isZero();
        Portals.assertConverged(sandbox.baseUrl(), s.config(), s.reference().export());
        System.out.printf("kill %d: after %d of %d writes; the re-run converged%n", k, written, s.operations());
      }
    }
  }
}
