package io.roleform.cli;

import io.roleform.config.ConfigLoader;
import io.roleform.config.ConfigResult;
import io.roleform.config.Variables;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code validate}'s config, loaded while picocli builds its model and parses the command line: a
 * fresh JVM spends a sizeable share of a validate run in picocli's reflection, on one core, and the
 * load runs on both. Started from {@link Main} only for a command line whose meaning for the load
 * is plain from its words alone: {@code validate CONFIG}, with at most {@code --verbose} and {@code
 * --format FORMAT} besides (no variable option, no {@code @file}, no {@code --}, no help); the
 * variables are then exactly the environment's {@code ROLEFORM_VAR_*} ones.
 *
 * <p>Guarantees: {@link ValidateCommand} uses the early result only when picocli parsed the same
 * config path and no variable option ({@link #take}); in every other case (another command line,
 * an early load that failed in any way) it loads the config itself, as before. Loading never
 * writes and prints nothing, so a load started for a command line picocli then refuses changes no
 * output (its thread is a daemon and ends with the JVM).
 */
final class EarlyConfig {
  private static final Set<String> FLAGS = Set.of("--verbose");
  private static final String FORMAT = "--format";

  private static volatile Started started;

  private record Started(Path config, CompletableFuture<ConfigResult> result) {}

  private EarlyConfig() {}

  /** Starts loading the config of {@code args} when they are a plain {@code validate CONFIG}. */
  static void start(String[] args, Map<String, String> env) {
    Path config = plainValidate(args);
    if (config == null) return;
    CompletableFuture<ConfigResult> result = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        result.complete(ConfigLoader.load(config, Variables.fromEnvironment(env)));
      } catch (Throwable e) {
        result.complete(null); // loaded again by the command, which reports what goes wrong
      }
    }, "roleform-early-config");
    t.setDaemon(true);
    started = new Started(config, result);
    t.start();
  }

  /**
   * The config path of a plain {@code validate CONFIG [--verbose] [--format FORMAT]} command line,
   * or {@code null} for anything else.
   */
  static Path plainValidate(String[] args) {
    if (args.length < 2 || !args[0].equals("validate")) return null;
    String positional = null;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (FLAGS.contains(a)) continue;
      if (a.equals(FORMAT) && i + 1 < args.length) {
        i++;
        continue;
      }
      if (a.startsWith(FORMAT + "=")) continue;
      if (a.isEmpty() || a.startsWith("-") || a.startsWith("@") || positional != null) return null;
      positional = a;
    }
    if (positional == null) return null;
    try {
      return Path.of(positional);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** The load started last and not yet taken, or {@code null} (for tests). */
  static CompletableFuture<ConfigResult> pending() {
    Started s = started;
    return s == null ? null : s.result();
  }

  /**
   * The early result for {@code config} (waiting for it if needed), once: {@code null} when none
   * was started for that path, when it failed, or when {@code environmentOnly} is false (the
   * command's variables are not the environment's alone). Either way the early load is forgotten.
   */
  static ConfigResult take(Path config, boolean environmentOnly) {
    Started s = started;
    started = null;
    if (s == null || !environmentOnly || !s.config().equals(config)) return null;
    return s.result().join();
  }
}
