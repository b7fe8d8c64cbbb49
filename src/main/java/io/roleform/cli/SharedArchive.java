package io.roleform.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The class-data sharing archive next to the jar ({@code roleform.jsa}, made at build time by
 * {@link CdsTraining}): the JVM options that use it, for a child JVM started by {@link Relaunch}.
 * The {@code ./roleform} launcher, the Dockerfile and the action add the same options.
 *
 * <p>Guarantees: no option at all when the archive is missing, unreadable or older than the jar
 * (the jar was rebuilt after it); otherwise {@code -XX:SharedArchiveFile=ARCHIVE} plus the options
 * that keep the JVM silent when it still cannot use the archive (made for another path, another
 * JDK, or damaged): the JVM then runs without it ({@code -Xshare:auto}, its default), prints
 * nothing and behaves the same, only slower to start.
 */
public final class SharedArchive {
  /** The archive's file name, next to the jar. */
  public static final String FILE = "roleform.jsa";

  /** Silences the JVM's class-data sharing warnings (an unusable archive is then just not used). */
  public static final List<String> QUIET = List.of("-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");

  private SharedArchive() {}

  /** The options that use the archive next to {@code jar}, or none. */
  public static List<String> options(String jarPath) {
    try {
      Path jar = Path.of(jarPath);
      Path dir = jar.toAbsolutePath().getParent();
      if (dir == null) return List.of();
      Path archive = dir.resolve(FILE);
      if (!Files.isRegularFile(archive) || !Files.isReadable(archive)) return List.of();
      if (Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) < 0) return List.of();
      return java.util.stream.Stream.concat(
          java.util.stream.Stream.of("-XX:SharedArchiveFile=" + archive), QUIET.stream()).toList();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
