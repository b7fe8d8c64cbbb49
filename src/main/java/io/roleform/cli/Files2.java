package io.roleform.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes output files so that a failure never leaves a half-written file behind. */
final class Files2 {
  private Files2() {}

  static void writeAtomically(Path target, String content) {
    try {
      Path abs = target.toAbsolutePath();
      Path dir = abs.getParent();
      if (dir != null) Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".roleform-", ".tmp");
      try {
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new CliException(ExitCodes.ERROR, "Cannot write " + target + ": " + e.getMessage());
    }
  }
}
