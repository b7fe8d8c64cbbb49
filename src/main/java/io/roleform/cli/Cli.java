package io.roleform.cli;

import io.roleform.portal.PortalRegistry;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import io.roleform.render.Text;
import picocli.CommandLine;

/** Builds the picocli command line with injected streams, environment and error handling. */
final class Cli {
  private Cli() {}

  /**
   * The command line for a run with {@code arguments} (which decide the sub-commands modelled: {@link
   * RoleformCommand#subcommandsFor}); the portal kinds are looked up when a command needs them.
   */
  static CommandLine create(PrintStream out, PrintStream err, Map<String, String> env,
      Supplier<PortalRegistry> registry, Terminal terminal, String[] arguments) {
    CommandLine cl = RoleformCommand.withSubcommands(new CommandLine(new RoleformCommand(env, registry, terminal)),
        RoleformCommand.subcommandsFor(arguments));
    cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    // Usage errors exit 1, never picocli's default 2 (which means "changes present" here).
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine c = ex.getCommandLine();
          String msg = ex.getMessage() == null ? "invalid arguments" : ex.getMessage();
          c.getErr().println("error: " + (msg.startsWith("Error: ") ? msg.substring(7) : msg));
          c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
          return ExitCodes.ERROR;
        });
    // Nothing escapes as a stack trace: commands handle their own expected failures; anything
    // else is a bug, reported in one paragraph.
    cl.setExecutionExceptionHandler(
        (ex, c, parseResult) -> {
          if (ex instanceof CliException e) {
            // Messages quote config and portal data: escaped like the plan, never raw control characters.
            c.getErr().println("error: " + Text.cleanLines(e.getMessage()));
            return e.exitCode();
          }
          c.getErr().println("error: internal error: " + Text.cleanLines(String.valueOf(ex)));
          c.getErr().println("This is a bug in roleform; please report it with the command you ran.");
          return ExitCodes.ERROR;
        });
    return cl;
  }
}
