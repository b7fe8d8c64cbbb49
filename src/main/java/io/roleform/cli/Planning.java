package io.roleform.cli;

import io.roleform.config.ConfigLoader;
import io.roleform.config.ConfigResult;
import io.roleform.config.DesiredState;
import io.roleform.config.Diagnostic;
import io.roleform.config.Redactor;
import io.roleform.config.Variables;
import io.roleform.plan.Plan;
import io.roleform.plan.PlanOptions;
import io.roleform.plan.PlanResult;
import io.roleform.plan.Planner;
import io.roleform.portal.LiveState;
import io.roleform.render.DiagnosticsRenderer;
import io.roleform.render.Text;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The steps plan and apply share: load the config, read the portal, make the plan. */
final class Planning {
  private Planning() {}

  /** Loads and validates the config; prints every problem and fails with exit 1 if any. */
  static DesiredState load(Path config, Map<String, String> env, PrintWriter err) {
    return checked(ConfigLoader.load(config, env), config, err);
  }

  /** The desired state of a loaded config; prints every problem and fails with exit 1 if any. */
  static DesiredState checked(ConfigResult result, Path config, PrintWriter err) {
    if (!result.problems().isEmpty()) {
      report(result.problems(), err);
      throw new CliException(ExitCodes.ERROR,
          problems(result.problems().size()) + " in " + config + "; nothing was changed.");
    }
    return result.desired();
  }

  /**
   * Plans the change; plan-time problems (unknown permission, user ...) fail with exit 1. With
   * {@code verbose}, prints the plan's info notes on {@code err} as {@code info: ...} lines.
   */
  static Plan plan(DesiredState desired, LiveState live, PlanOptions options, String portal, PrintWriter err,
      boolean verbose) {
    return plan(desired, live, options, portal, err, verbose, Variables.NONE);
  }

  /**
   * Plans the change; plan-time problems and notes are printed without any value of {@code
   * variables}. The plan returned holds the real values: redact it before showing it.
   */
  static Plan plan(DesiredState desired, LiveState live, PlanOptions options, String portal, PrintWriter err,
      boolean verbose, Variables variables) {
    PlanResult result = Planner.plan(desired, live, options, portal);
    Redactor redactor = Redactor.messages(variables);
    if (verbose) result.notes().forEach(n -> err.println("info: " + Text.clean(redactor.apply(n))));
    if (!result.problems().isEmpty()) {
      report(result.problems().stream().map(redactor::apply).toList(), err);
      throw new CliException(ExitCodes.ERROR, problems(result.problems().size())
          + " found against the live portal " + portal + "; nothing was changed.");
    }
    return result.plan();
  }

  private static void report(List<Diagnostic> problems, PrintWriter err) {
    err.print(DiagnosticsRenderer.text(problems.stream().sorted(Diagnostic.ORDER).toList()));
  }

  private static String problems(int n) {
    return n == 1 ? "1 problem" : n + " problems";
  }
}
