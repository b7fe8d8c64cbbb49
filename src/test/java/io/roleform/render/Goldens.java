package io.roleform.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Expected renderings kept as files under {@code src/test/resources/render/<case>/}. Run the tests
 * with {@code -Droleform.updateGoldens=true} to (re)write them from the current output, then review
 * the diff before committing.
 */
final class Goldens {

  static final Path ROOT = Path.of("src", "test", "resources", "render");
  private static final boolean UPDATE = Boolean.getBoolean("roleform.updateGoldens");

  private Goldens() {}

  static void assertMatches(String testCase, String file, String actual) {
    Path path = ROOT.resolve(testCase).resolve(file);
    try {
      if (UPDATE) {
        Files.createDirectories(path.getParent());
        Files.writeString(path, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(path)
          .as("golden file %s is missing; run with -Droleform.updateGoldens=true to create it", path)
          .exists();
      String expected = Files.readString(path, StandardCharsets.UTF_8);
      assertThat(actual).as("rendering of %s differs from %s", testCase, path).isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
