package io.roleform.cli;

import io.roleform.apply.Applier;
import io.roleform.apply.ApplyReport;
import io.roleform.apply.ApplyReportJson;
import io.roleform.apply.OperationOutcome;
import io.roleform.config.ConfigResult;
import io.roleform.config.DesiredState;
import io.roleform.render.Text;
import io.roleform.config.Redactor;
import io.roleform.config.Variables;
import io.roleform.plan.Plan;
import io.roleform.plan.PlanRedaction;
import io.roleform.portal.LiveState;
import io.roleform.render.TextPlanRenderer;
import io.roleform.render.Colors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code roleform apply}: make the portal match the config, or carry out a saved plan exactly. */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Make the live portal match the config, or apply a saved plan exactly.",
      "",
      "Make the live portal match the config (plan, show, confirm, apply), or apply a saved plan",
      "exactly as it was reviewed. A saved plan is refused when the portal changed since it was",
      "made. It is applied with the options and variables it was made with; any given beside",
      "--plan must agree with them. Without a terminal, apply CONFIG needs --auto-approve.",
      "",
      "Exit codes: 0 applied (or nothing to do), 1 error (including another writer changing the",
      "portal during apply), 3 saved plan is stale, 4 refused by a safety limit or a policy",
      "(nothing written)."
    },
    footer = {
      "",
      "Examples:",
      "  roleform apply examples/secure-exchanges --portal embedded:secure-exchanges --auto-approve",
      "  roleform plan config/ --out plan.json && roleform apply --plan plan.json",
      "  roleform apply config/ --only-expired --auto-approve   # remove expired access, nothing else"
    })
final class ApplyCommand implements Callable<Integer> {

  static final class Source {
    @Parameters(index = "0", paramLabel = "CONFIG", arity = "0..1",
        description = "A config file, or a directory of *.yaml/*.yml files.")
    Path config;

    @Option(names = "--plan", paramLabel = "FILE", description = "Apply this saved plan (from 'plan --out') after planning it again: only if it comes out identical (else exit 3). Needs --portal unless the plan's portal is embedded: or loopback. The plan keeps the options and variables it was made with: a safety, pruning or expiry option or a variable given with --plan must have the same value (else exit 3).")
    Path planFile;
  }

  @ParentCommand RoleformCommand parent;
  @Spec CommandSpec spec;
  @Mixin PortalOptions portal;
  @Mixin SafetyOptions safety;
  @Mixin ExpiryOptions expiry;
  @Mixin VariableOptions variables;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = "--auto-approve", description = "Apply without asking (required when not on a terminal).")
  boolean autoApprove;

  @Option(names = "--report", paramLabel = "FILE", description = "Write each operation's outcome as JSON to FILE.")
  Path report;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    var out = spec.commandLine().getOut();
    Variables vars = variables.variables(parent.env());
    VerifiedPlan saved = source.planFile == null ? null
        : VerifiedPlan.read(parent.registry(), source.planFile, parent.env(), PortalConnection.address(portal, parent.env()), vars);
    if (saved != null) portal.portal = saved.address(); // the one given, or the plan's own local one
    if (saved != null) {
      SavedPlanOptions.check(source.planFile, spec.commandLine().getParseResult(), safety, expiry,
          saved.saved().options());
    }
    Redactor messages = Redactor.messages(saved != null ? saved.variables() : vars);
    PendingConfig pending = saved == null ? PendingConfig.start(source.config, vars, false) : null;
    try (PortalConnection conn = PendingConfig.step(pending, err,
        () -> PortalConnection.open(parent.registry(), portal, parent.env(), Streams.err(spec)))) {
      LiveState live = PendingConfig.step(pending, err, () -> PortalConnection.call(conn.client()::read));
      Plan plan;
      if (saved != null) {
        plan = saved.replan(live, conn.label(), err, ExpiryOptions.clock(parent.env()));
      } else {
        ConfigResult loaded = pending.awaitResult(err);
        if (portal.verbose) loaded.notes().forEach(n -> err.println("note: " + Text.clean(n)));
        DesiredState desired = loaded.desired();
        plan = Planning.plan(desired, live, expiry.apply(safety.toPlanOptions()), conn.label(), err, portal.verbose,
            vars, ExpiryOptions.clock(parent.env()));
        Plan shown = PlanRedaction.redact(plan, Redactor.sensitive(vars));
        out.print(new TextPlanRenderer(Colors.enabled(parent.terminal().interactive(), parent.env())).render(shown));
        out.flush();
      }
      if (plan.isRefused()) throw Planning.refused(plan, "see the plan");
      if (!plan.hasChanges()) {
        if (report != null) Files2.writeAtomically(report, ApplyReportJson.write(new ApplyReport(java.util.List.of(), false)));
        err.println(plan.options().onlyExpired() ? "No changes. No expired access to remove."
            : "No changes. The portal matches the config.");
        return ExitCodes.OK;
      }
      if (saved == null && !autoApprove) confirm();
      ApplyReport result = new Applier(conn.client(), new StderrProgress(err, messages)).apply(plan);
      if (report != null) Files2.writeAtomically(report, ApplyReportJson.write(result, messages::apply));
      if (!result.succeeded()) {
        OperationOutcome failed = result.failure().orElseThrow();
        String why = result.stoppedByConcurrentChange()
            ? "the portal changed during apply (another writer?); run plan again"
            : messages.apply(failed.message()).replaceFirst("[.\\s]+$", ""); // the sentence goes on below
        throw new CliException(ExitCodes.ERROR, "Apply stopped at operation " + failed.index() + " of "
            + plan.operations().size() + ": " + why + ". " + done(result)
            + " Re-running apply continues from the live state.");
      }
      out.println("Apply complete: " + plan.operations().size() + " operations applied.");
      return ExitCodes.OK;
    }
  }

  private static String done(ApplyReport r) {
    long n = r.outcomes().stream().filter(o -> o.status() == OperationOutcome.Status.DONE).count();
    return n + (n == 1 ? " operation was" : " operations were") + " applied before it.";
  }

  private void confirm() {
    if (!parent.terminal().interactive()) {
      throw new CliException(ExitCodes.ERROR,
          "Not on a terminal, so apply cannot ask for confirmation; nothing was changed. "
              + "Review the plan above and re-run with --auto-approve, or save it with 'plan --out FILE' and run 'apply --plan FILE'.");
    }
    var out = spec.commandLine().getOut();
    out.print("\nApply these changes? Only 'yes' will be accepted: ");
    out.flush();
    String answer;
    try {
      answer = new BufferedReader(new InputStreamReader(parent.terminal().in(), StandardCharsets.UTF_8)).readLine();
    } catch (IOException e) {
      answer = null;
    }
    if (!"yes".equals(answer == null ? null : answer.strip())) {
      throw new CliException(ExitCodes.ERROR, "Apply cancelled; nothing was changed.");
    }
  }

}
