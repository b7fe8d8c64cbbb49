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
 * {@code check CONFIG} takes the config's variables as {@code plan} does: {@code --var}, {@code
 * --var-file} and {@code --var-sensitive} besides {@code ROLEFORM_VAR_NAME} (its "variable is not
 * set" hint names {@code --var}), and shows a sensitive value as {@code (sensitive)}.
 */
@Tag("security")
class CheckVariablesTest {
  private static final Map<String, String> ENV = Map.of("NO_COLOR", "1");
  private static final String SECRET = "ticket-8841-confidential";

  /** Admin has two members on the secure-exchanges seed: this policy is violated. */
  private static final String CONFIG = """
      apiVersion: roleform/v1
      roles:
        - name: Auditors
          description: "Approved in ${TICKET}"
      policies:
        - name: admins-${TICKET}
          minMembers: {role: Admin, count: 5}
      """;

  @TempDir Path dir;

  @Test
  void varAndVarFileAreTaken() throws Exception {
    Path config = Files.writeString(dir.resolve("c.yaml"), CONFIG);
    Path vars = Files.writeString(dir.resolve("vars.yaml"), "TICKET: T-1\n");

    CliRun withVar = CliRun.run(ENV, "check", config.toString(), "--portal", "embedded:secure-exchanges",
        "--var", "TICKET=T-1");
    CliRun withFile = CliRun.run(ENV, "check", config.toString(), "--portal", "embedded:secure-exchanges",
        "--var-file", vars.toString());

    for (CliRun check : new CliRun[] {withVar, withFile}) {
      assertThat(check.exitCode()).as(check.toString()).isEqualTo(2);
      assertThat(check.out()).as(check.toString()).contains("admins-T-1");
    }
  }

  @Test
  void aSensitiveValueIsNeverShown() throws Exception {
    Path config = Files.writeString(dir.resolve("c.yaml"), CONFIG);
    for (String format : new String[] {"text", "json"}) {
      CliRun check = CliRun.run(ENV, "check", config.toString(), "--portal", "embedded:secure-exchanges",
          "--var-sensitive", "TICKET=" + SECRET, "--format", format);
      assertThat(check.exitCode()).as(check.toString()).isEqualTo(2);
      assertThat(check.out() + check.err()).doesNotContain(SECRET).contains("admins-(sensitive)");
    }
  }

  /**
   * A value holding what JSON escapes ({@code "}, {@code \}, a control character) and what the
   * text escapes (the control character) is matched whole, in every format: redaction happens on
   * the findings' values, before rendering.
   */
  @Test
  void aSensitiveValueThatFormatsEscapeIsNeverShown() throws Exception {
    String core = "tk8841";
    String value = "\"" + core + "\\x\u0007\t\u00e9\u2028";
    Path config = Files.writeString(dir.resolve("c.yaml"), CONFIG);
    for (String format : new String[] {"text", "json"}) {
      CliRun check = CliRun.run(ENV, "check", config.toString(), "--portal", "embedded:secure-exchanges",
          "--var-sensitive", "TICKET=" + value, "--format", format);
      assertThat(check.exitCode()).as(check.toString()).isEqualTo(2);
      assertThat(check.out() + check.err()).as(format).doesNotContain(core).contains("admins-(sensitive)");
    }
  }
}
