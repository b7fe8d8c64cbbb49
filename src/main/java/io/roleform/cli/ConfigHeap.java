package io.roleform.cli;

import java.io.File;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;

/**
 * The JVM options of a big config, for the JVM that runs a command ({@link Relaunch} adds them for
 * plain {@code java -jar}; the {@code ./roleform} launcher computes the same in shell): an initial
 * heap sized to the config, and the parallel collector with a 128 MiB young generation.
 *
 * <p>Why: the XL no-op plan (a 60 MB config, ≈ 450 MB live at its end) copies that data from the
 * young generation to the old one in ≈ 32 stop-the-world collections, and every pause also stops
 * the chain of page requests the plan waits on. Under the serial collector a heap that has to grow
 * pays a full collection at each growth (the default initial heap grew twice: two full collections
 * of 0.4–0.7 s; started at its size, none). The parallel collector copies with every core: pauses
 * 1.1–1.4 s → 0.7–0.85 s in all, wall lower in 8 of 9 interleaved
 * same-jar pairs (serial 8.5–13.4 s, parallel 7.9–11.4 s), peak RSS
 * ≈ 630 → ≈ 710 MiB (bench/NOTES.md, sixth round). Small configs keep the launcher's serial
 * collector: there the pauses are short and a second GC thread only competes for the cores.
 *
 * <p>Guarantees: for {@link #COMMANDS} only, the size is the sum of the apparent sizes of every
 * argument after the command that names an existing file (the config, a saved plan; not the value
 * of {@link #OUTPUTS}, a file the command writes, such as last run's saved plan) and of the {@code *.yaml}/{@code
 * *.yml} files (any case, as the loader reads them) under every one that names a directory, so a
 * repository's other files ({@code .git}, build output) never inflate it;
 * at {@link #THRESHOLD} bytes or more the option is {@code -Xms<N>m} with N = 16 bytes of heap per
 * byte of config rounded up to a multiple of 64, at most 2048; below it, no option (the JVM's
 * default: L's 6 MB config is unchanged). {@code -Xms} alone also raises the JVM's default maximum
 * heap to at least that size, and neither the launcher nor {@link Relaunch} adds it when the user
 * gave JVM options ({@code ROLEFORM_JAVA_OPTS}, {@code JAVA_TOOL_OPTIONS}, {@code
 * JDK_JAVA_OPTIONS}) whose {@code -Xmx} could be smaller, so it never makes the JVM refuse to start.
 */
public final class ConfigHeap {
  /** The smallest config that gets a sized heap: 32 MiB. */
  public static final long THRESHOLD = 32L << 20;

  /** The collector of a big config: the serial one switched off, the parallel one with 128 MiB young. */
  static final List<String> BIG_CONFIG_GC = List.of("-XX:-UseSerialGC", "-XX:+UseParallelGC", "-Xmn128m");

  /** The options whose value is a file the command writes: never counted. */
  static final Set<String> OUTPUTS = Set.of("--out", "--report");

  /** The commands that load a config (or a saved plan carrying one). */
  static final Set<String> COMMANDS = Set.of("plan", "apply", "validate", "check", "report");

  private ConfigHeap() {}

  /**
   * The options for running {@code args} (the command first), or none.
   *
   * @param args the command line after {@code -jar JAR}
   */
  public static List<String> options(List<String> args) {
    if (args.isEmpty() || !COMMANDS.contains(args.get(0))) return List.of();
    long bytes = 0;
    boolean output = false; // the argument is the value of an output option
    for (String a : args.subList(1, args.size())) {
      if (!output && !a.isEmpty() && !a.startsWith("-")) bytes += size(new File(a), true);
      output = OUTPUTS.contains(a);
    }
    if (bytes < THRESHOLD) return List.of();
    List<String> options = new java.util.ArrayList<>();
    options.add("-Xms" + megabytes(bytes) + "m");
    options.addAll(BIG_CONFIG_GC);
    return List.copyOf(options);
  }

  /** The initial heap in MiB for a config of {@code bytes}: 16 per byte, in 64 MiB steps, at most 2 GiB. */
  static long megabytes(long bytes) {
    long mib = (bytes * 16 + (1 << 20) - 1) >> 20;
    return Math.min(2048, (mib + 63) / 64 * 64);
  }

  /**
   * The apparent size of the regular files at or under {@code f}: a link is followed only when it
   * is the argument itself ({@code find -H f -type f}, as the launcher does), so a loop of links
   * is never walked.
   */
  private static long size(File f, boolean argument) {
    if (!argument && Files.isSymbolicLink(f.toPath())) return 0;
    if (f.isFile()) return argument || isYaml(f.getName()) ? f.length() : 0;
    File[] children = f.listFiles();
    if (children == null) return 0;
    long sum = 0;
    for (File c : children) sum += size(c, false);
    return sum;
  }

  private static boolean isYaml(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml");
  }
}
