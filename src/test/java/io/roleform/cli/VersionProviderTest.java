package io.roleform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code --version} names the version, the git commit and the build time. */
class VersionProviderTest {

  private static Properties git(String... keyValues) {
    Properties p = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) p.setProperty(keyValues[i], keyValues[i + 1]);
    return p;
  }

  @Test
  void namesVersionCommitAndBuildTime() {
    assertThat(VersionProvider.line(git(
            "git.build.version", "1.2.3",
            "git.commit.id.abbrev", "abc1234",
            "git.build.time", "2026-01-02T03:04:05Z",
            "git.dirty", "false")))
        .isEqualTo("roleform 1.2.3 (commit abc1234, built 2026-01-02T03:04:05Z)");
  }

  @Test
  void saysSoWhenTheBuildHadLocalChanges() {
    assertThat(VersionProvider.line(git(
            "git.build.version", "1.2.3", "git.commit.id.abbrev", "abc1234",
            "git.build.time", "2026-01-02T03:04:05Z", "git.dirty", "true")))
        .isEqualTo("roleform 1.2.3 (commit abc1234 with local changes, built 2026-01-02T03:04:05Z)");
  }

  @Test
  void aBuildOutsideGitStillPrintsAVersionLine() {
    assertThat(VersionProvider.line(new Properties())).matches("roleform \\S+ \\(commit unknown\\)");
  }

  @Test
  void versionOptionPrintsTheLineOfThisBuild() throws IOException {
    CliOutput run = CliOutput.run("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).matches(
        "roleform \\S+ \\(commit ([0-9a-f]{7,}|unknown)( with local changes)?(, built \\S+)?\\)\\R");
    Properties built = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream(VersionProvider.GIT_PROPERTIES)) {
      if (in != null) built.load(in);
    }
    assertThat(run.out().strip()).isEqualTo(VersionProvider.line(built));
    if (built.containsKey("git.commit.id.abbrev")) {
      assertThat(run.out()).contains("(commit " + built.getProperty("git.commit.id.abbrev"));
    }
  }
}
