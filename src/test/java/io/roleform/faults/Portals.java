package io.roleform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import io.roleform.portal.http.HttpPortalClient;
import io.roleform.portal.http.HttpPortalConfig;

import io.roleform.sandbox.FaultSpec;
import io.roleform.sandbox.GenerateSpec;
import io.roleform.sandbox.Sandbox;
import io.roleform.sandbox.SandboxOptions;
import io.roleform.portal.transport.RetryPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** In-process sandboxes on database files: seeding, copying, restarting, reading, comparing. */
final class Portals {
  private Portals() {}

  static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  /** Seeds {@code dir/base.db} with a profile (and generated data, may be null); returns its path. */
  static Path seed(Path dir, String profile, GenerateSpec generate) {
    Path base = dir.resolve("base.db");
    start(base, profile, generate, null, 1).close();
    return base;
  }

  /** Starts a sandbox on {@code db}; faults may be null. */
  static Sandbox start(Path db, String profile, GenerateSpec generate, FaultSpec faults, long seed) {
    try {
      return Sandbox.start(new SandboxOptions(0, db.toString(), profile, null, faults, seed, 0, generate, false, QUIET));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Sandbox start(Path db, String profile) {
    return start(db, profile, null, null, 1);
  }

  /** Copies a closed sandbox's database file to {@code target} (replacing it and its WAL files). */
  static Path copy(Path base, Path target) {
    try {
      Files.copy(base, target, StandardCopyOption.REPLACE_EXISTING);
      Files.deleteIfExists(Path.of(target + "-wal"));
      Files.deleteIfExists(Path.of(target + "-shm"));
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The export after a fault-free apply of {@code config} to a fresh copy of {@code base}: the
   * state every faulty scenario must end in exactly.
   */
  static Reference reference(Path base, String profile, String config, Path work) {
    Path db = copy(base, work.resolve("reference-" + System.nanoTime() + ".db"));
    try (Sandbox sandbox = start(db, profile)) {
      Cli r = Cli.apply(config, sandbox.baseUrl());
      assertThat(r.exit()).as("fault-free reference apply\n%s", r).isZero();
      long requests = sandbox.requestCounts().values().stream().mapToLong(Long::longValue).sum();
      return new Reference(Cli.export(sandbox.baseUrl()), requests);
    }
  }

  /** A fault-free apply's outcome: the export, and the requests it took (plan read included). */
  record Reference(String export, long requests) {}

  /** The live state through a fault-free client with retries off. */
  static LiveState read(URI portal) {
    try (HttpPortalClient client = HttpPortalClient.create(new HttpPortalConfig(
        portal, "demo-read", false, Duration.ofSeconds(30), RetryPolicy.none(), null))) {
      return client.read();
    }
  }

  /** No two roles share a name (case-insensitively), and the member table names only known roles. */
  static void assertNoDuplicates(LiveState live) {
    Set<String> names = new TreeSet<>();
    for (LiveRole role : live.roles()) {
      assertThat(names.add(role.name().toLowerCase(Locale.ROOT))).as("duplicate role %s", role.name()).isTrue();
    }
    assertThat(live.members().keySet())
        .isEqualTo(live.roles().stream().map(LiveRole::id).collect(Collectors.toSet()));
  }

  /** The exact-state check: export equals the reference, no duplicates, and plan shows no change. */
  static void assertConverged(URI portal, String config, String reference) {
    assertThat(Cli.export(portal)).isEqualTo(reference);
    assertNoDuplicates(read(portal));
    Cli plan = Cli.plan(config, portal);
    assertThat(plan.exit()).as("plan after convergence\n%s", plan).isZero();
  }
}
