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
 * Messages quote config data: in every format a control character from the config (ESC, BEL, NUL
 * ...) is escaped as the plan escapes it, never printed raw; an email with a control character or a
 * space is not an email.
 */
@Tag("security")
class OutputHygieneTest {
  private static final String ESC = "\u001b";
  private static final String BEL = "\u0007";

  @TempDir Path dir;

  @Test
  void noFormatPrintsARawControlCharacterFromTheConfig() throws Exception {
    Path config = dir.resolve("c.yaml");
    Files.writeString(config, "apiVersion: roleform/v1\nroles:\n  - name: Billing\n    permissions: [\"bad"
        + "\\e]0;owned" + "\\a\"]\n    members: [\"eve\\e[31m@acme.example\"]\n");
    for (String format : new String[] {"text", "json", "github"}) {
      CliRun validate = CliRun.run(Map.of(), "validate", config.toString(), "--format", format);
      assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(1);
      String all = validate.out() + validate.err();
      assertThat(all).doesNotContain(ESC).doesNotContain(BEL);
      assertThat(all).contains("u001b");
    }
  }

  @Test
  void emailsWithControlCharactersOrSpacesAreNotEmails() throws Exception {
    Path config = dir.resolve("c.yaml");
    Files.writeString(config, "apiVersion: roleform/v1\nroles:\n  - name: Billing\n"
        + "    members: [\"nul\\0@acme.example\", \"bell\\a@acme.example\", \"two words@acme.example\", \"ok@acme.example\"]\n");
    CliRun validate = CliRun.run(Map.of(), "validate", config.toString());
    assertThat(validate.exitCode()).isEqualTo(1);
    assertThat(validate.err()).contains("is not an email address").contains("3 problems")
        .doesNotContain("\u0000").doesNotContain(BEL);
  }

  @Test
  void portalErrorMessagesAreEscapedToo() {
    CliRun export = CliRun.run(Map.of("ROLEFORM_TOKEN", "t"), "export", "--portal", "ftp://x" + ESC + "[2J");
    assertThat(export.exitCode()).isEqualTo(1);
    assertThat(export.err()).doesNotContain(ESC);
  }
}
