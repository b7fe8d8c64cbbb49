package io.roleform.cli;

import io.roleform.config.ConfigLoader;
import java.util.Map;
import java.util.Set;

/** Entry point of the {@code roleform} command. */
public final class Main {
  /** The commands that read a config, for which the config schema is compiled while picocli parses. */
  static final Set<String> LOADS_CONFIG = Set.of("validate", "plan", "apply", "check", "report");

  private static final Set<String> NO_RUN = Set.of("-h", "--help", "-V", "--version");

  private Main() {}

  public static void main(String[] args) {
    int relaunched = Relaunch.run();
    if (relaunched < 0) relaunched = EntrypointHeap.run(args);
    if (relaunched >= 0) System.exit(relaunched);
    Map<String, String> env = System.getenv();
    startEarly(args, env);
    System.exit(RoleformCommand.run(args, System.out, System.err, env));
  }

  /**
   * For a command about to load a config: compiles the schema ({@link ConfigLoader#prepare}) and,
   * for a plain {@code validate CONFIG}, loads the config ({@link EarlyConfig}), both on threads of
   * their own while picocli parses the command line on this one.
   */
  static void startEarly(String[] args, Map<String, String> env) {
    if (!loadsConfig(args)) return;
    ConfigLoader.prepare();
    EarlyConfig.start(args, env);
  }

  /** Whether a run with these arguments is about to load a config (not a help or version request). */
  static boolean loadsConfig(String[] args) {
    if (args.length < 2 || !LOADS_CONFIG.contains(args[0])) return false;
    for (String a : args) if (NO_RUN.contains(a)) return false;
    return true;
  }
}
