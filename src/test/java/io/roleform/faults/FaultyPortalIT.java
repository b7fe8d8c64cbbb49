package io.roleform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.sandbox.FaultSpec;
import io.roleform.sandbox.GenerateSpec;
import io.roleform.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the portal failing 35% of requests (20% 5xx, 10% 429, 5% resets; half of the 5xx and
 * resets on writes happen after the write committed), repeated applies converge within 10 runs
 * to exactly the state a fault-free apply gives: nothing lost, nothing duplicated.
 */
@Tag("faults")
class FaultyPortalIT {
  static final FaultSpec FAULTS = FaultSpec.parse("5xx=0.2,429=0.1,reset=0.05");
  static final int MAX_RUNS = 10;

  @TempDir Path work;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void appRolesExampleConverges() {
    Path base = Portals.seed(work, "app-roles", null);
    converges(base, Path.of("examples/app-roles").toAbsolutePath().toString(), 11);
  }

  @Test
  @Timeout(value = 150, unit = TimeUnit.SECONDS)
  void generatedConfigConverges() {
    Path base = Portals.seed(work, "app-roles", new GenerateSpec(200, 8, 400));
    converges(base, generatedConfig(base, 8), 12);
  }

  @Test
  @Tag("slow")
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void largeGeneratedConfigConvergesUnderManySeeds() {
    Path base = Portals.seed(work, "app-roles", new GenerateSpec(3000, 40, 6000));
    String config = generatedConfig(base, 40);
    for (long seed = 101; seed <= 103; seed++) {
      converges(base, config, seed);
    }
  }

  private String generatedConfig(Path base, int newRoles) {
    try (Sandbox sandbox = Portals.start(Portals.copy(base, work.resolve("read.db")), "app-roles")) {
      return GeneratedConfig.write(work.resolve("config"), Portals.read(sandbox.baseUrl()), newRoles, 5)
          .toString();
    }
  }

  private void converges(Path base, String config, long faultSeed) {
    Portals.Reference reference = Portals.reference(base, "app-roles", config, work);
    Path db = Portals.copy(base, work.resolve("faulty-" + faultSeed + ".db"));
    List<Cli> runs = new ArrayList<>();
    long requests;
    try (Sandbox sandbox = Portals.start(db, "app-roles", null, FAULTS, faultSeed)) {
      while (runs.size() < MAX_RUNS && (runs.isEmpty() || runs.get(runs.size() - 1).exit() != 0)) {
        Cli run = Cli.apply(config, sandbox.baseUrl());
        assertThat(run.exit()).as("each run ends in 0 or a clean error\n%s", run).isIn(0, 1);
        assertThat(run.hasStackTrace()).as("stack trace in\n%s", run).isFalse();
        runs.add(run);
        if (run.exit() != 0) {
          System.out.printf("faults seed %d, run %d: %s%n", faultSeed, runs.size(),
              run.err().lines().filter(l -> l.startsWith("error")).findFirst().orElse("?"));
        }
      }
      requests = sandbox.requestCounts().values().stream().mapToLong(Long::longValue).sum();
    }
    assertThat(runs.get(runs.size() - 1).exit()).as("converged within %d runs: %s", MAX_RUNS, runs).isZero();
    assertThat(requests).as("faults forced retries: more requests than a fault-free apply")
        .isGreaterThan(reference.requests());
    try (Sandbox clean = Portals.start(db, "app-roles")) {
      Portals.assertConverged(clean.baseUrl(), config, reference.export());
    }
    System.out.printf("faults seed %d: converged in %d run(s), %d requests at the sandbox%n",
        faultSeed, runs.size(), requests);
  }
}
