package io.roleform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.sandbox.FaultSpec;
import io.roleform.sandbox.GenerateSpec;
import io.roleform.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two applies of different configs (the same roles, different members, permissions and order)
 * started at the same moment against one portal: one completes, the other stops cleanly with exit
 * 1 and the concurrent-change message, and the portal ends exactly as the winner's config says —
 * never a mix. The sandbox adds 20–40 ms per request so that the two runs overlap.
 */
@Tag("faults")
class ConcurrentAppliesIT {
  static final FaultSpec LATENCY = FaultSpec.parse("latency=20..40");

  @TempDir Path work;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void oneWinsTheOtherStopsCleanly() throws Exception {
    race(new GenerateSpec(200, 8, 400), 6, 2);
  }

  @Test
  @Tag("slow")
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void tenRaces() throws Exception {
    race(new GenerateSpec(2000, 20, 4000), 20, 10);
  }

  private void race(GenerateSpec spec, int newRoles, int rounds) throws Exception {
    Scenario x = Scenario.generated(work, spec, newRoles, 5);
    Scenario y = Scenario.forBase(work, x.base(), newRoles, 6);
    assertThat(x.reference().export()).isNotEqualTo(y.reference().export());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 1; round <= rounds; round++) {
        Path db = Portals.copy(x.base(), work.resolve("race-" + round + ".db"));
        try (Sandbox sandbox = Portals.start(db, "app-roles", null, LATENCY, round)) {
          CountDownLatch go = new CountDownLatch(1);
          CompletableFuture<Cli> a = CompletableFuture.supplyAsync(() -> await(go, x, sandbox), pool);
          CompletableFuture<Cli> b = CompletableFuture.supplyAsync(() -> await(go, y, sandbox), pool);
          go.countDown();
          Cli ra = a.get(100, TimeUnit.SECONDS);
          Cli rb = b.get(100, TimeUnit.SECONDS);
          assertThat(List.of(ra.exit(), rb.exit())).as("round %d:\n%s\n%s", round, ra, rb).containsExactlyInAnyOrder(0, 1);
          Cli loser = ra.exit() == 1 ? ra : rb;
          Scenario winner = ra.exit() == 0 ? x : y;
          assertThat(loser.err()).containsAnyOf("the portal changed during apply", "kept changing while it was read");
          assertThat(loser.hasStackTrace()).as("stack trace in\n%s", loser).isFalse();
          Portals.assertConverged(sandbox.baseUrl(), winner.config(), winner.reference().export());
          System.out.printf("race %d: %s won; the other stopped: %s%n", round, winner == x ? "x" : "y",
              loser.err().lines().filter(l -> l.startsWith("error") || l.contains("stopped")).findFirst().orElse("?"));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Cli await(CountDownLatch go, Scenario s, Sandbox sandbox) {
    try {
      go.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Cli.apply(s.config(), sandbox.baseUrl());
  }
}
