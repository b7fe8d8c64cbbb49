package io.roleform.cli;

import io.roleform.config.DesiredState;
import io.roleform.config.Redactor;
import io.roleform.config.Variables;
import io.roleform.plan.Plan;
import io.roleform.plan.PlannedAccess;
import io.roleform.policy.AccessState;
import io.roleform.portal.LiveState;
import io.roleform.render.AccessReport;
import io.roleform.render.AtomicFile;
import io.roleform.render.ReportData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code roleform report}: who has which access and why, for auditors and reviewers. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write the access report: every user's permissions and the roles granting them.",
      "",
      "Without CONFIG: the live portal as it is. With CONFIG: the plan's before and after, every",
      "change highlighted, policy violations marked and access expiring soon listed (the same",
      "plan 'roleform plan' shows; nothing is changed).",
      "",
      "--format html: one self-contained file (no network, no external assets), readable without",
      "scripts, searchable and filterable by user, role and permission with them; a link can",
      "carry the filter: report.html#user=dana&role=billing&perm=purchase&changed=1&flagged=1.",
      "--format csv: one row per user, role and permission, for spreadsheets.",
      "--format json: the same rows, the policy findings and the expiring access.",
      "",
      "The config's variables come from ROLEFORM_VAR_NAME, --var, --var-file and",
      "--var-sensitive, as for 'roleform plan'; a sensitive value is shown as",
      "(sensitive) in every format and message. Without CONFIG there is nothing to fill in:",
      "--var, --var-file and --var-sensitive are then an error (exit 1), not ignored.",
      "",
      "Exit codes: 0 written, 1 error."
    },
    footer = {
      "",
      "Examples:",
      "  roleform report --portal embedded:secure-exchanges --format html --out access.html",
      "  roleform report config/ --portal https://portal.acme.example --format csv --out access.csv",
      "  roleform report config/ --var-sensitive TICKET=T-8841 --format json --out access.json"
    })
final class ReportCommand implements Callable<Integer> {

  @ParentCommand RoleformCommand parent;
  @Spec CommandSpec spec;
  @Mixin PortalOptions portal;
  @Mixin SafetyOptions safety;
  @Mixin ExpiryOptions expiry;
  @Mixin VariableOptions variables;

  @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG",
      description = "A config file or directory: report the plan's before and after instead of the live state.")
  Path config;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "html",
      description = "html, csv or json (default: ${DEFAULT-VALUE}).")
  AccessReport format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE (default: stdout).")
  Path out;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    if (config == null && variables.given()) throw variablesWithoutConfig(variables.givenOptions());
    Variables vars = variables.variables(parent.env());
    // Only the HTML report shows the config's digest.
    PendingConfig pending = config == null ? null : PendingConfig.start(config, vars, format == AccessReport.html);
    try (PortalConnection conn = PendingConfig.step(pending, err,
        () -> PortalConnection.open(parent.registry(), portal, parent.env(), Streams.err(spec)))) {
      LiveState live = PendingConfig.step(pending, err, () -> PortalConnection.call(conn.client()::read));
      Plan plan = null;
      AccessState before = PlannedAccess.before(live);
      AccessState after = before;
      if (pending != null) {
        DesiredState desired = pending.await(err);
        plan = Planning.plan(desired, live, expiry.apply(safety.toPlanOptions()), conn.label(), err,
            portal.verbose, vars, ExpiryOptions.clock(parent.env()));
        after = PlannedAccess.after(live, plan);
      }
      // The plan and the after-state hold the real values; the report's data takes the sensitive
      // ones out of every text before any format renders (and escapes) it.
      ReportData data = ReportData.of(conn.label(), live.portal().stateVersion(), live.permissions(), live.users(),
          plan, before, after, Redactor.sensitive(vars));
      write(data);
      if (out != null) {
        err.println("Wrote the " + format + " access report of " + live.users().size() + " users to " + out
            + (plan == null ? "" : plan.isRefused() ? " (the plan is refused; see the report)" : ""));
      }
      return ExitCodes.OK;
    }
  }

  /**
   * Variables given to a report of the live state alone: they fill {@code ${NAME}} in a config, and
   * there is none, so they would change nothing — said rather than ignored (a forgotten CONFIG
   * would otherwise pass as a report of the plan).
   */
  static CliException variablesWithoutConfig(java.util.List<String> options) {
    String names = options.size() == 1 ? options.get(0)
        : String.join(", ", options.subList(0, options.size() - 1)) + " and " + options.get(options.size() - 1);
    return new CliException(ExitCodes.ERROR, names + (options.size() == 1 ? " is" : " are")
        + " given without a CONFIG: variables fill ${NAME} in a config, and without one the report shows the"
        + " live portal as it is, so they would be ignored. Name the config (roleform report CONFIG "
        + options.get(0) + " ...) to report the plan's before and after, or leave "
        + (options.size() == 1 ? "it" : "them") + " out.");
  }

  private void write(ReportData data) {
    if (out == null) {
      var buffer = new java.io.ByteArrayOutputStream();
      format.write(data, buffer);
      var stdout = spec.commandLine().getOut();
      stdout.print(buffer.toString(java.nio.charset.StandardCharsets.UTF_8));
      stdout.flush();
      return;
    }
    try {
      AtomicFile.write(out, o -> format.write(data, o));
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new CliException(ExitCodes.ERROR, "Cannot write the report to " + out + ": " + e.getMessage());
    }
  }
}
