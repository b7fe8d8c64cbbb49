package io.roleform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report CONFIG} takes the config's variables as {@code plan} does ({@code --var}, {@code
 * --var-file}, {@code --var-sensitive}, {@code ROLEFORM_VAR_NAME}), and a sensitive value is in no
 * report format, written to a file or to stdout, nor in any message — also a value holding the
 * characters that HTML, CSV and JSON escape, in a role name, a policy name and an invited user's
 * email.
 */
@Tag("security")
class ReportVariablesTest {
  private static final Map<String, String> ENV = Map.of("NO_COLOR", "1");
  private static final String PORTAL = "embedded:secure-exchanges";
  /** Every form of the values below (raw or escaped) holds this. */
  private static final String CORE = "tk8841";
  /** Quote, backslash, markup, an ampersand, non-ASCII and a control character. */
  private static final String TICKET = "\"" + CORE + "\\<b>&amp;'\u00e9\u0007,x";
  private static final String NEWCOMER = CORE + "-new@acme.example";

  /**
   * A new role whose name holds ${TICKET}, with a live user and an invitee as members, and a policy
   * (named with ${TICKET}) that the plan breaks: every place a variable reaches the report.
   */
  private static final String CONFIG = """
      apiVersion: roleform/v1
      users:
        - email: ${NEWCOMER}
          firstName: New ${TICKET}
      roles:
        - name: Team ${TICKET}
          description: Approved in ${TICKET}
          permissions: [logs, billing]
          members: [ivan@acme.example, "${NEWCOMER}"]
      policies:
        - name: logs-apart-${TICKET}
          exclusive: {permissions: [billing, logs]}
      """;

  @TempDir Path dir;

  @Test
  void varAndVarFileAreTaken() throws Exception {
    Path config = Files.writeString(dir.resolve("c.yaml"), CONFIG);
    Path vars = Files.writeString(dir.resolve("vars.yaml"), "TICKET: T-1\nNEWCOMER: nina@acme.example\n");

    CliRun withVar = CliRun.run(ENV, "report", config.toString(), "--portal", PORTAL, "--format", "json",
        "--var", "TICKET=T-1", "--var", "NEWCOMER=nina@acme.example");
    CliRun withFile = CliRun.run(ENV, "report", config.toString(), "--portal", PORTAL, "--format", "json",
        "--var-file", vars.toString());
    CliRun withEnv = CliRun.run(Map.of("NO_COLOR", "1", "ROLEFORM_VAR_TICKET", "T-1",
        "ROLEFORM_VAR_NEWCOMER", "nina@acme.example"), "report", config.toString(), "--portal", PORTAL,
        "--format", "json");

    for (CliRun report : new CliRun[] {withVar, withFile, withEnv}) {
      assertThat(report.exitCode()).as(report.toString()).isZero();
      assertThat(report.out()).as(report.toString())
          .contains("\"role\" : \"Team T-1\"", "\"user\" : \"nina@acme.example\"", "logs-apart-T-1");
    }
  }

  @Test
  void aMissingVariableNamesTheOptions() throws Exception {
    Path config = Files.writeString(dir.resolve("c.yaml"), CONFIG);
    CliRun report = CliRun.run(ENV, "report", config.toString(), "--portal", PORTAL, "--var", "TICKET=T-1");
    assertThat(report.exitCode()).as(report.toString()).isEqualTo(1);
    assertThat(report.err()).contains("NEWCOMER", "--var").doesNotContain("Exception");
  }

  /**
   * A problem found against the portal names its place by key ({@code /roles/Team .../permissions/0},
   * {@code /policies/NAME/...}): a sensitive value in that key — with a {@code /}, which the path
   * escapes as {@code ~1} — is redacted there too, by report, plan and check.
   */
  @Test
  void aProblemsPathNamesNoSensitiveValue() throws Exception {
    Path config = Files.writeString(dir.resolve("bad.yaml"), """
        apiVersion: roleform/v1
        roles:
          - name: Team ${TICKET}
            permissions: [logz]
        policies:
          - name: only-${TICKET}
            onlyIn: {permission: billing, roles: [Nope]}
        """);
    String value = "ops/" + CORE + "~x";
    for (String command : new String[] {"report", "plan", "check"}) {
      CliRun run = CliRun.run(ENV, command, config.toString(), "--portal", PORTAL, "--var-sensitive", "TICKET=" + value);
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
      assertThat(run.out() + run.err()).as(command).doesNotContain(CORE).contains("bad.yaml:", "(sensitive)");
    }
  }

  @Test
  void variablesWithoutAConfigAreAnErrorNamingTheOption() throws Exception {
    Path vars = Files.writeString(dir.resolve("vars.yaml"), "TICKET: T-1\n");
    Path out = dir.resolve("live.html");
    String[][] cases = {
      {"--var", "TICKET=T-1"},
      {"--var-file", vars.toString()},
      {"--var-sensitive", "TICKET"}, // not set: still this message, before the variable is looked up
      {"--var-sensitive", "TICKET=" + TICKET},
      {"--var", "A=1", "--var-file", vars.toString()},
    };
    for (String[] options : cases) {
      java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("report", "--portal", PORTAL,
          "--out", out.toString()));
      args.addAll(java.util.List.of(options));
      CliRun run = CliRun.run(ENV, args);
      String named = options.length == 2 ? options[0] + " is" : "--var and --var-file are";
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
      assertThat(run.err()).as(run.toString()).startsWith("error: " + named + " given without a CONFIG: ")
          .contains("Name the config (roleform report CONFIG " + options[0] + " ...)")
          .doesNotContain(CORE).doesNotContain("\n    at ");
      assertThat(run.err().strip().lines()).as("one paragraph").hasSize(1);
      assertThat(run.out()).isEmpty();
      assertThat(out).doesNotExist();
    }
    // The same report without the options is written; ROLEFORM_VAR_NAME in the environment is no option.
    CliRun live = CliRun.run(Map.of("NO_COLOR", "1", "ROLEFORM_VAR_TICKET", "T-1"), "report", "--portal", PORTAL,
        "--out", out.toString());
    assertThat(live.exitCode()).as(live.toString()).isZero();
    assertThat(out).exists();
  }

  @Test
  void aMissingVariableFileIsOneSentence() throws Exception {
    Path config = Files.writeString(dir.resolve("c.yaml"), CONFIG);
    Path missing = dir.resolve("missing.yaml");
    CliRun report = CliRun.run(ENV, "report", config.toString(), "--portal", PORTAL, "--var-file", missing.toString());
    assertThat(report.exitCode()).as(report.toString()).isEqualTo(1);
    assertThat(report.err().strip()).isEqualTo("error: Bad variable: the variable file " + missing + " does not exist.");
  }

  @Test
  void aSensitiveValueIsInNoFormatFileOrMessage() throws Exception {
    Path config = Files.writeString(dir.resolve("c.yaml"), CONFIG);
    for (String format : new String[] {"html", "csv", "json"}) {
      Path file = dir.resolve("report." + format);
      CliRun toFile = report(config, format, "--out", file.toString());
      CliRun toStdout = report(config, format);

      assertThat(toFile.exitCode()).as(toFile.toString()).isZero();
      assertThat(toStdout.exitCode()).as(toStdout.toString()).isZero();
      String written = Files.readString(file);
      assertThat(written).as(format).doesNotContain(CORE).contains("Team (sensitive)", "logs-apart-(sensitive)");
      assertThat(toStdout.out()).as(format).isEqualTo(written);
      assertThat(toFile.out() + toFile.err() + toStdout.err()).as(format).doesNotContain(CORE);
      // The invitee (a user of the after-state only) is shown, by the redacted email.
      assertThat(written).as(format).contains("(sensitive)");
    }
  }

  @Test
  void aSensitiveValueOfTheEnvironmentToo() throws Exception {
    Path config = Files.writeString(dir.resolve("c.yaml"), CONFIG);
    CliRun report = CliRun.run(Map.of("NO_COLOR", "1", "ROLEFORM_VAR_TICKET", TICKET,
        "ROLEFORM_VAR_NEWCOMER", NEWCOMER), "report", config.toString(), "--portal", PORTAL, "--format", "csv",
        "--var-sensitive", "TICKET", "--var-sensitive", "NEWCOMER");
    assertThat(report.exitCode()).as(report.toString()).isZero();
    assertThat(report.out() + report.err()).doesNotContain(CORE).contains("Team (sensitive)");
  }

  /**
   * A member written as a sensitive value in another case than the portal's ({@code
   * IVAN@ACME.EXAMPLE} for the live {@code ivan@acme.example}): emails match ignoring case, so the
   * portal's spelling is the value too, and hidden in the report and the plan.
   */
  @Test
  void aSensitiveEmailIsHiddenInTheCaseThePortalWritesIt() throws Exception {
    Path config = Files.writeString(dir.resolve("c.yaml"), """
        apiVersion: roleform/v1
        roles:
          - name: Support Techs
            members: [grace@acme.example, heidi@acme.example, "${WHO}"]
        """);
    for (String format : new String[] {"html", "csv", "json"}) {
      CliRun report = CliRun.run(ENV, "report", config.toString(), "--portal", PORTAL, "--format", format,
          "--var-sensitive", "WHO=IVAN@ACME.EXAMPLE");
      assertThat(report.exitCode()).as(report.toString()).isZero();
      assertThat((report.out() + report.err()).toLowerCase(java.util.Locale.ROOT)).as(format)
          .doesNotContain("ivan@acme.example").contains("(sensitive)");
    }
    CliRun plan = CliRun.run(ENV, "plan", config.toString(), "--portal", PORTAL, "--var-sensitive",
        "WHO=IVAN@ACME.EXAMPLE");
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
    assertThat((plan.out() + plan.err()).toLowerCase(java.util.Locale.ROOT)).doesNotContain("ivan@acme.example")
        .contains("(sensitive)");
  }

  private static CliRun report(Path config, String format, String... more) {
    String[] args = new String[] {"report", config.toString(), "--portal", PORTAL, "--format", format,
        "--var-sensitive", "TICKET=" + TICKET, "--var-sensitive", "NEWCOMER=" + NEWCOMER};
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return CliRun.run(ENV, all);
  }
}
