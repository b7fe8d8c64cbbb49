package io.roleform.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The one way roleform writes an output file (a saved plan, an apply report, an exported config):
 * the content goes to a temporary file beside the target, which then replaces the target in one
 * atomic rename — so a reader sees the old file or the new one, never half of one, and a failure
 * leaves the old file as it was. Where the file system cannot rename atomically, the temporary file
 * still replaces the target in one move. The temporary file never outlives the call.
 */
public final class AtomicFile {

  private AtomicFile() {}

  /** Writes {@code content} as UTF-8 to {@code target}, creating its directory if needed. */
  public static void write(Path target, String content) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir != null) Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, ".roleform-", ".tmp");
    try {
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      try {
        Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
