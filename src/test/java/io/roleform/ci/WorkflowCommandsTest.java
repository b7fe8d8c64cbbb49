package io.roleform.ci;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.cli.RoleformCommand;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The CI examples under {@code examples/ci/} only use commands and flags that exist: every
 * {@code roleform ...} line in their shell steps is parsed by the real command line model, and
 * each pipeline does the job its comments promise (validate with annotations, plan to a file with
 * a Markdown comment, apply the saved plan, drift with the detailed exit code).
 */
class WorkflowCommandsTest {

  /** One roleform invocation found in a CI file, and what the real parser made of it. */
  record Invocation(String where, List<String> args, ParseResult leaf) {
    String command() {
      return leaf.commandSpec().name();
    }

    boolean has(String option) {
      return leaf.hasMatchedOption(option);
    }

    String value(String option) {
      Object v = leaf.matchedOption(option).getValue();
      return String.valueOf(v).toLowerCase(Locale.ROOT);
    }
  }

  static List<Path> files() throws IOException {
    return CiScripts.files();
  }

  @Test
  void theFourPipelinesAreThere() throws IOException {
    assertThat(files())
        .map(p -> CiScripts.EXAMPLES.relativize(p).toString().replace('\\', '/'))
        .contains(
            "github-actions/pull-request.yml",
            "github-actions/apply.yml",
            "github-actions/drift.yml",
            "gitlab-ci.yml");
  }

  @ParameterizedTest
  @MethodSource("files")
  void everyRoleformInvocationParsesWithTheRealCommandLine(Path file) throws IOException {
    SoftAssertions soft = new SoftAssertions();
    int found = 0;
    for (CiScripts.Script script : CiScripts.of(file)) {
      for (ShellCommands.Command c : script.roleformCommands()) {
        found++;
        try {
          ParseResult leaf = leaf(parse(c.args()));
          soft.assertThat(leaf.commandSpec().name())
              .as("%s: `roleform %s` names a command", script.where(c), String.join(" ", c.args()))
              .isNotIn("roleform", "help");
        } catch (CommandLine.ParameterException e) {
          soft.fail("%s: `roleform %s` is rejected by roleform: %s",
              script.where(c), String.join(" ", c.args()), e.getMessage());
        }
      }
    }
    soft.assertThat(found).as("%s runs roleform at least once", file).isPositive();
    soft.assertAll();
  }

  @Test
  void pullRequestWorkflowValidatesWithAnnotationsAndPlansToAFileAndMarkdown() throws IOException {
    List<Invocation> all = invocations(CiScripts.EXAMPLES.resolve("github-actions/pull-request.yml"));
    assertThat(all).anySatisfy(i -> {
      assertThat(i.command()).isEqualTo("validate");
      assertThat(i.value("--format")).isEqualTo("github");
    });
    assertThat(all).anySatisfy(i -> {
      assertThat(i.command()).isEqualTo("plan");
      assertThat(i.has("--out")).isTrue();
      assertThat(i.value("--format")).isEqualTo("markdown");
    });
    // The comment and the artifact are the action's job (action.yml), which the workflow uses.
    assertThat(text("github-actions/pull-request.yml")).contains("roleform/roleform@v1", "comment: \"true\"");
    assertThat(Files.readString(ActionSteps.ACTION, StandardCharsets.UTF_8))
        .contains("<!-- roleform-plan -->", "actions/github-script", "updateComment", "actions/upload-artifact");
  }

  @Test
  void applyWorkflowsApplyTheSavedPlanMadeInTheSameJob() throws IOException {
    for (String file : List.of("github-actions/apply.yml", "gitlab-ci.yml")) {
      List<Invocation> all = invocations(CiScripts.EXAMPLES.resolve(file));
      assertThat(all).as(file).anySatisfy(i -> {
        assertThat(i.command()).isEqualTo("plan");
        assertThat(i.value("--out")).isEqualTo("plan.json");
      });
      assertThat(all).as(file).anySatisfy(i -> {
        assertThat(i.command()).isEqualTo("apply");
        assertThat(i.value("--plan")).isEqualTo("plan.json");
      });
    }
  }

  @Test
  void everyGitHubWorkflowThatAppliesSharesOneConcurrencyGroupAndIsNeverCancelledHalfWay() throws IOException {
    // The nightly drift job applies the removal of expired access: cancelling it (a newer run
    // starting) or racing the merge apply would stop an apply between two writes.
    for (String file : List.of("github-actions/apply.yml", "github-actions/drift.yml")) {
      assertThat(text(file)).as(file).containsPattern(
          "(?m)^concurrency:.*\\n  group: roleform-apply\\n  cancel-in-progress: false$");
    }
  }

  @Test
  void driftChecksUseTheDetailedExitCodeAndOneLabelledIssue() throws IOException {
    for (String file : List.of("github-actions/drift.yml", "gitlab-ci.yml")) {
      assertThat(invocations(CiScripts.EXAMPLES.resolve(file))).as(file).anySatisfy(i -> {
        assertThat(i.command()).isEqualTo("plan");
        assertThat(i.has("--detailed-exitcode")).isTrue();
      });
      assertThat(text(file)).as(file).contains("roleform-drift");
    }
    assertThat(text("gitlab-ci.yml")).contains("<!-- roleform-plan -->", "merge_requests");
  }

  @Test
  void driftChecksRemoveExpiredAccessWithAnOnlyExpiredPlanWhateverElseDrifted() throws IOException {
    for (String file : List.of("github-actions/drift.yml", "gitlab-ci.yml")) {
      List<Invocation> all = invocations(CiScripts.EXAMPLES.resolve(file));
      assertThat(all).as("%s: the full plan, for the drift report", file).anySatisfy(i -> {
        assertThat(i.command()).isEqualTo("plan");
        assertThat(i.has("--detailed-exitcode")).isTrue();
        assertThat(i.has("--only-expired")).isFalse();
      });
      assertThat(all).as("%s: a plan of the expiry removals only, saved", file).anySatisfy(i -> {
        assertThat(i.command()).isEqualTo("plan");
        assertThat(i.has("--only-expired")).isTrue();
        assertThat(i.value("--out")).isEqualTo("expired.json");
      });
      assertThat(all).as(file).anySatisfy(i -> {
        assertThat(i.command()).isEqualTo("apply");
        assertThat(i.value("--plan")).isEqualTo("expired.json");
        assertThat(i.has("--auto-approve")).as("never applies the config itself, only the saved plan").isFalse();
      });
      // In the script that plans --only-expired, every apply is of that saved plan.
      List<String> nightly = all.stream().filter(i -> i.has("--only-expired")).map(i -> script(i.where())).toList();
      assertThat(all).as("%s: the nightly applies nothing but the saved --only-expired plan", file)
          .filteredOn(i -> i.command().equals("apply") && nightly.contains(script(i.where())))
          .isNotEmpty()
          .allSatisfy(i -> assertThat(i.value("--plan")).isEqualTo("expired.json"));
      // No longer the condition, only a defence-in-depth assertion on the --only-expired plan.
      assertThat(text(file)).as(file).contains("all(.[]; .type == \"changeMembers\" and (.add | length) == 0",
          "startswith(\"access expired on \")", "removed expired access")
          .doesNotContain("length > 0 and all(");
    }
  }

  /**
   * The Kubernetes CronJob (no shell in the image): init containers plan --only-expired to a file
   * on the shared emptyDir and apply exactly that file; then the drift check. Every args list
   * parses with the real command line.
   */
  @Test
  @SuppressWarnings("unchecked")
  void theKubernetesCronJobRemovesExpiredAccessInInitContainersThenChecksDrift() throws IOException {
    Map<String, Object> doc;
    try (var r = Files.newBufferedReader(Path.of("examples", "kubernetes", "cronjob-drift.yaml"), StandardCharsets.UTF_8)) {
      doc = new Yaml().load(r);
    }
    Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
        ((Map<String, Object>) doc.get("spec")).get("jobTemplate")).get("spec")).get("template")).get("spec");
    List<ParseResult> init = ((List<Map<String, Object>>) pod.get("initContainers")).stream()
        .map(c -> leaf(parse((List<String>) c.get("args")))).toList();
    List<ParseResult> main = ((List<Map<String, Object>>) pod.get("containers")).stream()
        .map(c -> leaf(parse((List<String>) c.get("args")))).toList();
    assertThat(init).hasSize(2);
    assertThat(init.get(0).commandSpec().name()).isEqualTo("plan");
    assertThat(init.get(0).hasMatchedOption("--only-expired")).isTrue();
    String saved = String.valueOf((Object) init.get(0).matchedOption("--out").getValue());
    assertThat(init.get(1).commandSpec().name()).isEqualTo("apply");
    assertThat(String.valueOf((Object) init.get(1).matchedOption("--plan").getValue())).isEqualTo(saved);
    assertThat(init.get(1).hasMatchedOption("--auto-approve")).isFalse();
    assertThat(main).singleElement().satisfies(p -> {
      assertThat(p.commandSpec().name()).isEqualTo("plan");
      assertThat(p.hasMatchedOption("--detailed-exitcode")).isTrue();
      assertThat(p.hasMatchedOption("--only-expired")).isFalse();
    });
  }

  @Test
  void pullRequestPipelinesAttachTheAccessReportAndLinkItFromTheComment() throws IOException {
    for (String file : List.of("github-actions/pull-request.yml", "gitlab-ci.yml")) {
      assertThat(invocations(CiScripts.EXAMPLES.resolve(file))).as(file).anySatisfy(i -> {
        assertThat(i.command()).isEqualTo("report");
        assertThat(i.value("--format")).isEqualTo("html");
        assertThat(i.value("--out")).isEqualTo("access-report.html");
      });
    }
    assertThat(Files.readString(ActionSteps.ACTION, StandardCharsets.UTF_8)).contains(
        "path: ${{ steps.report.outputs.report-file }}",
        "RF_REPORT_URL: ${{ steps.report-upload.outputs.artifact-url }}", "[Access report](");
    assertThat(text("gitlab-ci.yml")).contains("[Access report]($CI_JOB_URL/artifacts/file/access-report.html)");
  }

  @ParameterizedTest
  @MethodSource("files")
  void secretsComeFromTheEnvironmentAndAreNeverEchoedAndColourIsOff(Path file) throws IOException {
    Pattern echoesSecret = Pattern.compile("^\\s*(echo|printf)\\b.*\\$\\{?ROLEFORM_(GITLAB_)?TOKEN", Pattern.MULTILINE);
    Pattern tracing = Pattern.compile("^\\s*set\\s+(-[a-z]*x|-o\\s+xtrace)", Pattern.MULTILINE);
    for (CiScripts.Script script : CiScripts.of(file)) {
      assertThat(script.text()).as("%s, script at line %d", file, script.yamlLine())
          .doesNotContainPattern(echoesSecret)
          .doesNotContainPattern(tracing)
          .doesNotContain("--token-file");
    }
    Map<String, Object> doc;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      doc = new Yaml().load(r);
    }
    Object vars = doc.get(CiScripts.isGitLab(file) ? "variables" : "env");
    assertThat(vars).as("%s sets NO_COLOR at the top", file).isInstanceOf(Map.class);
    assertThat(((Map<?, ?>) vars).get("NO_COLOR")).as(file.toString()).isEqualTo("1");
  }

  private static CommandLine.ParseResult parse(List<String> args) {
    return RoleformCommand.commandLine(Map.of()).parseArgs(args.toArray(String[]::new));
  }

  private static ParseResult leaf(ParseResult result) {
    ParseResult r = result;
    while (r.hasSubcommand()) r = r.subcommand();
    return r;
  }

  private static List<Invocation> invocations(Path file) throws IOException {
    List<Invocation> out = new ArrayList<>();
    for (CiScripts.Script script : CiScripts.of(file)) {
      for (ShellCommands.Command c : script.roleformCommands()) {
        out.add(new Invocation(script.where(c), c.args(), leaf(parse(c.args()))));
      }
    }
    return out;
  }

  /** The script part of an invocation's {@code where} (without the line in the script). */
  private static String script(String where) {
    int at = where.indexOf(", its line ");
    return at < 0 ? where : where.substring(0, at);
  }

  private static String text(String file) throws IOException {
    return Files.readString(CiScripts.EXAMPLES.resolve(file), StandardCharsets.UTF_8);
  }
}
