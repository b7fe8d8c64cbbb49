package io.roleform.ci;

import io.roleform.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.plan.SavedPlan;
import io.roleform.render.MarkdownPlanRenderer;
import io.roleform.sandbox.GenerateSpec;
import io.roleform.sandbox.Sandbox;
import io.roleform.sandbox.SandboxOptions;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the pull-request workflow's roleform steps locally, as the runner would, and checks the
 * comment it would post. The commands are read from {@code
 * examples/ci/github-actions/pull-request.yml} (so the test follows the workflow as it changes),
 * not copied here; only the environment is substituted:
 *
 * <ul>
 *   <li>the repository's {@code config/} is a copy of {@code examples/secure-exchanges} in a
 *       temporary working directory, where relative files ({@code plan.json}, {@code plan.md}) go;
 *   <li>the secrets {@code ROLEFORM_PORTAL_URL} and {@code ROLEFORM_TOKEN} are a sandbox portal on
 *       127.0.0.1 and its read-only {@code demo-read} token (the workflow says a read token is
 *       enough for plan), with the workflow's {@code NO_COLOR};
 *   <li>a step's stdout redirection ({@code > plan.md}) is honoured.
 * </ul>
 *
 * The comment is the file the workflow's {@code github-script} step reads. It must start with the
 * marker the step finds its comment by, stay within 65,000 characters even for a portal with
 * thousands of roles, and show the access-impact table.
 */
class PullRequestWorkflowIT {

  private static final Path WORKFLOW = CiScripts.EXAMPLES.resolve("github-actions/pull-request.yml");
  private static final Pattern REDIRECT = Pattern.compile("(?<![0-9&])>\\s*([^\\s;&|<>]+)");
  /** The comment step's own guard: a plan longer than this is replaced by a "too long" note. */
  private static final Pattern GUARD = Pattern.compile("plan\\.length > (\\d+)");

  @TempDir Path work;

  @ParameterizedTest(name = "generated roles: {0}")
  @ValueSource(ints = {0, 3000})
  void pullRequestStepsProduceTheCommentItWouldPost(int generatedRoles) throws Exception {
    copyConfig();
    GenerateSpec generate = generatedRoles == 0 ? null : new GenerateSpec(50, generatedRoles, 0);
    try (Sandbox sandbox = Sandbox.start(new SandboxOptions(0, ":memory:", "secure-exchanges", null, null, 1L, 0,
        generate, false, new PrintStream(OutputStream.nullOutputStream())))) {
      Map<String, String> env = Map.of("ROLEFORM_PORTAL_URL", sandbox.baseUrl().toString(),
          "ROLEFORM_TOKEN", "demo-read", "NO_COLOR", "1");
      List<String> ran = new ArrayList<>();
      String rendered = null;
      for (CiScripts.Script script : CiScripts.of(WORKFLOW)) {
        List<String> scriptLines = script.text().lines().toList();
        for (ShellCommands.Command c : script.roleformCommands()) {
          CliRun run = CliRun.run(env, inWorkDir(c.args()));
          // The action plans with --detailed-exitcode: 2 is "changes", which this config has.
          int expected = c.args().contains("--detailed-exitcode") ? 2 : 0;
          assertThat(run.exitCode()).as("%s\n%s", script.where(c), run).isEqualTo(expected);
          Matcher redirect = REDIRECT.matcher(scriptLines.get(c.line() - 1));
          if (redirect.find()) {
            rendered = redirect.group(1);
            Files.writeString(work.resolve(rendered), run.out(), StandardCharsets.UTF_8);
          }
          else assertThat(run.out()).as("%s prints no annotation for a valid config", script.where(c)).isEmpty();
          ran.add(c.args().get(0));
        }
      }
      assertThat(ran).as("the workflow validates, then plans").containsSubsequence("validate", "plan");

      // The workflow uses the action (action.yml): its comment step reads the file the plan step
      // rendered the Markdown plan to (plan.out, renamed to plan.md).
      String workflow = Files.readString(WORKFLOW, StandardCharsets.UTF_8)
          + Files.readString(ActionSteps.ACTION, StandardCharsets.UTF_8);
      assertThat(workflow).as("the comment step reads the rendered plan").contains("readFileSync(process.env.RF_RENDERED");
      String comment = Files.readString(work.resolve(rendered), StandardCharsets.UTF_8);
      assertThat(comment).startsWith(MarkdownPlanRenderer.MARKER + "\n");
      assertThat(comment.length()).isLessThanOrEqualTo(65_000);
      Matcher guard = GUARD.matcher(workflow);
      assertThat(guard.find()).as("the comment step guards the length").isTrue();
      assertThat(comment.length()).as("the step posts roleform's comment, not its 'too long' note")
          .isLessThanOrEqualTo(Integer.parseInt(guard.group(1)));
      assertThat(comment).contains("### Access impact", "| User | Change | Permission | Via roles |",
          "| carol@acme.example | gains | activation-rules | IT Administrators |");
      if (generatedRoles > 0) {
        assertThat(comment).contains("more lines omitted (the full plan is in the job's artifact)");
      } else {
        assertThat(comment).doesNotContain("omitted");
      }
      assertThat(SavedPlan.read(Files.readString(work.resolve("plan.json"))).plan().operations()).hasSize(7);

      // The access report of the same plan, uploaded as an artifact and linked from the comment.
      assertThat(ran).as("the action writes the access report after the plan").containsSubsequence("plan", "report");
      assertThat(Files.readString(work.resolve("access-report.html"), StandardCharsets.UTF_8))
          .startsWith("<!doctype html>").contains("carol@acme.example");
      assertThat(workflow).contains("report-artifact: roleform-access-report-",
          "RF_REPORT_URL: ${{ steps.report-upload.outputs.artifact-url }}", "[Access report](${process.env.RF_REPORT_URL})");
    }
  }

  private void copyConfig() throws Exception {
    Path config = Files.createDirectories(work.resolve("config"));
    try (Stream<Path> files = Files.list(Path.of("examples", "secure-exchanges"))) {
      for (Path f : files.toList()) Files.copy(f, config.resolve(f.getFileName()));
    }
  }

  /** Relative paths the workflow names (existing ones, and the values of --out) in the work dir. */
  private List<String> inWorkDir(List<String> args) {
    List<String> out = new ArrayList<>();
    String previous = "";
    for (String arg : args) {
      boolean file = previous.equals("--out") || (!arg.startsWith("-") && Files.exists(work.resolve(arg)));
      out.add(file && !Path.of(arg).isAbsolute() ? work.resolve(arg).toString() : arg);
      previous = arg;
    }
    return out;
  }
}
