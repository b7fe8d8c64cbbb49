package io.roleform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.portal.PortalRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run models only the sub-command it names ({@link RoleformCommand#subcommandsFor}); what the
 * user sees must be exactly what the model of every sub-command gives: help, usage errors,
 * messages and exit codes, byte for byte.
 */
class SubcommandModelTest {

  record Run(int exit, String out, String err) {}

  @Test
  void aNamedCommandIsModelledAloneAndHelpAndCompletionSeeEveryCommand() {
    assertThat(RoleformCommand.subcommandsFor(new String[] {"validate", "x"})).containsExactly(ValidateCommand.class);
    assertThat(RoleformCommand.subcommandsFor(new String[] {"plan"})).containsExactly(PlanCommand.class);
    assertThat(RoleformCommand.subcommandsFor(new String[] {"sandbox"})).containsExactly(SandboxCommand.class);
    for (String all : List.of("help", "completion", "--help", "-V", "nonsense", "VALIDATE")) {
      assertThat(RoleformCommand.subcommandsFor(new String[] {all})).isEqualTo(RoleformCommand.SUBCOMMANDS);
    }
    assertThat(RoleformCommand.subcommandsFor(new String[0])).isEqualTo(RoleformCommand.SUBCOMMANDS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"validate", "plan", "check", "report", "apply", "export", "sandbox"})
  void everyCommandBehavesAloneAsAmongAllTheOthers(String command) {
    List<String[]> cases = new java.util.ArrayList<>(List.of(
        new String[] {command, "--help"},
        new String[] {command, "-h"},
        new String[] {command, "--no-such-option"},
        new String[] {command, "--formt", "json"},
        new String[] {command, "examples/app-roles", "extra", "arguments"}));
    if (!command.equals("sandbox")) { // would start a sandbox and serve until stopped
      cases.add(new String[] {command});
      cases.add(new String[] {command, "examples/app-roles"});
      cases.add(new String[] {command, "examples/app-roles", "--portal", "nowhere:x"});
    }
    for (String[] args : cases) {
      assertThat(run(args, false)).as(String.join(" ", args)).isEqualTo(run(args, true));
    }
  }

  @Test
  void theTopLevelStillListsEveryCommand() {
    Run help = run(new String[] {"--help"}, false);
    for (String name : List.of("validate", "plan", "check", "report", "apply", "export", "completion", "sandbox", "help")) {
      assertThat(help.out()).contains("  " + name + " ");
    }
    assertThat(run(new String[] {"help", "validate"}, false)).isEqualTo(run(new String[] {"validate", "--help"}, false));
  }

  /** Runs {@code args} with the model a run builds ({@code all} false) or with every sub-command. */
  private static Run run(String[] args, boolean all) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> env = Map.of("NO_COLOR", "1");
    int exit = Cli.create(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        env, PortalRegistry::installed, Terminal.none(), all ? new String[0] : args).execute(args);
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
