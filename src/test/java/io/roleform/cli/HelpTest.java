package io.roleform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.testing.CliRun;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --help} of every command: exit 0, a usage line, an example, and nothing on stderr. */
class HelpTest {

  @ParameterizedTest
  @ValueSource(strings = {"validate", "plan", "apply", "check", "report", "export", "sandbox", "completion"})
  void everyCommandHasHelpWithAnExample(String command) {
    CliRun run = CliRun.run(Map.of(), command, "--help");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("Usage: roleform " + command).containsIgnoringCase("example");
    assertThat(run.err()).as("stderr (picocli format warnings, for example)").isEmpty();
  }
}
