package io.roleform.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.cli.RoleformCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-config corpus: every directory under {@code src/test/resources/config/bad/} holds a config
 * (one file or several) and {@code expected.txt}, the exact problems it must give — position,
 * path, message and hint — with file names relative to the case directory.
 */
class BadConfigCorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/config/bad");
  /** The environment every case runs in (case 62 substitutes a value that is not an email; 63 and 64 try secrets). */
  static final Map<String, String> ENV = Map.of("ROLEFORM_VAR_TEST_OWNER", "owner-without-at", "ROLEFORM_TOKEN", "s3cr3t-token", "DEPLOY_PASSWORD", "hunter22");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(CORPUS)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @Test
  void corpusHasAtLeastFortyCases() throws IOException {
    assertThat(cases().count()).isGreaterThanOrEqualTo(40);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void givesExactlyTheExpectedProblems(String name) throws IOException {
    Path dir = CORPUS.resolve(name);
    String expected = Files.readString(dir.resolve("expected.txt")).strip();

    ConfigResult result = ConfigLoader.load(dir, ENV);

    assertThat(result.ok()).isFalse();
    assertThat(result.desired()).isNull();
    String actual = result.problems().stream().map(Diagnostic::format)
        .collect(Collectors.joining("\n"))
        .replace(dir + "/", "");
    if (expected.isEmpty() && Boolean.getBoolean("roleform.regenerate")) {
      // A new case starts with an empty expected.txt; -Droleform.regenerate=true fills it for review.
      Files.writeString(dir.resolve("expected.txt"), actual + "\n");
      return;
    }
    assertThat(actual).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validateExitsOneWithoutStackTrace(String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = RoleformCommand.run(new String[] {"validate", CORPUS.resolve(name).toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), ENV);

    String all = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(": error: ");
    assertThat(all).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error");
  }

  @Test
  void everyCaseHasAConfigAndAnExpectation() throws IOException {
    for (String name : cases().toList()) {
      Path dir = CORPUS.resolve(name);
      assertThat(dir.resolve("expected.txt")).as(name).isRegularFile();
      try (Stream<Path> files = Files.walk(dir)) {
        List<Path> yaml = files.filter(p -> p.toString().matches(".*\\.ya?ml")).toList();
        assertThat(yaml).as(name).isNotEmpty();
      }
    }
  }
}
