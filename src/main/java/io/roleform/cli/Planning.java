package io.roleform.cli;

import io.roleform.config.ConfigLoader;
import io.roleform.config.ConfigResult;
import io.roleform.config.DesiredState;
import io.roleform.config.Diagnostic;
import io.roleform.config.Redactor;
import io.roleform.config.Variables;
import io.roleform.plan.Fingerprint;
import io.roleform.plan.Fingerprints;
import io.roleform.plan.Plan;
import io.roleform.plan.PlanOptions;
import io.roleform.plan.PlanResult;
import io.roleform.plan.Planner;
import io.roleform.portal.LiveState;
import io.roleform.render.DiagnosticsRenderer;
import io.roleform.render.Text;
import java.io.PrintWriter;
import java.time.Clock;
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
   * Plans the change as of now; plan-time problems (unknown permission, user ...) fail with exit 1.
   * With {@code verbose}, prints the plan's info notes on {@code err} as {@code info: ...} lines.
   */
  static Plan plan(DesiredState desired, LiveState live, PlanOptions options, String portal, PrintWriter err,
      boolean verbose) {
    return plan(desired, live, options, portal, err, verbose, Variables.NONE);
  }

  /**
   * Plans the change as of now; plan-time problems and notes are printed without any value of
   * {@code variables}. The plan returned holds the real values: redact it before showing it.
   */
  static Plan plan(DesiredState desired, LiveState live, PlanOptions options, String portal, PrintWriter err,
      boolean verbose, Variables variables) {
    return plan(desired, live, options, portal, err, verbose, variables, Clock.systemUTC());
  }

  /**
   * As above, as of {@code clock} (which decides which memberships have expired); the plan's
   * fingerprint is hashed only if read (the text plan never shows it).
   */
  static Plan plan(DesiredState desired, LiveState live, PlanOptions options, String portal, PrintWriter err,
      boolean verbose, Variables variables, Clock clock) {
    return plan(desired, live, options, portal, err, verbose, variables, clock, false);
  }

  /**
   * As above; with {@code fingerprintShown} (a saved plan, the JSON plan) the live state is hashed
   * on a thread of its own while the diff runs, else only if read (2,000,000 memberships at XL).
   */
  static Plan plan(DesiredState desired, LiveState live, PlanOptions options, String portal, PrintWriter err,
      boolean verbose, Variables variables, Clock clock, boolean fingerprintShown) {
    Fingerprint fingerprint = Fingerprints.lazy(live);
    if (fingerprintShown) fingerprint.start();
    PlanResult result = Planner.plan(desired, live, fingerprint, options, portal, clock);
    Redactor redactor = Redactor.messages(variables);
    if (verbose) result.notes().forEach(n -> err.println("info: " + Text.clean(redactor.apply(n))));
    if (!result.problems().isEmpty()) {
      report(result.problems().stream().map(redactor::apply).toList(), err);
      throw new CliException(ExitCodes.ERROR, problems(result.problems().size())
          + " found against the live portal " + portal + "; nothing was changed.");
    }
    return result.plan();
  }

  /**
   * The failure for a refused plan (exit 4): {@code refused by policy NAME} when policies refuse it,
   * and/or the safety limits.
   */
  static CliException refused(Plan plan, String whereShown) {
    List<String> policies = plan.refusingPolicies();
    String what;
    if (policies.isEmpty()) {
      what = "Refused by a safety limit";
    } else {
      what = "Refused by policy " + String.join(", refused by policy ", policies)
          + (plan.refusals().isEmpty() ? "" : ", and by a safety limit");
    }
    return new CliException(ExitCodes.REFUSED, what + " (" + whereShown + "); nothing was changed. "
        + (policies.isEmpty() ? "Override a limit only after review."
            : "Change the config so that the policy holds, or change the policy after review."));
  }

  private static void report(List<Diagnostic> problems, PrintWriter err) {
    err.print(DiagnosticsRenderer.text(problems.stream().sorted(Diagnostic.ORDER).toList()));
  }

  private static String problems(int n) {
    return n == 1 ? "1 problem" : n + " problems";
  }
}
