package io.roleform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The benchmark measures roleform with the JVM options users get from the {@code ./roleform} launcher. */
class LauncherOptionsTest {

  @Test
  void benchUsesTheLaunchersDefaultJvmOptions() throws IOException {
    String launcher = Files.readString(Path.of("roleform"));
    assertThat(launcher).contains("${ROLEFORM_JAVA_OPTS-" + String.join(" ", SizeBench.JVM_OPTS) + "}");
  }
}
