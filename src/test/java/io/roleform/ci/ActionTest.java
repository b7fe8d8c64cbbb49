package io.roleform.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the composite Action ({@code action.yml}) runs for each command, read from the action itself
 * as the runner would run it for given inputs.
 */
class ActionTest {
  private static List<String> commands(Map<String, String> with) throws IOException {
    List<String> out = new ArrayList<>();
    for (ActionSteps.Step s : ActionSteps.steps(with)) {
      for (ShellCommands.Command c : ShellCommands.parse(s.script())) {
        if (c.isRoleform()) out.add(String.join(" ", c.args()));
      }
    }
    return out;
  }

  @Test
  void validateOnlyValidatesWithAnnotations() throws IOException {
    assertThat(commands(Map.of("command", "validate", "config", "roles/")))
        .containsExactly("validate roles/ --format github");
  }

  @Test
  void planValidatesThenPlansToAFileWithTheDetailedExitCode() throws IOException {
    assertThat(commands(Map.of("command", "plan", "format", "text", "args", "--max-deletions 10")))
        .containsExactly("validate config/ --format github",
            "plan config/ --out plan.json --format text --detailed-exitcode --max-deletions 10",
            "report config/ --format html --out access-report.html --max-deletions 10");
  }

  @Test
  void planWithoutAReportArtifactWritesNoReport() throws IOException {
    assertThat(commands(Map.of("command", "plan", "report-artifact", ""))).containsExactly(
        "validate config/ --format github",
        "plan config/ --out plan.json --format markdown --detailed-exitcode");
  }

  @Test
  void applyAppliesExactlyThePlanItMade() throws IOException {
    assertThat(commands(Map.of("command", "apply"))).containsExactly(
        "validate config/ --format github",
        "plan config/ --out plan.json --format markdown --detailed-exitcode",
        "apply --plan plan.json --report apply-report.json");
  }

  @Test
  void conditionsFollowTheInputs() {
    Map<String, String> in = Map.of("command", "plan", "comment", "true");
    assertThat(ActionSteps.holds("inputs.command == 'plan' || inputs.command == 'apply'", in)).isTrue();
    assertThat(ActionSteps.holds("inputs.command == 'apply' && steps.plan.outputs.exit-code != '4'", in)).isFalse();
    assertThat(ActionSteps.holds("inputs.comment == 'true' && (steps.x == '0' || steps.x == '2')", in)).isTrue();
    assertThat(ActionSteps.holds("inputs.comment != 'true'", in)).isFalse();
  }
}
