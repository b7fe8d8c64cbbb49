package io.roleform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EarlyConfigTest {
  @TempDir Path dir;

  private static final Map<String, String> ENV = Map.of("ROLEFORM_VAR_TEAM", "Billing", "NO_COLOR", "1");

  private static final String VALID = "apiVersion: roleform/v1\nroles:\n  - name: ${TEAM}\n    members: [a@acme.example]\n";
  private static final String BROKEN = "apiVersion: roleform/v1\nroles:\n  - name: Billing\n    permisions: [x]\n";

  record Run(int code, String out, String err) {}

  private static Run run(boolean early, String... args) {
    if (early) Main.startEarly(args, ENV);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = RoleformCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), ENV);
    assertThat(EarlyConfig.pending()).as("taken by the run").isNull();
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void onlyAPlainValidateCommandLineIsLoadedEarly() {
    assertThat(EarlyConfig.plainValidate(new String[] {"validate", "cfg"})).isEqualTo(Path.of("cfg"));
    assertThat(EarlyConfig.plainValidate(new String[] {"validate", "--verbose", "cfg", "--format", "json"}))
        .isEqualTo(Path.of("cfg"));
    assertThat(EarlyConfig.plainValidate(new String[] {"validate", "--format=github", "cfg"})).isEqualTo(Path.of("cfg"));
    for (String[] other : new String[][] {
        {"validate"}, {"plan", "cfg"}, {"validate", "a", "b"}, {"validate", "cfg", "--var", "A=1"},
        {"validate", "cfg", "--var-file", "v.yaml"}, {"validate", "--var-sensitive", "A", "cfg"},
        {"validate", "@args.txt"}, {"validate", "--", "cfg"}, {"validate", "cfg", "-h"}, {"validate", ""},
        {"validate", "--format"}, {"--verbose", "validate", "cfg"}}) {
      assertThat(EarlyConfig.plainValidate(other)).as(String.join(" ", other)).isNull();
    }
  }

  @Test
  void anEarlyLoadPrintsExactlyWhatALoadByTheCommandPrints() throws IOException {
    Path valid = Files.createDirectories(dir.resolve("valid"));
    Files.writeString(valid.resolve("a.yaml"), VALID);
    Path broken = Files.createDirectories(dir.resolve("broken"));
    Files.writeString(broken.resolve("a.yaml"), BROKEN);
    for (String[] args : new String[][] {
        {"validate", valid.toString()}, {"validate", broken.toString()},
        {"validate", broken.toString(), "--format", "json"}, {"validate", "--format=github", broken.toString()},
        {"validate", valid.toString(), "--verbose"}, {"validate", dir.resolve("missing").toString()}}) {
      assertThat(run(true, args)).as(String.join(" ", args)).isEqualTo(run(false, args));
    }
  }

  @Test
  void validateUsesTheEarlyResultForItsOwnPathOnly() throws IOException {
    Path config = dir.resolve("c.yaml");
    Files.writeString(config, VALID);
    Main.startEarly(new String[] {"validate", config.toString()}, ENV);
    assertThat(EarlyConfig.pending().join().ok()).isTrue();
    // The file changes after the early load: the run reports the early result (loaded at its start).
    Files.writeString(config, BROKEN);
    assertThat(run(false, "validate", config.toString()).code()).isZero();
    assertThat(run(false, "validate", config.toString()).code()).isEqualTo(1);

    // Started for one path, run for another (or with a variable option): the command loads its own.
    Files.writeString(config, VALID);
    Path other = dir.resolve("other.yaml");
    Files.writeString(other, BROKEN);
    Main.startEarly(new String[] {"validate", config.toString()}, ENV);
    assertThat(run(false, "validate", other.toString()).code()).isEqualTo(1);
    Main.startEarly(new String[] {"validate", config.toString()}, ENV);
    EarlyConfig.pending().join();
    Run withVar = run(false, "validate", config.toString(), "--var", "TEAM=Support");
    assertThat(withVar.code()).isZero();
  }
}
