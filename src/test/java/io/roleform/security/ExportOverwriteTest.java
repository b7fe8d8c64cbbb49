package io.roleform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export --out DIR} never replaces or deletes a file it did not write, unless {@code --force}. */
@Tag("security")
class ExportOverwriteTest {
  @TempDir Path dir;

  @Test
  void aHandWrittenFileIsKeptUnlessForced() throws Exception {
    try (PortalForTest portal = PortalForTest.start("app-roles")) {
      Path out = Files.createDirectories(dir.resolve("config"));
      Files.writeString(out.resolve("roleform.yaml"), "# mine\n");
      Files.writeString(out.resolve("roles-0007.yaml"), "# mine too\n");

      CliRun refused = CliRun.run(portal.env(), "export", "--out", out.toString());
      assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
      assertThat(refused.err()).contains("roleform.yaml", "roles-0007.yaml", "--force");
      assertThat(Files.readString(out.resolve("roleform.yaml"))).isEqualTo("# mine\n");
      assertThat(out.resolve("roles-0007.yaml")).exists();

      CliRun forced = CliRun.run(portal.env(), "export", "--out", out.toString(), "--force");
      assertThat(forced.exitCode()).as(forced.toString()).isZero();
      assertThat(forced.err()).contains("Overwrote " + out.resolve("roleform.yaml"), "Deleted " + out.resolve("roles-0007.yaml"));
      assertThat(out.resolve("roles-0007.yaml")).doesNotExist();

      CliRun again = CliRun.run(portal.env(), "export", "--out", out.toString());
      assertThat(again.exitCode()).as(again.toString()).isZero();
      assertThat(again.err()).contains("Replaced " + out.resolve("roleform.yaml") + " (written by an earlier export)");

      Files.writeString(out.resolve("roleform.yaml"), "# edited after the export\n", java.nio.file.StandardOpenOption.APPEND);
      CliRun edited = CliRun.run(portal.env(), "export", "--out", out.toString());
      assertThat(edited.exitCode()).isEqualTo(1);
      assertThat(Files.readString(out.resolve("roleform.yaml"))).endsWith("# edited after the export\n");
    }
  }
}
