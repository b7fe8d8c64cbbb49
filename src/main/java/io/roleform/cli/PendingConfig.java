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

  /**
   * Starts loading {@code config} with the variables of {@code env}.
   *
   * @param digestShown whether the output shows the config's digest (see {@link #start(Path,
   *     Variables, boolean)})
   */
  static PendingConfig start(Path config, Map<String, String> env, boolean digestShown) {
    return start(config, Variables.fromEnvironment(env), digestShown);
  }

  /**
   * Starts loading {@code config} with these variables.
   *
   * @param digestShown whether the output shows the config's digest (a saved plan, the JSON and
   *     markdown plans, the HTML report): then it is hashed on a thread of its own as soon as the
   *     config is loaded, overlapping the portal read and the diff; otherwise only if read (60 MB
   *     at XL cost ≈ 0.6 s of CPU under the launcher's C1-only JVM, for a text plan that never
   *     shows it)
   */
  static PendingConfig start(Path config, Variables variables, boolean digestShown) {
    // A thread of its own (not a common-pool worker), so that the loader's parallel file parsing
    // can still use the common pool.
    return new PendingConfig(config, CompletableFuture.supplyAsync(() -> load(config, variables, digestShown),
        task -> {
          Thread t = new Thread(task, "roleform-config");
          t.setDaemon(true);
          t.start();
        }));
  }

  /** Loads the config and, when it is valid and its digest is shown, starts the digest. */
  private static ConfigResult load(Path config, Variables variables, boolean digestShown) {
    ConfigResult r = ConfigLoader.load(config, variables);
    if (r.ok() && digestShown) r.desired().configDigest().start();
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
