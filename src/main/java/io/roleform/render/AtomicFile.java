package io.roleform.render;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The one way roleform writes an output file (a saved plan, an apply report, an exported config):
 * the content goes to a temporary file beside the target, which then replaces the target in one
 * atomic rename — so a reader sees the old file or the new one, never half of one, and a failure
 * leaves the old file as it was. Where the file system cannot rename atomically, the temporary file
 * still replaces the target in one move. The content is forced to the disk ({@code fsync}) before
 * the move, so a crash right after it cannot leave an empty or partial target; where the file
 * system refuses {@code fsync} (some network and FUSE mounts) the write goes on without it, as it
 * did before the force was added. The temporary file
 * never outlives the call.
 */
public final class AtomicFile {

  private AtomicFile() {}

  /** Writes {@code content} as UTF-8 to {@code target}, creating its directory if needed. */
  public static void write(Path target, String content) throws IOException {
    write(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * What writes a file's bytes (for content too large to hold as one string, such as a report or a
   * saved plan carrying its config).
   */
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes what {@code content} streams to {@code target}, creating its directory if needed. */
  public static void write(Path target, Content content) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir != null) Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, ".roleform-", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
          OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
        content.writeTo(out);
        out.flush();
        force(channel); // on disk before it replaces the target
      }
      try {
        Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** {@code fsync}, best effort: a file system that cannot force its data still gets the file. */
  private static void force(FileChannel channel) {
    try {
      channel.force(true);
    } catch (IOException e) {
      // not supported here: the rename still replaces the target in one step
    }
  }
}
