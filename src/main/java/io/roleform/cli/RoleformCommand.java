package io.roleform.cli;

import io.roleform.portal.PortalRegistry;
import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code roleform} command; sub-commands do the work. */
@Command(
    name = "roleform",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Roles, permissions, role order and memberships of an admin portal, as code.",
    subcommands = {
      ValidateCommand.class,
      PlanCommand.class,
      ApplyCommand.class,
      ExportCommand.class,
      CompletionCommand.class,
      SandboxCommand.class,
      CommandLine.HelpCommand.class
    })
public final class RoleformCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Map<String, String> env;
  private final PortalRegistry registry;
  private final Terminal terminal;

  RoleformCommand(Map<String, String> env, PortalRegistry registry, Terminal terminal) {
    this.env = Map.copyOf(env);
    this.registry = registry;
    this.terminal = terminal;
  }

  /** The terminal the command runs in (injected, so tests can answer prompts). */
  public Terminal terminal() {
    return terminal;
  }

  /** The portal kinds this command line knows (injected, so tests can add their own). */
  public PortalRegistry registry() {
    return registry;
  }

  /** The environment the command runs in (injected, so tests control it). */
  public Map<String, String> env() {
    return env;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * The command line model with this environment, for tools and tests that parse arguments
   * without running a command (for example, checking the CI examples' invocations). Streams and
   * error handlers are picocli's defaults; use {@link #run} to run a command.
   */
  public static CommandLine commandLine(Map<String, String> env) {
    return new CommandLine(new RoleformCommand(env, PortalRegistry.installed(), Terminal.none()));
  }

  /** Runs the command line with injected streams and environment; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    return run(args, out, err, env, PortalRegistry.installed());
  }

  /** As {@link #run(String[], PrintStream, PrintStream, Map)}, with these portal kinds. */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env,
      PortalRegistry registry) {
    return run(args, out, err, env, registry, Terminal.system());
  }

  /** As {@link #run(String[], PrintStream, PrintStream, Map)}, with these portal kinds and terminal. */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env,
      PortalRegistry registry, Terminal terminal) {
    return Cli.create(out, err, env, registry, terminal).execute(args);
  }
}
