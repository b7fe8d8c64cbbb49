package io.roleform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelaunchTest {
  private static final List<String> PLAIN_PLAN = List.of("-jar", "target/roleform.jar", "plan", "cfg", "--portal", "x");

  @TempDir Path dir;

  @Test
  void plainJarLaunchOfABatchCommandIsReRunWithTheLaunchersOptions() throws Exception {
    String jar = Files.writeString(dir.resolve("roleform.jar"), "jar").toString();
    List<String> plain = List.of("-jar", jar, "plan", "cfg", "--portal", "x");
    assertThat(Relaunch.childCommand("/usr/bin/java", plain, Map.of())).containsExactly("/usr/bin/java",
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmn64m", "-Droleform.relaunched=true",
        "-jar", jar, "plan", "cfg", "--portal", "x");
  }

  @Test
  void theChildUsesTheClassDataSharingArchiveNextToTheJarOnlyWhenItIsNewerThanTheJar() throws Exception {
    Path jar = Files.writeString(dir.resolve("roleform.jar"), "jar");
    Path jsa = Files.writeString(dir.resolve("roleform.jsa"), "jsa");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000_000_000L));
    Files.setLastModifiedTime(jsa, FileTime.fromMillis(1_000_000_001_000L));
    List<String> plain = List.of("-jar", jar.toString(), "validate", "cfg");
    assertThat(Relaunch.childCommand("java", plain, Map.of())).containsExactly("java",
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmn64m",
        "-XX:SharedArchiveFile=" + jsa.toAbsolutePath(), "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
        "-Droleform.relaunched=true", "-jar", jar.toString(), "validate", "cfg");
    // ROLEFORM_JAVA_OPTS replaces the tuning options, not the archive.
    assertThat(Relaunch.childCommand("java", plain, Map.of("ROLEFORM_JAVA_OPTS", "-Xmx1g")))
        .containsSubsequence("-Xmx1g", "-XX:SharedArchiveFile=" + jsa.toAbsolutePath(), "-jar");
    // The jar rebuilt after the archive: the archive is stale, not used.
    Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000_002_000L));
    assertThat(Relaunch.childCommand("java", plain, Map.of())).noneMatch(o -> o.contains("SharedArchiveFile"));
    // No archive.
    Files.delete(jsa);
    assertThat(Relaunch.childCommand("java", plain, Map.of())).noneMatch(o -> o.contains("SharedArchiveFile"));
    // A jar that does not exist, or a path that is not one: no archive, no failure.
    assertThat(SharedArchive.options(dir.resolve("missing.jar").toString())).isEmpty();
    assertThat(SharedArchive.options("\0bad")).isEmpty();
  }

  @Test
  void roleformJavaOptsChoosesTheOptionsAndEmptyMeansRunInPlace() {
    assertThat(Relaunch.childCommand("java", PLAIN_PLAN, Map.of("ROLEFORM_JAVA_OPTS", " -Xmx1g  -XX:+UseSerialGC ")))
        .startsWith("java", "-Xmx1g", "-XX:+UseSerialGC")
        .containsSubsequence("-XX:+UseSerialGC", "-Droleform.relaunched=true", "-jar")
        .doesNotContain("-Xmn64m");
    assertThat(Relaunch.childCommand("java", PLAIN_PLAN, Map.of("ROLEFORM_JAVA_OPTS", ""))).isNull();
  }

  @Test
  void anyJvmOptionOrJavaOptionsVariableOrOtherCommandRunsInPlace() {
    assertThat(Relaunch.childCommand("java",
        List.of("-Xmx512m", "-jar", "target/roleform.jar", "plan", "cfg"), Map.of())).isNull();
    assertThat(Relaunch.childCommand("java", List.of("-cp", "x.jar", "io.roleform.cli.Main", "plan"), Map.of())).isNull();
    assertThat(Relaunch.childCommand("java", PLAIN_PLAN, Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g"))).isNull();
    assertThat(Relaunch.childCommand("java", PLAIN_PLAN, Map.of("JDK_JAVA_OPTIONS", "-Xmx1g"))).isNull();
    for (String command : List.of("sandbox", "--help", "--version", "help")) {
      assertThat(Relaunch.childCommand("java", List.of("-jar", "r.jar", command), Map.of())).isNull();
    }
    assertThat(Relaunch.childCommand("java", List.of("-jar", "r.jar"), Map.of())).isNull();
    assertThat(Relaunch.childCommand(null, PLAIN_PLAN, Map.of())).isNull();
  }

  @Test
  void theOptionsAreTheLaunchersAndTheContainersDefault() throws Exception {
    String options = String.join(" ", Relaunch.OPTIONS);
    assertThat(Files.readString(Path.of("roleform"))).contains("${ROLEFORM_JAVA_OPTS-" + options + "}");
    assertThat(Files.readString(Path.of("Dockerfile"))).contains("${ROLEFORM_JAVA_OPTS-" + options + "}");
  }

  @Test
  void aPipeOrADescriptorAmongTheArgumentsMeansRunInPlace() throws Exception {
    // bash's --token-file <(...) passes /dev/fd/63: a child JVM inherits no descriptor above 2.
    java.nio.file.Path file = java.nio.file.Files.createTempFile("roleform-relaunch", ".yaml");
    try {
      assertThat(Relaunch.childCanOpen(List.of("plan", file.toString(), "--token-file=" + file))).isTrue();
      assertThat(Relaunch.childCanOpen(List.of("plan", "missing.yaml", "--portal", "http://x"))).isTrue();
      assertThat(Relaunch.childCanOpen(List.of("plan", file.toString(), "--token-file", "/dev/null"))).isFalse();
      assertThat(Relaunch.childCanOpen(List.of("plan", "--token-file=/dev/null", file.toString()))).isFalse();
      assertThat(Relaunch.childCommand("java", List.of("-jar", "roleform.jar", "plan", file.toString(),
          "--token-file", "/dev/null"), Map.of())).isNull();
      assertThat(Relaunch.childCommand("java", List.of("-jar", "roleform.jar", "plan", file.toString()), Map.of()))
          .isNotNull();
    } finally {
      java.nio.file.Files.delete(file);
    }
  }
}
