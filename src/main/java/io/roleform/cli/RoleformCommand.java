package io.roleform.cli;

import io.roleform.portal.PortalRegistry;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code roleform} command; sub-commands do the work. */
@Command(
    name = "roleform",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Roles, permissions, role order and memberships of an admin portal, as code.")
public final class RoleformCommand implements Runnable {

  /**
   * The sub-commands, in the order help lists them. Added by {@link #commandLine(Map)} and {@link
   * Cli#create}, not by the annotation: building picocli's model of every sub-command (reflection
   * over each one's options and mixins) cost ~0.1 s of CPU at every start, so a run of one command
   * models only that one ({@link #subcommandsFor}).
   */
  static final List<Class<?>> SUBCOMMANDS = List.of(
      ValidateCommand.class,
      PlanCommand.class,
      CheckCommand.class,
      ReportCommand.class,
      ApplyCommand.class,
      ExportCommand.class,
      CompletionCommand.class,
      SandboxCommand.class,
      CommandLine.HelpCommand.class);

  /** Sub-commands that look at their siblings (help texts, completion scripts): never modelled alone. */
  private static final Set<String> NEED_SIBLINGS = Set.of("help", "completion");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Map<String, String> env;
  private final Supplier<PortalRegistry> registry;
  private final Terminal terminal;
  private PortalRegistry loaded;

  RoleformCommand(Map<String, String> env, PortalRegistry registry, Terminal terminal) {
    this(env, () -> registry, terminal);
  }

  /** With the portal kinds looked up only when a command first needs them (validate never does). */
  RoleformCommand(Map<String, String> env, Supplier<PortalRegistry> registry, Terminal terminal) {
    this.env = Map.copyOf(env);
    this.registry = registry;
    this.terminal = terminal;
  }

  /**
   * The sub-commands to model for a run with these arguments: the one named by the first argument
   * when it names one that does not look at its siblings, else all of them. What the user sees is
   * the same: a sub-command's parsing, help and messages do not depend on its siblings.
   */
  static List<Class<?>> subcommandsFor(String[] args) {
    if (args.length == 0 || NEED_SIBLINGS.contains(args[0])) return SUBCOMMANDS;
    for (Class<?> c : SUBCOMMANDS) {
      Command command = c.getAnnotation(Command.class);
      if (command != null && command.name().equals(args[0]) && command.aliases().length == 0) return List.of(c);
    }
    return SUBCOMMANDS;
  }

  /** {@code root} with these sub-commands added. */
  static CommandLine withSubcommands(CommandLine root, List<Class<?>> subcommands) {
    for (Class<?> c : subcommands) root.addSubcommand(c);
    return root;
  }

  /** The terminal the command runs in (injected, so tests can answer prompts). */
  public Terminal terminal() {
    return terminal;
  }

  /** The portal kinds this command line knows (injected, so tests can add their own). */
  public synchronized PortalRegistry registry() {
    if (loaded == null) loaded = registry.get();
    return loaded;
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
    return withSubcommands(new CommandLine(new RoleformCommand(env, PortalRegistry::installed, Terminal.none())),
        SUBCOMMANDS);
  }

  /** Runs the command line with injected streams and environment; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    return Cli.create(out, err, env, PortalRegistry::installed, Terminal.system(), args).execute(args);
  }

  /** As {@link #run(String[], PrintStream, PrintStream, Map)}, with these portal kinds. */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env,
      PortalRegistry registry) {
    return run(args, out, err, env, registry, Terminal.system());
  }

  /** As {@link #run(String[], PrintStream, PrintStream, Map)}, with these portal kinds and terminal. */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env,
      PortalRegistry registry, Terminal terminal) {
    return Cli.create(out, err, env, () -> registry, terminal, args).execute(args);
  }
}
