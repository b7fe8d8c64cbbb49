package io.roleform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.sandbox.Sandbox;
import io.roleform.sandbox.SandboxOptions;
import io.roleform.testing.CliRun;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code removed:} role that is already gone is not a warning on every later plan: it is an
 * {@code info:} line on stderr under {@code --verbose}, and nowhere else.
 */
class RemovedRoleGoneTest {
  @TempDir Path dir;

  @Test
  void isAnInfoLineUnderVerboseOnly() throws Exception {
    Path config = dir.resolve("roleform.yaml");
    Files.writeString(config, "apiVersion: roleform/v1\nremoved:\n  - name: Ghost Role\n");
    SandboxOptions options = SandboxOptions.defaults("secure-exchanges").withPort(0).withData(":memory:")
        .withLog(new PrintStream(OutputStream.nullOutputStream()));
    try (Sandbox sandbox = Sandbox.start(options)) {
      Map<String, String> env = Map.of("ROLEFORM_TOKEN", "demo-write", "NO_COLOR", "1");
      String portal = sandbox.baseUrl().toString();

      CliRun quiet = CliRun.run(env, "plan", config.toString(), "--portal", portal);
      CliRun verbose = CliRun.run(env, "plan", config.toString(), "--portal", portal, "--verbose");
      CliRun json = CliRun.run(env, "plan", config.toString(), "--portal", portal, "--format", "json");

      assertThat(quiet.exitCode()).as(quiet.toString()).isZero();
      assertThat(quiet.out() + quiet.err()).doesNotContain("Ghost Role");
      assertThat(json.out()).doesNotContain("Ghost Role");
      assertThat(verbose.exitCode()).as(verbose.toString()).isZero();
      assertThat(verbose.out()).doesNotContain("Ghost Role");
      assertThat(verbose.err()).contains("info: role Ghost Role is listed in removed: and is already gone"
          + " from the live portal; nothing to do");
    }
  }
}
