package io.roleform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Symbolic links in a config are followed (loops refused, links out of the directory noted). */
@Tag("security")
class ConfigFilesSecurityTest {
  @TempDir Path dir;

  @Test
  void aDirectoryOfSymlinksIsRead() throws Exception {
    Path shared = Files.createDirectories(dir.resolve("shared"));
    Files.writeString(shared.resolve("billing.yaml"), "apiVersion: roleform/v1\nroles:\n  - name: Billing\n");
    Path config = Files.createDirectories(dir.resolve("config"));
    Files.createSymbolicLink(config.resolve("billing.yaml"), shared.resolve("billing.yaml"));

    CliRun quiet = CliRun.run(Map.of(), "validate", config.toString());
    CliRun verbose = CliRun.run(Map.of(), "validate", config.toString(), "--verbose");

    assertThat(quiet.exitCode()).as(quiet.toString()).isZero();
    assertThat(quiet.out()).contains("valid: 1 role in 1 file");
    assertThat(quiet.err()).doesNotContain("symbolic link");
    assertThat(verbose.err()).contains("symbolic link out of the config directory");
  }

  @Test
  void aSymlinkLoopIsAProblemNotAHang() throws Exception {
    Path config = Files.createDirectories(dir.resolve("config"));
    Files.writeString(config.resolve("a.yaml"), "apiVersion: roleform/v1\nroles:\n  - name: Billing\n");
    Files.createSymbolicLink(config.resolve("loop"), config);
    CliRun validate = CliRun.run(Map.of(), "validate", config.toString());
    assertThat(validate.exitCode()).isEqualTo(1);
    assertThat(validate.err()).contains("symbolic link loop");
  }

  @Test
  void aDanglingSymlinkIsAProblem() throws Exception {
    Path config = Files.createDirectories(dir.resolve("config"));
    Files.writeString(config.resolve("a.yaml"), "apiVersion: roleform/v1\nroles:\n  - name: Billing\n");
    Files.createSymbolicLink(config.resolve("gone.yaml"), dir.resolve("nowhere.yaml"));
    CliRun validate = CliRun.run(Map.of(), "validate", config.toString());
    assertThat(validate.exitCode()).isEqualTo(1);
    assertThat(validate.err()).contains("does not exist");
  }
}
