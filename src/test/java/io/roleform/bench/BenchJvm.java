package io.roleform.bench;

import io.roleform.cli.SharedArchive;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The JVM options every benchmark gives roleform and its floors: the {@code ./roleform} launcher's default. */
public final class BenchJvm {
  /** Kept equal to the launcher's {@code ROLEFORM_JAVA_OPTS} default by {@code LauncherOptionsTest}. */
  public static final List<String> OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmn64m");

  private BenchJvm() {}

  /**
   * The options of a measured roleform run: {@link #OPTIONS} plus, as the launcher adds them, the
   * class-data sharing archive next to {@code jar} when it is usable ({@link SharedArchive}). The
   * floors get {@link #OPTIONS} alone: they run other classes (the archive is made for roleform's
   * jar and does not apply to their class path).
   */
  public static List<String> roleform(Path jar) {
    List<String> options = new ArrayList<>(OPTIONS);
    options.addAll(SharedArchive.options(jar.toString()));
    return options;
  }
}
