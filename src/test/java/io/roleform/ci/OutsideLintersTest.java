package io.roleform.ci;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.testing.OutsideTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Action and the CI examples under outside validators, as GitHub and GitLab would read them:
 * {@code action.yml} and every GitHub workflow by {@code @action-validator/cli} 0.6.0 (the
 * schemas of actions and workflows), {@code examples/ci/gitlab-ci.yml} by {@code gitlab-ci-local}
 * 4.52.0 (GitLab's CI schema, then the list of jobs). Skipped, loudly, where the tools are not
 * installed ({@code .ci/setup-npm-linters.sh}).
 */
class OutsideLintersTest {
  static List<Path> githubFiles() throws IOException {
    List<Path> files = new ArrayList<>(List.of(ActionSteps.ACTION));
    for (Path dir : List.of(CiScripts.EXAMPLES.resolve("github-actions"), Path.of(".github", "workflows"))) {
      if (!Files.isDirectory(dir)) continue;
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().forEach(files::add);
      }
    }
    return files;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("githubFiles")
  void actionValidatorAcceptsTheActionAndEveryWorkflow(Path file) {
    OutsideTool validator = OutsideTool.require("action-validator");

    OutsideTool.Result r = validator.run(120, file.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.output()).as(r.toString()).doesNotContainIgnoringCase("error");
  }

  @Test
  void actionValidatorRejectsAnActionWithAnUnknownKey() throws IOException {
    OutsideTool validator = OutsideTool.require("action-validator");
    Path bad = Files.createDirectories(Path.of("target", "lint")).resolve("action.yml");
    Files.writeString(bad, Files.readString(ActionSteps.ACTION).replace("runs:\n  using: composite", "runs:\n  usign: composite"));

    assertThat(validator.run(120, bad.toString()).exitCode()).isNotZero();
  }

  @Test
  void gitlabCiLocalValidatesTheGitLabPipelineAndListsItsFourJobs() {
    OutsideTool gitlab = OutsideTool.require("gitlab-ci-local");

    OutsideTool.Result r = gitlab.run(300, "--file", "examples/ci/gitlab-ci.yml",
        "--state-dir", "target/gitlab-ci-local", "--list-all");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.output()).as(r.toString()).contains("json schema validated");
    List<String> jobs = r.output().lines().map(l -> l.split("\\s+")[0]).toList();
    assertThat(jobs).as(r.toString()).contains("validate", "plan", "drift", "apply");
  }

  @Test
  void gitlabCiLocalRejectsAJobWithoutScript() throws IOException {
    OutsideTool gitlab = OutsideTool.require("gitlab-ci-local");
    Path bad = Files.createDirectories(Path.of("target", "lint")).resolve("gitlab-ci.yml");
    Files.writeString(bad, "job:\n  scripts: [echo]\n");

    OutsideTool.Result r = gitlab.run(300, "--file", "target/lint/gitlab-ci.yml",
        "--state-dir", "target/gitlab-ci-local", "--list-all");

    assertThat(r.exitCode()).as(r.toString()).isNotZero();
  }
}
