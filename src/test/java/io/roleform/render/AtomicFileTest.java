package io.roleform.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A streamed output file (a saved plan, a report) replaces its target whole or not at all: a
 * failure half-way leaves the old file as it was and no temporary file beside it.
 */
class AtomicFileTest {
  @TempDir Path dir;

  @Test
  void streamedContentReplacesTheTarget() throws Exception {
    Path target = Files.writeString(dir.resolve("plan.json"), "old");
    AtomicFile.write(target, out -> {
      for (int i = 0; i < 1000; i++) out.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
    });
    assertThat(Files.readAllLines(target)).hasSize(1000).startsWith("line 0").endsWith("line 999");
    assertThat(files()).containsExactly("plan.json");
  }

  @Test
  void aFailureHalfWayLeavesTheOldFileAndNothingElse() throws Exception {
    Path target = Files.writeString(dir.resolve("plan.json"), "old");
    assertThatThrownBy(() -> AtomicFile.write(target, out -> {
      out.write(new byte[200_000]);
      throw new IOException("disk full");
    })).hasMessage("disk full");
    assertThat(Files.readString(target)).isEqualTo("old");
    assertThat(files()).containsExactly("plan.json");
  }

  @Test
  void aFailureHalfWayWithoutAnOldFileLeavesNoFile() throws Exception {
    Path target = dir.resolve("sub/plan.json");
    assertThatThrownBy(() -> AtomicFile.write(target, out -> {
      out.write(new byte[10]);
      throw new IllegalStateException("bug");
    })).hasMessage("bug");
    assertThat(target).doesNotExist();
    try (Stream<Path> left = Files.list(dir.resolve("sub"))) {
      assertThat(left).isEmpty();
    }
  }

  private java.util.List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
