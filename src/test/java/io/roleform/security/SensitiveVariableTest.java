package io.roleform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sensitive variable is {@code (sensitive)} in every output and absent from the saved plan, which
 * apply re-plans only with the same value given again.
 */
@Tag("security")
class SensitiveVariableTest {
  private static final String VALUE = "ticket-8841-confidential";
  private static final String CONFIG = """
      apiVersion: roleform/v1
      roles:
        - name: Auditors
          description: "Approved in ${TICKET}"
          permissions: [logs]
      """;

  @TempDir Path dir;
  PortalForTest portal;
  Path config;

  @BeforeEach
  void start() throws Exception {
    portal = PortalForTest.start("secure-exchanges");
    config = dir.resolve("c.yaml");
    Files.writeString(config, CONFIG);
  }

  @AfterEach
  void stop() {
    portal.close();
  }

  @Test
  void everyPlanFormatAndTheSavedPlanShowSensitive() throws Exception {
    for (String format : new String[] {"text", "json", "markdown"}) {
      Path out = dir.resolve("plan-" + format + ".json");
      CliRun plan = CliRun.run(portal.env(), "plan", config.toString(), "--var-sensitive", "TICKET=" + VALUE,
          "--format", format, "--out", out.toString());
      assertThat(plan.exitCode()).as(plan.toString()).isZero();
      assertThat(plan.out() + plan.err()).doesNotContain(VALUE).contains("(sensitive)");
      assertThat(Files.readString(out)).doesNotContain(VALUE).contains("(sensitive)");
    }
  }

  /**
   * A value holding what the formats escape — {@code "} and {@code \} (JSON, Markdown), a control
   * character, a tab and a line separator (the text plan), markup — is redacted in the plan's values
   * before any renderer escapes it: no plan format, saved plan, apply output or apply report holds
   * any form of it, and {@code apply --plan} with it applies the reviewed plan.
   */
  @Test
  void aValueEveryFormatEscapesIsInNoPlanFormatNorInApply() throws Exception {
    String core = "tk8841";
    String value = "\"" + core + "\\x\u0007\t<b>&\u00e9\u2028`*_";
    for (String format : new String[] {"text", "json", "markdown"}) {
      Path out = dir.resolve("escaped-" + format + ".json");
      CliRun plan = CliRun.run(portal.env(), "plan", config.toString(), "--var-sensitive", "TICKET=" + value,
          "--format", format, "--out", out.toString());
      assertThat(plan.exitCode()).as(plan.toString()).isZero();
      assertThat(plan.out() + plan.err()).as(format).doesNotContain(core).contains("(sensitive)");
      assertThat(Files.readString(out)).as(format).doesNotContain(core).contains("(sensitive)");
    }
    // The portal refuses control characters in a description: apply a value without them.
    String applicable = "\"" + core + "\\x<b>&\u00e9`*_";
    Path saved = dir.resolve("applicable.json");
    assertThat(CliRun.run(portal.env(), "plan", config.toString(), "--var-sensitive", "TICKET=" + applicable,
        "--out", saved.toString()).exitCode()).isZero();
    assertThat(Files.readString(saved)).doesNotContain(core);
    Path report = dir.resolve("apply-report.json");
    CliRun apply = CliRun.run(portal.env(), "apply", "--plan", saved.toString(),
        "--var-sensitive", "TICKET=" + applicable, "--report", report.toString());
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    assertThat(apply.out() + apply.err()).doesNotContain(core);
    assertThat(Files.readString(report)).doesNotContain(core);
  }

  @Test
  void aSensitiveEnvironmentVariableToo() throws Exception {
    CliRun plan = CliRun.run(portal.env("ROLEFORM_VAR_TICKET", VALUE), "plan", config.toString(),
        "--var-sensitive", "TICKET");
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
    assertThat(plan.out()).doesNotContain(VALUE).contains("Approved in (sensitive)");
  }

  /**
   * The apply report (JSON) takes a sensitive value out of each operation's target before writing
   * it: a value holding {@code "} and {@code \}, which JSON escapes, is not in the file either.
   */
  @Test
  void theApplyReportHoldsNoSensitiveValueEvenOneJsonEscapes() throws Exception {
    String core = "tk8841";
    String value = "q\"" + core + "\\x";
    Path named = Files.writeString(dir.resolve("named.yaml"), """
        apiVersion: roleform/v1
        roles:
          - name: Team ${TICKET}
            permissions: [logs]
        """);
    Path report = dir.resolve("report.json");
    CliRun apply = CliRun.run(portal.env(), "apply", named.toString(), "--auto-approve",
        "--var-sensitive", "TICKET=" + value, "--report", report.toString());
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    assertThat(apply.out() + apply.err()).doesNotContain(core);
    assertThat(Files.readString(report)).doesNotContain(core).contains("Team (sensitive)");
    assertThat(CliRun.run(portal.env(), "export").out()).contains(core);
  }

  @Test
  void applyNeedsTheSameValueAndWritesTheRealOne() throws Exception {
    Path out = dir.resolve("plan.json");
    assertThat(CliRun.run(portal.env(), "plan", config.toString(), "--var-sensitive", "TICKET=" + VALUE,
        "--out", out.toString()).exitCode()).isZero();

    CliRun missing = CliRun.run(portal.env(), "apply", "--plan", out.toString());
    assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(1);
    assertThat(missing.err()).contains("sensitive variable TICKET", "--var-sensitive");

    CliRun wrong = CliRun.run(portal.env(), "apply", "--plan", out.toString(), "--var-sensitive", "TICKET=guess");
    assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(3);
    assertThat(wrong.err()).doesNotContain("guess");

    CliRun right = CliRun.run(portal.env(), "apply", "--plan", out.toString(), "--var-sensitive", "TICKET=" + VALUE);
    assertThat(right.exitCode()).as(right.toString()).isZero();
    assertThat(right.out() + right.err()).doesNotContain(VALUE);
    assertThat(CliRun.run(portal.env(), "export").out()).contains("Approved in " + VALUE);
  }
}
