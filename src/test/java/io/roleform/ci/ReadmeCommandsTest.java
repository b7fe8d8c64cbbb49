package io.roleform.ci;

import io.roleform.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.cli.RoleformCommand;
import io.roleform.sandbox.Sandbox;
import io.roleform.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Every {@code roleform} command line shown in README.md is exercised, read from the README at test
 * time (the rule for what counts as a command line, and what is a synopsis, is {@link
 * ReadmeCommands}'s):
 *
 * <ul>
 *   <li>each concrete command parses with the real picocli model and names a command;
 *   <li>each synopsis line names only commands and {@code --options} that exist;
 *   <li>each concrete line is RUN, its roleform commands in order as sh would run an {@code &&}
 *       chain, each expected to exit 0, against sandbox portals on 127.0.0.1: {@code --portal
 *       embedded:PROFILE} becomes {@code --portal http://127.0.0.1:PORT} of an in-memory sandbox
 *       of that profile with the same {@code demo-write} token (so the repository's {@code
 *       .roleform/} is never touched), relative {@code --out}/{@code --report}/{@code --plan}
 *       files go to a temporary directory, and {@code ROLEFORM_PORTAL_URL} points at a
 *       secure-exchanges sandbox. {@code roleform sandbox} (which serves until stopped) and other
 *       programs ({@code ./mvnw}) are not run; the test itself runs after the build;
 *   <li>the README's promise after the main job — "Run the {@code plan} again afterwards: it
 *       reports no changes" — holds.
 * </ul>
 */
class ReadmeCommandsTest {

  private static final Set<String> FILE_OPTIONS = Set.of("--out", "--report", "--plan");
  private static final Pattern SYNOPSIS_COMMAND = Pattern.compile("(?:^|\\s)(?:\\./)?roleform\\s+([a-z]+)([^\\n]*?)(?=(?:\\s(?:\\./)?roleform\\s)|$)");
  private static final Pattern LONG_OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*");

  private final Map<String, Sandbox> sandboxes = new HashMap<>();
  private static final Pattern LOOPBACK = Pattern.compile("http://(127\\.0\\.0\\.1|localhost):\\d+/?");
  /** The profile of the last {@code roleform sandbox} the README started, if any. */
  private String readmeSandboxProfile;
  @TempDir Path work;

  @AfterEach
  void stopSandboxes() {
    sandboxes.values().forEach(Sandbox::close);
  }

  @Test
  void theRuleSeparatesConcreteLinesFromSynopsesAndJoinsContinuations() {
    String md = """
        Use `roleform plan` in prose: not a command line.

        ```sh
        ./mvnw -q package && ./roleform plan examples/x --portal embedded:app-roles && \\
          ./roleform apply examples/x --auto-approve
        ```

        ~~~
        roleform plan CONFIG [--out plan.json]
        roleform apply CONFIG  |  roleform apply --plan plan.json
        roleform completion bash|zsh
        roleform plan config/ --max-deletions=N
        echo done | tee log
        ~~~
        """;
    List<ReadmeCommands.Line> lines = ReadmeCommands.lines(md);
    assertThat(lines).extracting(ReadmeCommands.Line::number).containsExactly(4, 9, 10, 11, 12);
    assertThat(lines).extracting(ReadmeCommands.Line::isSynopsis).containsExactly(false, true, true, true, true);
    assertThat(lines.get(0).chain()).extracting(ShellCommands.Command::args).containsExactly(
        List.of("plan", "examples/x", "--portal", "embedded:app-roles"),
        List.of("apply", "examples/x", "--auto-approve"));
  }

  @Test
  void theReadmeShowsTheMainJobCommand() throws IOException {
    assertThat(ReadmeCommands.concrete()).anySatisfy(line -> assertThat(line.chain())
        .extracting(c -> String.join(" ", c.args()))
        .anySatisfy(c -> assertThat(c).startsWith("plan examples/secure-exchanges").contains("--portal embedded:"))
        .anySatisfy(c -> assertThat(c).startsWith("apply examples/secure-exchanges").contains("--auto-approve")));
  }

  @Test
  void everyConcreteCommandParsesWithTheRealCommandLine() throws IOException {
    SoftAssertions soft = new SoftAssertions();
    int found = 0;
    for (ReadmeCommands.Line line : ReadmeCommands.concrete()) {
      for (ShellCommands.Command c : line.chain()) {
        found++;
        try {
          ParseResult leaf = leaf(RoleformCommand.commandLine(Map.of()).parseArgs(c.args().toArray(String[]::new)));
          boolean topLevelFlag = leaf.hasMatchedOption("--version") || leaf.hasMatchedOption("--help");
          soft.assertThat(leaf.commandSpec().name().equals("roleform") && !topLevelFlag || leaf.commandSpec().name().equals("help"))
              .as("%s: `roleform %s` names a command", line, String.join(" ", c.args())).isFalse();
        } catch (CommandLine.ParameterException e) {
          soft.fail("%s: `roleform %s` is rejected: %s", line, String.join(" ", c.args()), e.getMessage());
        }
      }
    }
    soft.assertThat(found).as("roleform commands in README.md").isPositive();
    soft.assertAll();
  }

  @Test
  void everySynopsisNamesOnlyCommandsAndOptionsThatExist() throws IOException {
    CommandLine root = RoleformCommand.commandLine(Map.of());
    SoftAssertions soft = new SoftAssertions();
    int found = 0;
    for (ReadmeCommands.Line line : ReadmeCommands.synopses()) {
      Matcher m = SYNOPSIS_COMMAND.matcher(line.text());
      while (m.find()) {
        found++;
        CommandLine command = root.getSubcommands().get(m.group(1));
        soft.assertThat(command).as("%s: command `%s` exists", line, m.group(1)).isNotNull();
        if (command == null) continue;
        Matcher option = LONG_OPTION.matcher(m.group(2));
        while (option.find()) {
          soft.assertThat(command.getCommandSpec().findOption(option.group()))
              .as("%s: `roleform %s` has option %s", line, m.group(1), option.group()).isNotNull();
        }
      }
    }
    soft.assertThat(found).as("synopsis commands in README.md").isPositive();
    soft.assertAll();
  }

  @Test
  void everyConcreteCommandLineRunsAndSucceedsAndTheMainJobConverges() throws Exception {
    int ran = 0;
    for (ReadmeCommands.Line line : ReadmeCommands.concrete()) {
      for (ShellCommands.Command c : line.chain()) {
        if (!c.args().isEmpty() && c.args().get(0).equals("sandbox")) {
          // The README starts a sandbox and then talks to it on a loopback port: stand in for it.
          int i = c.args().indexOf("--profile");
          readmeSandboxProfile = i >= 0 && i + 1 < c.args().size() ? c.args().get(i + 1) : "secure-exchanges";
          continue;
        }
        CliRun run = CliRun.run(env(), substitute(c.args()));
        assertThat(run.exitCode()).as("%s\n%s", line, run).isZero();
        ran++;
      }
    }
    assertThat(ran).isPositive();
    // "Run the plan again afterwards: it reports no changes."
    CliRun again = CliRun.run(env(), List.of("plan", "examples/secure-exchanges", "--portal",
        sandbox("secure-exchanges"), "--detailed-exitcode"));
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.out()).contains("No changes");
  }

  private Map<String, String> env() throws IOException {
    return Map.of("ROLEFORM_PORTAL_URL", sandbox("secure-exchanges"), "ROLEFORM_TOKEN", "demo-write", "NO_COLOR", "1");
  }

  /** The README's arguments with embedded portals and relative output files redirected. */
  private List<String> substitute(List<String> args) throws IOException {
    List<String> out = new ArrayList<>(args.size());
    String previous = "";
    for (String arg : args) {
      String value = arg;
      if (previous.equals("--portal") && arg.startsWith("embedded:")) {
        value = sandbox(arg.substring("embedded:".length()));
      } else if (previous.equals("--portal") && LOOPBACK.matcher(arg).matches() && readmeSandboxProfile != null) {
        value = sandbox(readmeSandboxProfile);
      } else if (arg.startsWith("--portal=embedded:")) {
        value = "--portal=" + sandbox(arg.substring("--portal=embedded:".length()));
      } else if (FILE_OPTIONS.contains(previous) && !Path.of(arg).isAbsolute()) {
        value = work.resolve(arg).toString();
      }
      out.add(value);
      previous = arg;
    }
    return out;
  }

  /** The URL of this test's sandbox of {@code profile}, started on first use. */
  private String sandbox(String profile) throws IOException {
    Sandbox s = sandboxes.get(profile);
    if (s == null) {
      s = Sandbox.start(new SandboxOptions(0, ":memory:", profile, null, null, 1L, 0, null, false,
          new PrintStream(OutputStream.nullOutputStream())));
      sandboxes.put(profile, s);
    }
    return s.baseUrl().toString();
  }

  private static ParseResult leaf(ParseResult result) {
    ParseResult r = result;
    while (r.hasSubcommand()) r = r.subcommand();
    return r;
  }
}
