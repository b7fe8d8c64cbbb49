package io.roleform.bench;

import java.util.List;

/** The JVM options every benchmark gives roleform and its floors: the {@code ./roleform} launcher's default. */
public final class BenchJvm {
  /** Kept equal to the launcher's {@code ROLEFORM_JAVA_OPTS} default by {@code LauncherOptionsTest}. */
  public static final List<String> OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmn64m");

  private BenchJvm() {}
}
