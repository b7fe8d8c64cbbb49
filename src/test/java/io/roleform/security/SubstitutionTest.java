package io.roleform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ${NAME}} by allow-list: a pull request cannot read the token or any secret of the CI
 * environment through the config, and no message echoes a substituted value.
 */
@Tag("security")
class SubstitutionTest {
  private static final String TOKEN = "tok-SECRET-9f8e7d6c";
  private static final Map<String, String> CI_ENV = Map.of(
      "ROLEFORM_TOKEN", TOKEN,
      "ROLEFORM_KEYCLOAK_CLIENT_SECRET", TOKEN,
      "GITHUB_TOKEN", TOKEN,
      "ROLEFORM_VAR_GITHUB_TOKEN", TOKEN,
      "AWS_SECRET", TOKEN,
      "DB_PASSWORD", TOKEN,
      "HOME", "/home/runner",
      "NO_COLOR", "1");

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ROLEFORM_TOKEN", "ROLEFORM_KEYCLOAK_CLIENT_SECRET", "GITHUB_TOKEN", "AWS_SECRET",
      "DB_PASSWORD", "db_password"})
  void aTokenOrSecretIsRefusedAtValidateWithFileLineColumn(String name) throws Exception {
    Path config = config("apiVersion: roleform/v1\nroles:\n  - name: Billing\n    description: \"leak ${" + name + "}\"\n");
    for (String format : new String[] {"text", "json", "github"}) {
      CliRun validate = CliRun.run(CI_ENV, "validate", config.toString(), "--format", format);
      assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(1);
      String all = validate.out() + validate.err();
      assertThat(all).doesNotContain(TOKEN).contains("never substituted");
      if (format.equals("text")) assertThat(all).contains(config + ":4:18: error:");
      if (format.equals("github")) assertThat(all).contains("line=4", "col=18");
      if (format.equals("json")) assertThat(all).contains("\"line\" : 4").contains("\"column\" : 18");
    }
  }

  @Test
  void anOrdinaryEnvironmentVariableIsNotVisible() throws Exception {
    Path config = config("apiVersion: roleform/v1\nroles:\n  - name: Billing\n    description: ${HOME}\n");
    CliRun validate = CliRun.run(CI_ENV, "validate", config.toString());
    assertThat(validate.exitCode()).isEqualTo(1);
    assertThat(validate.err()).contains("variable `HOME` is not set", "ROLEFORM_VAR_HOME").doesNotContain("/home/runner");
  }

  @Test
  void optedInVariablesAreSubstitutedFromEveryKindOfSource() throws Exception {
    Path vars = dir.resolve("vars.yaml");
    Files.writeString(vars, "TEAM: Billing\nNOTE:\n  value: from the file\n  sensitive: false\n");
    Path config = config("apiVersion: roleform/v1\nroles:\n  - name: ${TEAM} ${KIND}\n    description: ${NOTE} ${WHO}\n");
    CliRun validate = CliRun.run(Map.of("ROLEFORM_VAR_KIND", "Leads"), "validate", config.toString(),
        "--var-file", vars.toString(), "--var", "WHO=ops");
    assertThat(validate.exitCode()).as(validate.toString()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"--var", "--var-sensitive"})
  void aSecretNamedVariableCannotBeSetOnTheCommandLine(String option) throws Exception {
    Path config = config("apiVersion: roleform/v1\nroles:\n  - name: Billing\n");
    CliRun validate = CliRun.run(Map.of(), "validate", config.toString(), option, "API_SECRET=" + TOKEN);
    assertThat(validate.exitCode()).isEqualTo(1);
    assertThat(validate.err()).contains("API_SECRET", "never substituted").doesNotContain(TOKEN);
  }

  @Test
  void aSecretNamedVariableCannotBeSetInAVariableFile() throws Exception {
    Path vars = dir.resolve("vars.yaml");
    Files.writeString(vars, "DEPLOY_TOKEN: " + TOKEN + "\n");
    Path config = config("apiVersion: roleform/v1\nroles:\n  - name: Billing\n");
    CliRun validate = CliRun.run(Map.of(), "validate", config.toString(), "--var-file", vars.toString());
    assertThat(validate.exitCode()).isEqualTo(1);
    assertThat(validate.err()).contains(vars + ":1:1", "DEPLOY_TOKEN").doesNotContain(TOKEN);
  }

  @Test
  void messagesNeverEchoASubstitutedValue() throws Exception {
    Path config = config("apiVersion: roleform/v1\nsettings:\n  owner: ${OWNER}\nroles:\n  - name: Billing\n"
        + "    members: [\"${MEMBER}\"]\n");
    for (String format : new String[] {"text", "json", "github"}) {
      CliRun validate = CliRun.run(Map.of("ROLEFORM_VAR_OWNER", "not-an-email-4711"), "validate",
          config.toString(), "--var-sensitive", "MEMBER=hidden-4712", "--format", format);
      assertThat(validate.exitCode()).isEqualTo(1);
      String all = validate.out() + validate.err();
      assertThat(all).doesNotContain("not-an-email-4711", "hidden-4712").contains("${OWNER}", "(sensitive)");
    }
  }

  private Path config(String text) throws Exception {
    Path file = dir.resolve("c.yaml");
    Files.writeString(file, text);
    return file;
  }
}
