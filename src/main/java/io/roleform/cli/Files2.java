package io.roleform.cli;

import io.roleform.render.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writes output files with {@link AtomicFile}, failures as one-paragraph CLI errors. */
final class Files2 {
  private Files2() {}

  static void writeAtomically(Path target, String content) {
    writeAtomically(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
  }

  /** Writes what {@code content} streams (a saved plan: never held as one string). */
  static void writeAtomically(Path target, AtomicFile.Content content) {
    try {
      AtomicFile.write(target, content);
    } catch (IOException e) {
      throw new CliException(ExitCodes.ERROR, "Cannot write " + target + ": " + e.getMessage());
    }
  }
}
