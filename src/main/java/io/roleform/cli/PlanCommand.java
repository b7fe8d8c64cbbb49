package io.roleform.cli;

import io.roleform.config.ConfigResult;
import io.roleform.config.Redactor;
import io.roleform.config.Variables;
import io.roleform.plan.MadeFrom;
import io.roleform.plan.Plan;
import io.roleform.plan.PlanOptions;
import io.roleform.plan.PlanRedaction;
import io.roleform.plan.SavedPlan;
import io.roleform.portal.LiveState;
import io.roleform.render.Text;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code roleform plan}: show what apply would change, and who gains and loses which access. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Show the changes apply would make, and who gains and loses which permission.",
      "",
      "Compares the config with the live portal; changes nothing. --out saves the plan for",
      "'apply --plan FILE', which applies exactly that plan or refuses it if the portal changed.",
      "",
      "Exit codes: 0 no changes (or changes without --detailed-exitcode), 1 error,",
      "2 changes present (with --detailed-exitcode), 4 refused by a safety limit or a policy",
      "('refused by policy NAME').",
      "",
      "Members written {email, until: YYYY-MM-DD} keep the role to the end of that day (UTC); then",
      "the plan removes them ('access expired on ...'). Every plan lists the memberships that",
      "expire within --expiring-within days. With --only-expired the plan holds nothing but those",
      "removals (every other difference is left for a reviewed plan), checked by the same safety",
      "limits and policies: a nightly job can remove expired access whatever else has drifted."
    },
    footer = {
      "",
      "Example:",
      "  roleform plan examples/secure-exchanges --portal embedded:secure-exchanges",
      "  ROLEFORM_TOKEN=... roleform plan config/ --portal https://portal.acme.example --format markdown --out plan.json",
      "  roleform plan config/ --only-expired --out expired.json && roleform apply --plan expired.json"
    })
final class PlanCommand implements Callable<Integer> {

  @ParentCommand RoleformCommand parent;
  @Spec CommandSpec spec;
  @Mixin PortalOptions portal;
  @Mixin SafetyOptions safety;
  @Mixin ExpiryOptions expiry;
  @Mixin VariableOptions variables;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "A config file, or a directory of *.yaml/*.yml files.")
  Path config;

  @Option(names = "--out", paramLabel = "FILE", description = "Also save the plan as JSON, for 'apply --plan FILE'.")
  Path out;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output on stdout: text, json or markdown (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = "--detailed-exitcode", description = "Exit 2 when there are changes (as Terraform).")
  boolean detailedExitCode;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    Variables vars = variables.variables(parent.env());
    String key = out != null ? PlanKey.from(parent.env()) : null;
    // The text plan shows neither hash; the JSON plan and a saved plan show both, markdown the
    // config's digest: those are started early, on threads of their own.
    boolean saved = out != null;
    PendingConfig pending = PendingConfig.start(config, vars, saved || format != OutputFormat.text);
    try (PortalConnection conn =
        pending.portalStep(err, () -> PortalConnection.open(parent.registry(), portal, parent.env(), Streams.err(spec)))) {
      LiveState live = pending.portalStep(err, () -> PortalConnection.call(conn.client()::read));
      ConfigResult loaded = pending.awaitResult(err);
      if (portal.verbose) loaded.notes().forEach(n -> err.println("note: " + Text.clean(n)));
      PlanOptions options = expiry.apply(safety.toPlanOptions());
      // Every output, the saved plan included, shows sensitive values as (sensitive).
      Plan plan = PlanRedaction.redact(
          Planning.plan(loaded.desired(), live, options, conn.label(), err, portal.verbose, vars,
              ExpiryOptions.clock(parent.env()), saved || format == OutputFormat.json),
          Redactor.sensitive(vars));
      if (saved) {
        MadeFrom made = MadeFrom.of(conn.label(), options, loaded, vars);
        Files2.writeAtomically(out, file -> SavedPlan.write(plan, made, key, file));
      }
      spec.commandLine().getOut().print(format.renderer(parent.env(), parent.terminal()).render(plan));
      spec.commandLine().getOut().flush();
      if (plan.isRefused()) throw Planning.refused(plan, "see the plan above");
      return plan.hasChanges() && detailedExitCode ? ExitCodes.CHANGES : ExitCodes.OK;
    }
  }
}
