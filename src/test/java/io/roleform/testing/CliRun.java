package io.roleform.testing;

import io.roleform.cli.RoleformCommand;
import io.roleform.cli.Terminal;
import io.roleform.portal.PortalRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One in-process run of the real command line — the same parsing, commands and exit codes as
 * {@code roleform} — with an injected environment, capturing stdout and stderr. Test support only.
 */
public record CliRun(List<String> args, int exitCode, String out, String err) {

  public static CliRun run(Map<String, String> env, String... args) {
    return run(env, List.of(args));
  }

  public static CliRun run(Map<String, String> env, List<String> args) {
    return run(PortalRegistry.installed(), env, args);
  }

  /** A run whose command line knows the portal kinds of {@code registry}. */
  public static CliRun run(PortalRegistry registry, Map<String, String> env, List<String> args) {
    return run(registry, Terminal.none(), env, args);
  }

  /** A run at {@code terminal} (answers to prompts come from its input). */
  public static CliRun run(PortalRegistry registry, Terminal terminal, Map<String, String> env, List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = RoleformCommand.run(args.toArray(String[]::new), o, e, env, registry, terminal);
    }
    return new CliRun(List.copyOf(args), code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "roleform " + String.join(" ", args) + "\nexit " + exitCode + "\n--- stdout ---\n" + out
        + "\n--- stderr ---\n" + err;
  }
}
