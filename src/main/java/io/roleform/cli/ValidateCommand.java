package io.roleform.cli;

import io.roleform.config.ConfigLoader;
import io.roleform.config.ConfigResult;
import io.roleform.config.Variables;
import io.roleform.render.DiagnosticsRenderer;
import io.roleform.render.Text;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code roleform validate CONFIG}: offline check of a config's shape and internal references. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Checks a config offline: YAML, the schema, and references inside the config.",
      "Permission ids and users are checked against the portal by `plan`.",
      "",
      "Exit status: 0 valid, 1 invalid (or unreadable).",
      "Output: with --format text, problems go to stderr and the summary of a valid config",
      "to stdout. With json or github, problems go to stdout (json prints [] when valid)."
    },
    footer = {
      "",
      "Examples:",
      "  roleform validate examples/app-roles",
      "  roleform validate config/ --format github   # annotate the pull request"
    })
final class ValidateCommand implements Callable<Integer> {

  /** The output formats of {@code --format}. */
  enum Format { text, json, github }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @ParentCommand RoleformCommand parent;

  @CommandLine.Mixin VariableOptions variables;

  @Option(names = "--verbose", description = "Also note symbolic links followed out of the config directory (on stderr).")
  boolean verbose;

  @Parameters(index = "0", paramLabel = "CONFIG",
      description = "A config file, or a directory of *.yaml / *.yml files (read recursively).")
  Path config;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    Variables vars = variables.variables(parent.env());
    // Loaded while picocli parsed (Main, EarlyConfig) when the command line was a plain one.
    ConfigResult result = EarlyConfig.take(config, !variables.given());
    if (result == null) result = ConfigLoader.load(config, vars);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (verbose) result.notes().forEach(n -> err.println("note: " + Text.clean(n)));
    switch (format) {
      case json -> out.print(DiagnosticsRenderer.json(result.problems()));
      case github -> out.print(DiagnosticsRenderer.github(result.problems()));
      default -> {
        if (result.ok()) {
          int roles = result.desired().roles().size();
          int files = result.desired().files().size();
          out.println("valid: " + roles + (roles == 1 ? " role" : " roles") + " in " + files
              + (files == 1 ? " file" : " files"));
        } else {
          err.print(DiagnosticsRenderer.text(result.problems()));
          int n = result.problems().size();
          err.println(n + (n == 1 ? " problem" : " problems") + " found.");
        }
      }
    }
    out.flush();
    err.flush();
    return result.ok() ? ExitCodes.OK : ExitCodes.ERROR;
  }
}
