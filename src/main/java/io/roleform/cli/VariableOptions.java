package io.roleform.cli;

import io.roleform.config.VariableFile;
import io.roleform.config.Variables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The variables a config may use as {@code ${NAME}}, shared (as a {@code @Mixin}) by every command
 * that loads a config. Sources, later ones winning: {@code ROLEFORM_VAR_NAME} environment
 * variables, {@code --var-file} files in order, {@code --var}, {@code --var-sensitive}. Nothing else
 * of the environment is visible to a config, and a token, secret or password never is.
 */
public final class VariableOptions {

  @Option(names = "--var", paramLabel = "NAME=VALUE",
      description = "Set ${NAME} in the config (repeatable). Also: ROLEFORM_VAR_NAME in the environment.")
  List<String> vars = new ArrayList<>();

  @Option(names = "--var-file", paramLabel = "FILE",
      description = "YAML file of NAME: value (or NAME: {value: ..., sensitive: true}) (repeatable).")
  List<Path> varFiles = new ArrayList<>();

  @Option(names = "--var-sensitive", paramLabel = "NAME[=VALUE]",
      description = "Set ${NAME}, shown as (sensitive) in every output; without =VALUE, marks ROLEFORM_VAR_NAME sensitive (repeatable).")
  List<String> sensitiveVars = new ArrayList<>();

  /** Whether any variable option was given (else the variables are the environment's alone). */
  boolean given() {
    return !givenOptions().isEmpty();
  }

  /** The variable options given, by name ({@code --var}, {@code --var-file}, {@code --var-sensitive}). */
  List<String> givenOptions() {
    List<String> given = new ArrayList<>();
    if (!vars.isEmpty()) given.add("--var");
    if (!varFiles.isEmpty()) given.add("--var-file");
    if (!sensitiveVars.isEmpty()) given.add("--var-sensitive");
    return given;
  }

  /**
   * The variables of these options and {@code env}.
   *
   * @throws CliException (exit 1) for a malformed option, an unreadable variable file, or a
   *     forbidden name; the message never holds a value
   */
  public Variables variables(Map<String, String> env) {
    Variables v = Variables.fromEnvironment(env);
    try {
      for (Path f : varFiles) v = VariableFile.read(f, v);
      for (String s : vars) v = set(v, "--var", s, false);
      for (String s : sensitiveVars) {
        v = s.indexOf('=') < 0 ? v.markSensitive(s) : set(v, "--var-sensitive", s, true);
      }
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.ERROR, "Bad variable: " + e.getMessage() + ".");
    }
    return v;
  }

  private static Variables set(Variables v, String option, String arg, boolean sensitive) {
    int eq = arg.indexOf('=');
    if (eq <= 0) throw new IllegalArgumentException(option + " expects NAME=VALUE");
    try {
      return v.with(arg.substring(0, eq), arg.substring(eq + 1), sensitive);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": " + e.getMessage());
    }
  }
}
