package io.roleform.cli;

import io.roleform.config.ConfigLoader;
import io.roleform.config.ConfigResult;
import io.roleform.config.DesiredState;
import io.roleform.config.Variables;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A config loading on a background thread while the portal is opened and read, so that the two
 * slowest steps of plan and apply overlap (loading a large config is CPU work; reading the portal
 * is mostly waiting). The config still comes first for the user: when a portal step fails and the
 * config has problems, the config's problems are reported (exit 1), as if it had been loaded
 * first. Loading never writes anything, so starting it early changes nothing else.
 */
final class PendingConfig {
  private final Path config;
  private final CompletableFuture<ConfigResult> result;

  private PendingConfig(Path config, CompletableFuture<ConfigResult> result) {
    this.config = config;
    this.result = result;
  }

  static PendingConfig start(Path config, Map<String, String> env) {
    return start(config, Variables.fromEnvironment(env));
  }

  /** Starts loading {@code config} with these variables. */
  static PendingConfig start(Path config, Variables variables) {
    // A thread of its own (not a common-pool worker), so that the loader's parallel file parsing
    // can still use the common pool.
    return new PendingConfig(config, CompletableFuture.supplyAsync(() -> loadAndStartDigest(config, variables),
        task -> {
          Thread t = new Thread(task, "roleform-config");
          t.setDaemon(true);
          t.start();
        }));
  }

  /**
   * Loads the config and, when it is valid, starts its digest (recorded in the plan) on a thread
   * of its own, so that the hashing overlaps the rest of the portal read and the diff.
   */
  private static ConfigResult loadAndStartDigest(Path config, Variables variables) {
    ConfigResult r = ConfigLoader.load(config, variables);
    if (r.ok()) r.desired().configDigest().start();
    return r;
  }

  /** Waits for the config; prints its problems and fails with exit 1 if it has any. */
  DesiredState await(PrintWriter err) {
    return Planning.checked(result.join(), config, err);
  }

  /** Waits for the config (its files and variables too); fails with exit 1 if it has problems. */
  ConfigResult awaitResult(PrintWriter err) {
    ConfigResult r = result.join();
    Planning.checked(r, config, err);
    return r;
  }

  /**
   * Runs a portal step through {@code pending} ({@link #portalStep}), or alone when no config is
   * loading ({@code pending == null}: {@code report} without a config, {@code apply --plan}).
   */
  static <T> T step(PendingConfig pending, PrintWriter err, Supplier<T> step) {
    return pending == null ? step.get() : pending.portalStep(err, step);
  }

  /** Runs a portal step; if it fails, a broken config is reported instead of the portal's error. */
  <T> T portalStep(PrintWriter err, Supplier<T> step) {
    try {
      return step.get();
    } catch (RuntimeException e) {
      await(err);
      throw e;
    }
  }
}
