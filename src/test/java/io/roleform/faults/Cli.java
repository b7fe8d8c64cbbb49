package io.roleform.faults;

import io.roleform.testing.CliRun;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One in-process run of the real command line, as {@code demo-write} (alice). */
record Cli(int exit, String out, String err) {

  static final Map<String, String> ENV = Map.of("ROLEFORM_TOKEN", "demo-write", "NO_COLOR", "1");

  /** Limits lifted so that generated configs are not refused; the scenarios are not about limits. */
  static final List<String> NO_LIMITS =
      List.of("--max-member-removals", "1000000", "--max-member-removal-percent", "100");

  static Cli run(String... args) {
    CliRun r = CliRun.run(ENV, args);
    return new Cli(r.exitCode(), r.out(), r.err());
  }

  /** {@code apply CONFIG --auto-approve --portal URL} with the limits lifted. */
  static Cli apply(String config, URI portal) {
    return run(applyArgs(config, portal).toArray(String[]::new));
  }

  static List<String> applyArgs(String config, URI portal) {
    List<String> args = new ArrayList<>(List.of("apply", config, "--auto-approve", "--portal", portal.toString()));
    args.addAll(NO_LIMITS);
    return args;
  }

  /** The live state as {@code roleform export} writes it: order, roles, members, settings. */
  static String export(URI portal) {
    Cli r = run("export", "--portal", portal.toString());
    if (r.exit != 0) {
      throw new AssertionError("export failed: " + r);
    }
    return r.out;
  }

  /** {@code plan --detailed-exitcode}: 0 when the portal matches the config. */
  static Cli plan(String config, URI portal) {
    List<String> args = new ArrayList<>(List.of("plan", config, "--detailed-exitcode", "--portal", portal.toString()));
    args.addAll(NO_LIMITS);
    return run(args.toArray(String[]::new));
  }

  private static final java.util.regex.Pattern STACK_FRAME =
      java.util.regex.Pattern.compile("(?m)^\\s+at [\\w.$<>]+\\(|^Caused by: |Exception in thread");

  /** Whether stderr holds a Java stack trace (a frame line, "Caused by:" or an uncaught exception). */
  boolean hasStackTrace() {
    return STACK_FRAME.matcher(err).find();
  }

  @Override
  public String toString() {
    return "exit " + exit + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
  }
}
