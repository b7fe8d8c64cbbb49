package io.roleform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelaunchTest {
  private static final List<String> PLAIN_PLAN = List.of("-jar", "target/roleform.jar", "plan", "cfg", "--portal", "x");

  @Test
  void plainJarLaunchOfABatchCommandIsReRunWithTheLaunchersOptions() {
    assertThat(Relaunch.childCommand("/usr/bin/java", PLAIN_PLAN, Map.of())).containsExactly("/usr/bin/java",
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmn64m", "-Droleform.relaunched=true",
        "-jar", "target/roleform.jar", "plan", "cfg", "--portal", "x");
  }

  @Test
  void roleformJavaOptsChoosesTheOptionsAndEmptyMeansRunInPlace() {
    assertThat(Relaunch.childCommand("java", PLAIN_PLAN, Map.of("ROLEFORM_JAVA_OPTS", " -Xmx1g  -XX:+UseSerialGC ")))
        .startsWith("java", "-Xmx1g", "-XX:+UseSerialGC", "-Droleform.relaunched=true", "-jar");
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
}
