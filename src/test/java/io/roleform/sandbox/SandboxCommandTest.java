package io.roleform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.cli.RoleformCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code roleform sandbox} flag handling, run in-process (the cases that do not start a server). */
class SandboxCommandTest {
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = RoleformCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void help_shows_the_options_and_an_example() {
    Run r = run("sandbox", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("--port", "--data", "--profile", "--tokens", "--faults", "--seed",
        "--rate-limit", "--generate", "--verbose", "Example:", "demo-write");
  }

  @Test
  void bad_values_exit_1_with_one_clear_message() {
    Run faults = run("sandbox", "--faults", "5xx=3");
    assertThat(faults.exit()).isEqualTo(1);
    assertThat(faults.err()).contains("error: fault 5xx=3.0 is not a probability").doesNotContain("Exception");
    assertThat(faults.out()).isEmpty();

    Run generate = run("sandbox", "--generate", "users=lots");
    assertThat(generate.exit()).isEqualTo(1);
    assertThat(generate.err()).contains("generate users=lots is not a whole number");

    Run port = run("sandbox", "--port", "70000");
    assertThat(port.exit()).isEqualTo(1);
    assertThat(port.err()).contains("port 70000 is out of range");

    Run profile = run("sandbox", "--profile", "nope", "--data", ":memory:", "--port", "0");
    assertThat(profile.exit()).isEqualTo(1);
    assertThat(profile.err()).contains("unknown profile 'nope'");

    Run tokens = run("sandbox", "--tokens", "/does/not/exist.yaml");
    assertThat(tokens.exit()).isEqualTo(1);
    assertThat(tokens.err()).contains("tokens file /does/not/exist.yaml does not exist");

    Run notANumber = run("sandbox", "--port", "x");
    assertThat(notANumber.exit()).isEqualTo(1);
  }
}
