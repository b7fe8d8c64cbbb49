package io.roleform.ci;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.sandbox.Sandbox;
import io.roleform.sandbox.SandboxOptions;
import io.roleform.testing.CliRun;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Runs the nightly drift workflow ({@code examples/ci/github-actions/drift.yml}) as the runner
 * would, in bash, against a sandbox portal on 127.0.0.1 whose clock roleform reads from {@code
 * ROLEFORM_NOW}: the action's Plan step (read from {@code action.yml} for the workflow's inputs),
 * then the workflow's own "Remove expired access" step, with {@code roleform} on the PATH as a
 * child JVM of the test classpath. Nothing of the workflow is copied here: its scripts, its env
 * and its jq test are read from the files.
 *
 * <p>The config is the sandbox exported by roleform, with one member rewritten as {@code {email,
 * until: 2027-01-31}}: before that day the nightly plan has no changes; after it, the workflow
 * removes exactly that membership and says so in the job summary, and the portal matches the
 * config again. With other drift too (another member dropped from the config), the workflow
 * still removes the expired membership (its own {@code plan --only-expired} plan, applied as saved)
 * and applies nothing else: the other member stays, and the drift left is the step's exit code. The
 * GitLab pipeline's drift job does the same (its script run in bash, the GitLab API answered by a
 * stub {@code curl} on the PATH) and says what it removed in the note that closes the drift issue,
 * or in the drift issue when other drift is left.
 */
class DriftWorkflowIT {

  private static final Path WORKFLOW = CiScripts.EXAMPLES.resolve("github-actions/drift.yml");
  private static final String UNTIL = "2027-01-31";
  private static final String AFTER = "2027-02-01T03:17:00Z";
  private static final Pattern MEMBER = Pattern.compile("(?m)^(\\s+)- ([^\\s:{}]+@[^\\s:{}]+)$");
  private static final Pattern EXPRESSION =
      Pattern.compile("\\$\\{\\{\\s*(?:steps\\.([\\w-]+)\\.outputs\\.([\\w-]+)|secrets\\.(\\w+))\\s*}}");

  @TempDir Path work;
  private Path bin;

  @BeforeEach
  void launcher() throws Exception {
    Assumptions.assumeTrue(onPath("jq") && onPath("bash"),
        "SKIPPED: the drift workflow's steps need bash and jq (GitHub's runners have both); run .ci/setup-jq.sh");
    bin = Files.createDirectories(work.resolve("bin"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path roleform = bin.resolve("roleform");
    Files.writeString(roleform, "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -cp '"
        + System.getProperty("java.class.path") + "' io.roleform.cli.Main \"$@\"\n");
    assertThat(roleform.toFile().setExecutable(true)).isTrue();
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return true;
    }
    return false;
  }

  @Test
  void afterTheLastDayTheNightlyWorkflowRemovesTheExpiredMembershipAndSaysSo() throws Exception {
    try (Sandbox sandbox = sandbox()) {
      Map<String, String> secrets = secrets(sandbox);
      String[] expiring = exportWithOneExpiringMember(secrets, false);
      String email = expiring[0];
      String role = expiring[1];

      // Before the end of the day: a member still; the nightly plan has no changes.
      Map<String, String> before = new HashMap<>(secrets);
      before.put("ROLEFORM_NOW", UNTIL + "T23:59:59Z");
      assertThat(CliRun.run(before, "plan", work.resolve("config").toString(),
          "--detailed-exitcode").exitCode()).isZero();

      Map<String, String> plan = runPlanStep(secrets);
      assertThat(plan.get("exit-code")).as("the plan removes the expired membership").isEqualTo("2");
      Map<String, String> expiry = runExpiryStep(secrets, plan);

      assertThat(expiry.get("exit-code")).as("the step applied: the portal matches the config").isEqualTo("0");
      String summary = Files.readString(work.resolve("summary.md"));
      assertThat(summary).contains("### roleform removed expired access",
          "- " + email + " left role \"" + role + "\": access expired on " + UNTIL);
      assertThat(Files.readString(Path.of(expiry.get("removed-file")))).hasLineCount(1);

      Map<String, String> after = new HashMap<>(secrets);
      after.put("ROLEFORM_NOW", AFTER);
      CliRun again = CliRun.run(after, "plan", work.resolve("config").toString(), "--detailed-exitcode");
      assertThat(again.exitCode()).as("%s", again).isZero();
      assertThat(membersOf(secrets, role)).doesNotContain(email);
      // The issue step reads the expiry step's exit code first: 0 closes the drift issue.
      assertThat(Files.readString(WORKFLOW)).contains(
          "PLAN_EXIT_CODE: ${{ steps.expiry.outputs.exit-code || steps.plan.outputs.exit-code }}",
          "PLAN_FILE: ${{ steps.expiry.outputs.rendered-file || steps.plan.outputs.rendered-file }}",
          "Removed expired access tonight");
    }
  }

  @Test
  void theGitLabDriftJobRemovesTheExpiredMembershipAndSaysSoInTheNoteClosingTheIssue() throws Exception {
    try (Sandbox sandbox = sandbox()) {
      Map<String, String> secrets = secrets(sandbox);
      String[] expiring = exportWithOneExpiringMember(secrets, false);
      runGitLabDriftJob(secrets, "gitlab-drift");

      assertThat(membersOf(secrets, expiring[1])).doesNotContain(expiring[0]);
      String note = Files.readString(work.resolve("note.json"));
      assertThat(note).contains("Closing.\\n\\nRemoved expired access:\\n- " + expiring[0] + " left role \\\""
          + expiring[1] + "\\\": access expired on " + UNTIL);
      assertThat(Files.readString(work.resolve("curl.log"))).contains("state_event=close", "/issues/7/notes");
    }
  }

  @Test
  void withOtherDriftTheExpiredMembershipIsStillRemovedAndTheOtherDriftIsNotApplied() throws Exception {
    try (Sandbox sandbox = sandbox()) {
      Map<String, String> secrets = secrets(sandbox);
      String[] expiring = exportWithOneExpiringMember(secrets, true);

      Map<String, String> plan = runPlanStep(secrets);
      assertThat(plan.get("exit-code")).isEqualTo("2");
      Map<String, String> expiry = runExpiryStep(secrets, plan);

      assertThat(expiry.get("exit-code")).as("the drift left after the removal").isEqualTo("2");
      assertThat(Files.readString(work.resolve("summary.md"))).contains("### roleform removed expired access",
          "- " + expiring[0] + " left role \"" + expiring[1] + "\": access expired on " + UNTIL);
      assertThat(Files.readString(Path.of(expiry.get("removed-file")))).hasLineCount(1);
      assertThat(membersOf(secrets, expiring[1])).doesNotContain(expiring[0]);
      assertThat(membersOf(secrets, expiring[3])).as("the other drift is not applied").contains(expiring[2]);
      String left = Files.readString(Path.of(expiry.get("rendered-file")));
      assertThat(left).as("the issue shows the drift that is left").contains(expiring[2])
          .doesNotContain("access expired on");
    }
  }

  @Test
  void whenAPolicyRefusesTheRemovalNothingIsRemovedAndTheStepSaysSo() throws Exception {
    try (Sandbox sandbox = sandbox()) {
      Map<String, String> secrets = secrets(sandbox);
      String[] expiring = exportWithOneExpiringMember(secrets, false);
      Files.writeString(work.resolve("config/policies.yaml"), "apiVersion: roleform/v1\npolicies:\n"
          + "  - name: keep-them-all\n    minMembers: {role: \"" + expiring[1] + "\", count: "
          + membersOf(secrets, expiring[1]).size() + "}\n");

      Map<String, String> plan = runPlanStep(secrets);
      assertThat(plan.get("exit-code")).isEqualTo("4");
      Map<String, String> expiry = runExpiryStep(secrets, plan);

      assertThat(expiry).containsEntry("refused", "true").doesNotContainKey("removed-file");
      assertThat(membersOf(secrets, expiring[1])).contains(expiring[0]);
    }
  }

  @Test
  void theGitLabDriftJobRemovesTheExpiredMembershipWhateverElseDriftedAndSaysSoInTheIssue() throws Exception {
    try (Sandbox sandbox = sandbox()) {
      Map<String, String> secrets = secrets(sandbox);
      String[] expiring = exportWithOneExpiringMember(secrets, true);
      runGitLabDriftJob(secrets, "gitlab-drift-other");

      assertThat(membersOf(secrets, expiring[1])).doesNotContain(expiring[0]);
      assertThat(membersOf(secrets, expiring[3])).as("the other drift is not applied").contains(expiring[2]);
      String issue = Files.readString(work.resolve("issue.json"));
      assertThat(issue).contains("Expired access was removed tonight", "- " + expiring[0] + " left role \\\""
          + expiring[1] + "\\\": access expired on " + UNTIL);
      assertThat(Files.readString(work.resolve("curl.log"))).contains("-X PUT", "/issues/7")
          .doesNotContain("state_event=close");
    }
  }

  /**
   * Runs the GitLab {@code drift} job's script in bash at {@link #AFTER}, with its variables and a
   * {@code curl} that answers the GitLab API with one open drift issue (iid 7) and logs the writes
   * to {@code curl.log} instead of sending them.
   */
  private void runGitLabDriftJob(Map<String, String> secrets, String name) throws Exception {
    Path curl = bin.resolve("curl");
    Files.writeString(curl, "#!/bin/sh\necho \"$*\" >> '" + work.resolve("curl.log") + "'\n"
        + "case \"$*\" in *' -X '*) ;; *) echo '[{\"iid\": 7}]' ;; esac\n");
    assertThat(curl.toFile().setExecutable(true)).isTrue();
    Map<String, Object> job = gitlabJob("drift");
    Map<String, String> env = new HashMap<>(secrets);
    env.put("ROLEFORM_NOW", AFTER);
    ((Map<?, ?>) job.get("variables")).forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
    env.putAll(Map.of("CI_API_V4_URL", "https://gitlab.example.test/api/v4", "CI_PROJECT_ID", "42",
        "ROLEFORM_GITLAB_TOKEN", "glpat-test", "CI_COMMIT_SHORT_SHA", "abc1234",
        "CI_PIPELINE_URL", "https://gitlab.example.test/p/-/pipelines/1"));
    @SuppressWarnings("unchecked")
    String script = String.join("\n", (List<String>) job.get("script"));
    bash(script, env, name);
  }

  private Sandbox sandbox() throws java.io.IOException {
    return Sandbox.start(new SandboxOptions(0, ":memory:", "secure-exchanges", null, null, 1L, 0,
        null, false, new PrintStream(OutputStream.nullOutputStream())));
  }

  private static Map<String, String> secrets(Sandbox sandbox) {
    // The workflow asks for a token with scope write: it removes expired access.
    return Map.of("ROLEFORM_PORTAL_URL", sandbox.baseUrl().toString(), "ROLEFORM_TOKEN", "demo-write",
        "NO_COLOR", "1");
  }

  /**
   * Exports the sandbox to {@code config/} and rewrites its first plain member as expiring on
   * {@link #UNTIL}; with {@code otherChange}, also drops another member from the config.
   *
   * @return the expiring member's email and the name of their role; with {@code otherChange}, then
   *     the dropped member's email and the name of their role
   */
  private String[] exportWithOneExpiringMember(Map<String, String> secrets, boolean otherChange) throws Exception {
    Path config = work.resolve("config");
    CliRun export = CliRun.run(secrets, "export", "--out", config.toString());
    assertThat(export.exitCode()).as("%s", export).isZero();
    Path file = config.resolve("roleform.yaml");
    String yaml = Files.readString(file);
    // The last members listed (the first ones are the admin role's, which safety limits guard).
    List<java.util.regex.MatchResult> members = MEMBER.matcher(yaml).results().toList();
    assertThat(members).as("the export lists members:\n%s", yaml).hasSizeGreaterThanOrEqualTo(2);
    java.util.regex.MatchResult m = members.get(members.size() - 1);
    String email = m.group(2);
    String role = roleAt(yaml, m.start());
    StringBuilder out = new StringBuilder();
    int from = 0;
    String[] other = {};
    if (otherChange) {
      java.util.regex.MatchResult dropped = members.get(members.size() - 2);
      other = new String[] {dropped.group(2), roleAt(yaml, dropped.start())};
      out.append(yaml, 0, dropped.start());
      from = dropped.end() + 1; // the line and its newline
    }
    out.append(yaml, from, m.start())
        .append(m.group(1)).append("- {email: ").append(email).append(", until: ").append(UNTIL).append('}')
        .append(yaml.substring(m.end()));
    Files.writeString(file, out.toString());
    return otherChange ? new String[] {email, role, other[0], other[1]} : new String[] {email, role};
  }

  /** The {@code - name:} of the role whose members list holds the offset. */
  private static String roleAt(String yaml, int offset) {
    Matcher name = Pattern.compile("(?m)^\\s*- name: (.+)$").matcher(yaml.substring(0, offset));
    String last = null;
    while (name.find()) last = name.group(1).strip();
    assertThat(last).isNotNull();
    return last.startsWith("\"") ? last.substring(1, last.length() - 1) : last;
  }

  /** The action's Plan step for the workflow's inputs; returns what it wrote to GITHUB_OUTPUT. */
  private Map<String, String> runPlanStep(Map<String, String> secrets) throws Exception {
    Map<String, String> with = new HashMap<>();
    for (Map<String, Object> step : steps()) {
      if ("plan".equals(step.get("id")) && step.get("with") instanceof Map<?, ?> w) {
        w.forEach((k, v) -> with.put(String.valueOf(k), String.valueOf(v)));
      }
    }
    assertThat(with).as("the drift workflow plans with the action").containsEntry("command", "plan");
    ActionSteps.Step plan = ActionSteps.steps(with).stream().filter(s -> s.name().equals("Plan")).findFirst().orElseThrow();
    Map<String, String> env = new HashMap<>(secrets);
    env.put("ROLEFORM_NOW", AFTER);
    return bash(plan.script(), env, "plan");
  }

  /** The workflow's "Remove expired access" step, its env resolved as the runner would. */
  private Map<String, String> runExpiryStep(Map<String, String> secrets, Map<String, String> planOutputs)
      throws Exception {
    Map<String, Object> step = steps().stream().filter(s -> "expiry".equals(s.get("id"))).findFirst().orElseThrow();
    assertThat(step.get("if")).isEqualTo(
        "steps.plan.outputs.exit-code == '2' || steps.plan.outputs.exit-code == '4'");
    Map<String, String> env = new HashMap<>(secrets);
    env.put("ROLEFORM_NOW", AFTER);
    ((Map<?, ?>) step.get("env")).forEach((k, v) -> {
      Matcher m = EXPRESSION.matcher(String.valueOf(v));
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        String value = m.group(3) != null ? secrets.get(m.group(3)) : planOutputs.get(m.group(2));
        m.appendReplacement(sb, Matcher.quoteReplacement(value == null ? "" : value));
      }
      m.appendTail(sb);
      env.put(String.valueOf(k), sb.toString());
    });
    return bash(String.valueOf(step.get("run")), env, "expiry");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> steps() throws Exception {
    Map<String, Object> doc;
    try (Reader r = Files.newBufferedReader(WORKFLOW, StandardCharsets.UTF_8)) {
      doc = new Yaml().load(r);
    }
    Map<String, Object> job = ((Map<String, Map<String, Object>>) doc.get("jobs")).get("drift");
    return (List<Map<String, Object>>) job.get("steps");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> gitlabJob(String name) throws Exception {
    try (Reader r = Files.newBufferedReader(CiScripts.EXAMPLES.resolve("gitlab-ci.yml"), StandardCharsets.UTF_8)) {
      return (Map<String, Object>) ((Map<String, Object>) new Yaml().load(r)).get(name);
    }
  }

  /** Runs a step's script as GitHub's {@code shell: bash} does; returns its GITHUB_OUTPUT. */
  private Map<String, String> bash(String script, Map<String, String> env, String name) throws Exception {
    Path file = work.resolve(name + ".sh");
    Path output = work.resolve(name + ".output");
    Path log = work.resolve(name + ".log");
    Files.writeString(file, script);
    ProcessBuilder pb = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", file.toString())
        .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    pb.environment().put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
    pb.environment().put("GITHUB_OUTPUT", output.toString());
    pb.environment().put("GITHUB_STEP_SUMMARY", work.resolve("summary.md").toString());
    Process p = pb.start();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("the %s step ends within 3 minutes", name).isTrue();
    assertThat(p.exitValue()).as("the %s step succeeds:\n%s", name, Files.readString(log)).isZero();
    Map<String, String> out = new LinkedHashMap<>();
    if (Files.exists(output)) {
      for (String line : Files.readAllLines(output)) {
        int eq = line.indexOf('=');
        if (eq > 0) out.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return out;
  }

  /** The members of {@code role} in the live sandbox, as roleform exports them. */
  private List<String> membersOf(Map<String, String> secrets, String role) throws Exception {
    Path dir = work.resolve("export-" + System.nanoTime());
    CliRun export = CliRun.run(secrets, "export", "--out", dir.toString());
    assertThat(export.exitCode()).as("%s", export).isZero();
    String yaml = Files.readString(dir.resolve("roleform.yaml"));
    int start = yaml.indexOf("- name: " + role + "\n");
    if (start < 0) start = yaml.indexOf("- name: \"" + role + "\"\n");
    assertThat(start).as("role %s in\n%s", role, yaml).isNotNegative();
    int end = yaml.indexOf("- name: ", start + 8);
    String block = yaml.substring(start, end < 0 ? yaml.length() : end);
    return MEMBER.matcher(block).results().map(r -> r.group(2)).toList();
  }
}
