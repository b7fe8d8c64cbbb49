package io.roleform.cli;

import io.roleform.config.DesiredState;
import io.roleform.config.Diagnostic;
import io.roleform.config.Redactor;
import io.roleform.config.Variables;
import io.roleform.policy.AccessState;
import io.roleform.policy.PolicyCheck;
import io.roleform.policy.PolicyFinding;
import io.roleform.policy.PolicyReferences;
import io.roleform.portal.LiveState;
import io.roleform.render.CheckRenderer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code roleform check}: the config's policies against the live portal alone (a nightly audit). */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check the config's policies against the live portal as it is now.",
      "",
      "Evaluates every policy of the config's policies: section on the live access alone (no",
      "plan is made, nothing is changed): for a nightly audit of access changed outside roleform.",
      "Each broken policy is listed with where it is written, the users or roles breaking it and",
      "the config lines behind them. A disabled user holds nothing (they cannot log in), and",
      "a pending applier holds nothing until approved: neither counts for any rule, whatever",
      "roles the portal lists them in.",
      "",
      "Exit codes: 0 every policy holds, 1 error (invalid config, a policy naming an unknown role",
      "or permission, portal error), 2 violations found."
    },
    footer = {
      "",
      "Examples:",
      "  roleform check examples/secure-exchanges --portal embedded:secure-exchanges",
      "  ROLEFORM_TOKEN=... roleform check config/ --portal https://portal.acme.example --format json > violations.json"
    })
final class CheckCommand implements Callable<Integer> {

  /** The output formats of {@code --format}. */
  enum Format { text, json }

  @ParentCommand RoleformCommand parent;
  @Spec CommandSpec spec;
  @Mixin PortalOptions portal;
  @Mixin VariableOptions variables;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "A config file, or a directory of *.yaml/*.yml files.")
  Path config;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output on stdout: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    var out = spec.commandLine().getOut();
    Variables vars = variables.variables(parent.env());
    // Messages echo no substituted value; findings show a sensitive one as (sensitive), as plans do.
    Redactor messages = Redactor.messages(vars);
    Redactor sensitive = Redactor.sensitive(vars);
    PendingConfig pending = PendingConfig.start(config, vars, false);
    try (PortalConnection conn =
        pending.portalStep(err, () -> PortalConnection.open(parent.registry(), portal, parent.env(), Streams.err(spec)))) {
      LiveState live = pending.portalStep(err, () -> PortalConnection.call(conn.client()::read));
      DesiredState desired = pending.await(err);
      List<Diagnostic> problems = PolicyReferences.check(desired, live);
      if (!problems.isEmpty()) {
        problems.stream().sorted(Diagnostic.ORDER).forEach(d -> err.println(messages.apply(d).format()));
        throw new CliException(ExitCodes.ERROR, (problems.size() == 1 ? "1 problem" : problems.size() + " problems")
            + " in the policies of " + config + " against the live portal " + conn.label() + ".");
      }
      List<PolicyFinding> findings = PolicyCheck.check(desired, AccessState.of(live));
      // Redacted as values, before a renderer escapes them: an escaped value would not be matched.
      List<PolicyFinding> shown = findings.stream().map(f -> f.redacted(sensitive)).toList();
      String label = sensitive.apply(conn.label());
      long version = live.portal().stateVersion();
      out.print(format == Format.json
          ? CheckRenderer.json(label, version, desired.policies().size(), shown)
          : CheckRenderer.text(label, version, desired.policies().size(), shown));
      out.flush();
      if (desired.policies().isEmpty()) err.println("note: " + config + " has no policies: section; nothing to check.");
      return findings.isEmpty() ? ExitCodes.OK : ExitCodes.CHANGES;
    }
  }
}
