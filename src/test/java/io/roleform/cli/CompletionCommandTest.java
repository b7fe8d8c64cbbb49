package io.roleform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code roleform completion bash|zsh} prints picocli's completion script for the real commands. */
class CompletionCommandTest {

  @Test
  void bashScriptNamesEverySubcommandAndItsOptions() {
    CliOutput run = CliOutput.run("completion", "bash");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("#!/usr/bin/env bash").contains("function _complete_roleform");
    Set<String> names = RoleformCommand.commandLine(Map.of()).getSubcommands().keySet();
    assertThat(names).contains("plan", "apply", "export", "completion");
    for (String name : names) {
      assertThat(run.out()).as("the script completes '%s'", name).containsPattern("\\b" + name + "\\b");
    }
    assertThat(run.out()).contains("--detailed-exitcode", "--auto-approve", "--max-deletions");
  }

  @Test
  void zshGetsTheBashScriptBehindBashcompinit() {
    CliOutput run = CliOutput.run("completion", "zsh");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith(CompletionCommand.ZSH_PREAMBLE)
        .contains("autoload -U +X bashcompinit && bashcompinit")
        .endsWith(CliOutput.run("completion", "bash").out());
  }

  @Test
  void anUnknownShellIsAUsageErrorWithExitCode1() {
    CliOutput run = CliOutput.run("completion", "fish");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("bash, zsh");
  }

  /** Runs the script in a real bash: TAB after "roleform pl" offers "plan". */
  @Test
  void bashCompletesASubcommandName(@TempDir Path dir) throws IOException, InterruptedException {
    Path bash = Path.of("/bin/bash");
    assumeTrue(Files.isExecutable(bash), "bash is not installed");
    Path script = dir.resolve("roleform.bash");
    Files.writeString(script, CliOutput.run("completion", "bash").out(), StandardCharsets.UTF_8);
    String probe = "source \"$1\"; COMP_WORDS=(roleform pl); COMP_CWORD=1; COMP_LINE='roleform pl'; COMP_POINT=11;"
        + " _complete_roleform; printf '%s\\n' \"${COMPREPLY[@]}\"";
    Process p = new ProcessBuilder(bash.toString(), "-c", probe, "probe", script.toString())
        .redirectErrorStream(true)
        .start();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("bash finished").isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out.lines()).contains("plan");
  }
}
