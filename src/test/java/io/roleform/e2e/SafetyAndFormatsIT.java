package io.roleform.e2e;

import io.roleform.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.plan.Plan;
import io.roleform.plan.PlanJson;
import io.roleform.render.MarkdownPlanRenderer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End to end over loopback, the real command line in-process: every safety limit refuses with exit
 * 4 and writes nothing (the portal's state version does not move) both in {@code plan} and in
 * {@code apply --auto-approve}; the {@code markdown} and {@code json} plan formats; {@code
 * validate --format github} annotations for a bad config.
 */
class SafetyAndFormatsIT {

  private static final String ROLES = """
      apiVersion: roleform/v1
      roles:
        - name: Admin
          members: %s
        - name: Support Techs
          members: %s
        - name: Billing
        - name: Interns
      """;

  private LoopbackSandbox sandbox;
  @TempDir Path dir;

  @AfterEach
  void stop() {
    if (sandbox != null) sandbox.close();
  }

  /** A refusal: the config (against the secure-exchanges seed), extra flags, and what it must say. */
  static Stream<Arguments> refusals() {
    String admins = "[alice@acme.example, bob@acme.example]";
    String techs = "[grace@acme.example, heidi@acme.example]";
    return Stream.of(
        Arguments.of("min-admins", ROLES.formatted("[alice@acme.example]", techs), List.of("--min-admins=2"),
            "--min-admins=1"),
        Arguments.of("self-lockout", ROLES.formatted("[bob@acme.example]", techs), List.of(),
            "no flag overrides this limit"),
        Arguments.of("max-deletions", ROLES.formatted(admins, techs).replace("  - name: Interns\n", "")
            + "removed:\n  - name: Interns\n    moveMembersTo: Billing\n", List.of("--max-deletions=0"), "--max-deletions=1"),
        Arguments.of("max-member-removals", ROLES.formatted(admins, "[]"), List.of("--max-member-removals=1"),
            "--max-member-removals=2"),
        Arguments.of("member-removal", ROLES.formatted(admins, techs).replace("  - name: Interns\n", "")
            + "removed:\n  - name: Interns\n", List.of(), "--allow-member-removal"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void eachSafetyLimitRefusesPlanAndApplyAndNothingIsWritten(String rule, String config, List<String> flags,
      String override) throws Exception {
    sandbox = LoopbackSandbox.start("secure-exchanges");
    Path file = write("roles.yaml", config);
    long before = sandbox.stateVersion();

    CliRun plan = CliRun.run(sandbox.env(), args("plan", file, flags));
    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(4);
    assertThat(plan.out()).as(plan.toString()).contains("Refused by safety limits", override);

    CliRun apply = CliRun.run(sandbox.env(), args("apply", file, flags, "--auto-approve"));
    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(4);
    assertThat(apply.err()).contains("nothing was changed");
    assertThat(apply.out()).doesNotContain("Apply complete");
    assertThat(sandbox.stateVersion()).as("state version after a refused %s", rule).isEqualTo(before);
  }

  @Test
  void memberRemovalPercentOfOneRoleIsRefusedAfterTheRoleGrew() throws Exception {
    sandbox = LoopbackSandbox.start("secure-exchanges");
    String admins = "[alice@acme.example, bob@acme.example]";
    Path grow = write("grow.yaml", ROLES.formatted(admins,
        "[grace@acme.example, heidi@acme.example, carol@acme.example, dan@acme.example, erin@acme.example]"));
    CliRun grown = CliRun.run(sandbox.env(), "apply", grow.toString(), "--auto-approve");
    assertThat(grown.exitCode()).as(grown.toString()).isZero();

    Path shrink = write("shrink.yaml", ROLES.formatted(admins, "[grace@acme.example, heidi@acme.example, carol@acme.example]"));
    long before = sandbox.stateVersion();
    CliRun apply = CliRun.run(sandbox.env(), "apply", shrink.toString(), "--auto-approve");
    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(4);
    assertThat(apply.out()).contains("removes 2 of the 5 members of Support Techs (40%, more than 25%)",
        "--max-member-removal-percent=40");
    assertThat(sandbox.stateVersion()).isEqualTo(before);

    CliRun lifted = CliRun.run(sandbox.env(), "apply", shrink.toString(), "--auto-approve",
        "--max-member-removal-percent=40");
    assertThat(lifted.exitCode()).as(lifted.toString()).isZero();
    assertThat(sandbox.stateVersion()).isEqualTo(before + 1);
  }

  @Test
  void markdownFormatIsTheCommentWithTheAccessImpact() throws Exception {
    sandbox = LoopbackSandbox.start("secure-exchanges");
    CliRun plan = CliRun.run(sandbox.env(), "plan", "examples/secure-exchanges", "--format", "markdown");
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
    assertThat(plan.out())
        .startsWith(MarkdownPlanRenderer.MARKER + "\n## roleform plan: 2 to create, 4 to change, 1 to delete\n")
        .contains("| To create | To change | To delete | Access gained | Access lost |",
            "### Access impact", "| carol@acme.example | gains | activation-rules | IT Administrators |",
            "<details open><summary>Roles to delete (1)</summary>")
        .doesNotContain("\u001b[");
    assertThat(plan.out().length()).isLessThanOrEqualTo(MarkdownPlanRenderer.DEFAULT_MAX_CHARS);
  }

  @Test
  void jsonFormatIsExactlyTheSavedPlanFile() throws Exception {
    sandbox = LoopbackSandbox.start("secure-exchanges");
    Path saved = dir.resolve("plan.json");
    CliRun plan = CliRun.run(sandbox.env(), "plan", "examples/secure-exchanges", "--format", "json",
        "--out", saved.toString());
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
    // The saved plan is the JSON plan plus what it was made from (madeFrom), which apply verifies.
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode file =
        (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(Files.readString(saved, StandardCharsets.UTF_8));
    assertThat(file.remove("madeFrom")).isNotNull();
    assertThat(json.readTree(plan.out())).isEqualTo(file);
    Plan read = PlanJson.read(plan.out());
    assertThat(read.fingerprint().stateVersion()).isEqualTo(sandbox.stateVersion());
    assertThat(read.operations()).hasSize(7);
    assertThat(read.access()).isNotEmpty();

    CliRun apply = CliRun.run(sandbox.env(), "apply", "--plan", saved.toString());
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
  }

  @Test
  void validateWithGithubFormatAnnotatesEachProblemAtItsLine() throws Exception {
    Path bad = write("bad.yaml", """
        apiVersion: roleform/v1
        roles:
          - name: Billing
            permisions: [billing]
          - name: Billing
        """);
    CliRun validate = CliRun.run(java.util.Map.of(), "validate", bad.toString(), "--format", "github");
    assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(1);
    List<String> lines = validate.out().lines().toList();
    assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("::error file=" + bad + ",line="));
    assertThat(validate.out()).contains(",line=4,col=").contains("permisions").contains(",line=5,col=");
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static String[] args(String command, Path config, List<String> flags, String... more) {
    List<String> all = new ArrayList<>(List.of(command, config.toString()));
    all.addAll(flags);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
