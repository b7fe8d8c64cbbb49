package io.roleform.cli;

import io.roleform.config.ConfigDigest;
import io.roleform.config.ConfigLoader;
import io.roleform.config.ConfigResult;
import io.roleform.config.ConfigSource;
import io.roleform.config.DesiredState;
import io.roleform.config.Diagnostic;
import io.roleform.config.Redactor;
import io.roleform.config.Variables;
import io.roleform.plan.Fingerprint;
import io.roleform.plan.Fingerprints;
import io.roleform.plan.MadeFrom;
import io.roleform.plan.Plan;
import io.roleform.plan.PlanFormatException;
import io.roleform.plan.PlanOptions;
import io.roleform.plan.PlanRedaction;
import io.roleform.plan.PlanResult;
import io.roleform.plan.PlanSignature;
import io.roleform.plan.PlanVerification;
import io.roleform.plan.Planner;
import io.roleform.plan.SavedPlan;
import io.roleform.portal.LiveState;
import io.roleform.portal.PortalRegistry;
import io.roleform.render.DiagnosticsRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A saved plan, verified rather than trusted ({@code apply --plan FILE}). Before any request: the
 * signature when {@code ROLEFORM_PLAN_KEY} is set, the plan against what it says it was made from,
 * the sensitive variables, the saved config, and the destination of the token. After the live
 * state is read: the fingerprint (stale: exit 3), then the plan is made again from the saved config
 * and the live state, with the same planner (so safety limits and policies are evaluated again),
 * and applied only if its operations, access impact and refusals are identical to the saved ones
 * (else exit 3). What is applied is the plan made again — the saved file only has to match it.
 */
final class VerifiedPlan {
  private static final long MAX_BYTES = 256L * 1024 * 1024;

  // Only what planning again needs: not the carried files (as text in madeFrom, as bytes in the
  // loaded config's sources), 2 × 60 MB at XL while the portal is read and the plan made again.
  private final Path file;
  private final Plan saved;
  private final PlanOptions options;
  private final DesiredState desired;
  private final Variables variables;
  private final String address;

  private VerifiedPlan(Path file, Plan saved, PlanOptions options, DesiredState desired, Variables variables,
      String address) {
    this.file = file;
    this.saved = saved;
    this.options = options;
    this.desired = desired;
    this.variables = variables;
    this.address = address;
  }

  /** The portal address to open: the one given, or the plan's own when that is local. */
  String address() {
    return address;
  }

  /** The saved plan (redacted). */
  Plan saved() {
    return saved;
  }

  /**
   * Reads and checks a saved plan file; touches no portal.
   *
   * @param given the address of {@code --portal}/{@code ROLEFORM_PORTAL_URL}, or {@code null}
   * @param supplied the variables of this command line (for the sensitive ones)
   */
  static VerifiedPlan read(PortalRegistry registry, Path file, Map<String, String> env, String given,
      Variables supplied) {
    String text = readText(file);
    String key = PlanKey.from(env);
    if (key != null) {
      switch (PlanSignature.check(text, key)) {
        case VALID -> { }
        case UNSIGNED -> throw mismatch(file, "it is not signed, and " + PlanKey.VARIABLE
            + " is set, so only a plan signed with that key is applied (sign it with the same key at 'plan --out')");
        case WRONG -> throw mismatch(file, "its signature does not match " + PlanKey.VARIABLE
            + " (the file was changed after it was signed, or signed with another key)");
      }
    } else if (PlanSignature.isSigned(text)) {
      throw new CliException(ExitCodes.ERROR, "The saved plan " + file + " is signed, but " + PlanKey.VARIABLE
          + " is not set, so its signature cannot be checked; set it to the key the plan was signed with. Nothing was changed.");
    }
    SavedPlan saved;
    try {
      saved = SavedPlan.read(text);
    } catch (PlanFormatException e) {
      throw new CliException(ExitCodes.ERROR, "The plan file " + file + " is not a valid roleform plan: " + e.getMessage());
    }
    MadeFrom made = saved.madeFrom();
    // The carried config's files and their digest, made once: checked here, then the digest of
    // the config loaded below (the plan made again is compared digest and all).
    List<ConfigSource> sources = made == null ? List.of() : made.sources();
    ConfigDigest digest = ConfigDigest.of(sources);
    String problem = PlanVerification.checkMadeFrom(saved.plan(), made, digest);
    if (problem != null) throw mismatch(file, problem);
    String address = destination(registry, file, saved.plan().portal(), given);
    List<String> missing = made.missingSensitive(supplied);
    if (!missing.isEmpty()) {
      throw new CliException(ExitCodes.ERROR, "The saved plan " + file + " was made with the sensitive variable"
          + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
          + "; pass the same value" + (missing.size() == 1 ? "" : "s")
          + " with --var-sensitive NAME=VALUE (or ROLEFORM_VAR_NAME and --var-sensitive NAME). Nothing was changed.");
    }
    List<String> different = made.differentSensitive(supplied);
    if (!different.isEmpty()) {
      throw mismatch(file, "the value of the sensitive variable" + (different.size() == 1 ? " " : "s ")
          + String.join(", ", different) + " is not the one it was made with");
    }
    List<String> changed = made.differentValues(supplied);
    if (!changed.isEmpty()) {
      throw mismatch(file, "the variable" + (changed.size() == 1 ? " " : "s ") + String.join(", ", changed)
          + (changed.size() == 1 ? " is" : " are") + " given a value other than the one it was made with"
          + " (a saved plan is applied with the variables it was made with; give the same value or none)");
    }
    Variables variables = made.variablesWith(supplied);
    ConfigResult config = ConfigLoader.load(sources, "saved plan", variables, digest);
    if (!config.ok()) {
      Diagnostic first = config.problems().get(0);
      throw mismatch(file, "the config it carries is not valid (" + DiagnosticsRenderer.clean(Redactor.messages(variables).apply(first)).format() + ")");
    }
    return new VerifiedPlan(file, saved.plan(), made.options(), config.desired(), variables, address);
  }

  /**
   * The plan to apply: made again from the saved config and {@code live}, identical to the saved
   * one (after redaction).
   *
   * @param clock the clock that decides which memberships have expired — the same one {@code plan}
   *     uses ({@code ROLEFORM_NOW} in tests), so a plan made and applied at the same instant agrees
   *     with itself; a membership that expired between plan and apply makes the plans differ (exit 3)
   *
   * @throws CliException exit 3 when the portal changed since the plan was made, or when the plan
   *     made again differs from the saved one
   */
  Plan replan(LiveState live, String portalLabel, PrintWriter err, java.time.Clock clock) {
    Plan plan = saved;
    Fingerprint now = Fingerprints.of(live);
    if (!now.equals(plan.fingerprint())) {
      throw new CliException(ExitCodes.STALE, "The saved plan " + file
          + " is stale: the portal changed since it was made (state version "
          + plan.fingerprint().stateVersion() + " then, " + now.stateVersion()
          + " now). Nothing was changed; run plan again and review the new plan.");
    }
    // The live state hashed once: the plan made again records the fingerprint just compared.
    PlanResult again = Planner.plan(desired, live, now, options, portalLabel, clock);
    if (!again.ok()) {
      Redactor redactor = Redactor.messages(variables);
      err.print(DiagnosticsRenderer.text(again.problems().stream().map(redactor::apply).toList()));
      throw mismatch(file, "planning again from the config it carries fails against the same live state");
    }
    Plan redacted = PlanRedaction.redact(again.plan(), Redactor.sensitive(variables));
    String difference = PlanVerification.difference(plan, redacted);
    if (difference != null) throw mismatch(file, difference);
    return again.plan();
  }

  /** The variables the saved config is loaded with (for redacting messages). */
  Variables variables() {
    return variables;
  }

  private static String destination(PortalRegistry registry, Path file, String planPortal, String given) {
    if (given != null) {
      String label = PortalConnection.labelOf(registry, given);
      if (!trim(label).equals(trim(planPortal))) {
        throw new CliException(ExitCodes.ERROR, "The saved plan " + file + " was made against the portal "
            + planPortal + ", not " + label + "; the token is sent only to the portal given, so apply it there"
            + " (or make a new plan against " + label + "). Nothing was changed.");
      }
      return given;
    }
    if (!PortalConnection.isLocal(registry, planPortal)) {
      throw new CliException(ExitCodes.ERROR, "The saved plan " + file + " names the portal " + planPortal
          + "; pass --portal (or set ROLEFORM_PORTAL_URL) to say where the token may be sent. Without one, only"
          + " an embedded: or loopback portal named in the plan is used. Nothing was changed.");
    }
    return planPortal;
  }

  private static String trim(String label) {
    return label.replaceAll("/+$", "");
  }

  private static CliException mismatch(Path file, String why) {
    return new CliException(ExitCodes.STALE, "Refused " + file + ": the saved plan does not match what it was made from ("
        + why + "). Nothing was changed; run plan again and review the new plan.");
  }

  private static String readText(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new CliException(ExitCodes.ERROR, "The plan file " + file + " is larger than 256 MiB; it is not a roleform plan.");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException(ExitCodes.ERROR, "Cannot read the plan file " + file + ": " + e.getMessage());
    }
  }
}
