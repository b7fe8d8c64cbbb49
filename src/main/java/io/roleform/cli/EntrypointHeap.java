package io.roleform.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link ConfigHeap}'s initial heap for a JVM started with fixed options: the container images'
 * entrypoints (the Dockerfile's and Jib's) and the GitHub Action's wrapper, which ask for it with
 * {@code -Droleform.configHeap=true}. As with {@code ./roleform} and plain {@code java -jar}
 * ({@link Relaunch}), a command whose config is 32 MiB or more gets {@link ConfigHeap#options} (an
 * initial heap of its size and the parallel collector): a JVM cannot change them once started, so
 * that command is re-run in a child JVM with exactly this JVM's arguments (its options and
 * class-data sharing archive included) and those options after this JVM's own, which they
 * override.
 * Everything else — a smaller config, {@code --version}, help, the sandbox — runs in place, at no
 * cost; a big config pays one small JVM start (~0.1–0.2 s) on a run of seconds.
 *
 * <p>Guarantees: re-runs only when the property is {@code true}, the command and its arguments
 * make {@link ConfigHeap#options} choose options, this JVM ran {@code -jar} or a class path, none
 * of {@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS} and {@code ROLEFORM_JAVA_OPTS} is set (the
 * user chose the JVM's options; an {@code -Xmx} there could be below the size, and the JVM would
 * refuse to start), this JVM was given no heap size of its own, no argument names a pipe or a
 * descriptor the child could not open ({@link Relaunch#childCanOpen}), and it is not already a child; the
 * child's input, output and exit status are this process's; if it cannot be started, the command
 * runs in this JVM.
 */
final class EntrypointHeap {
  /** The system property an entrypoint sets to ask for the heap. */
  static final String PROPERTY = "roleform.configHeap";

  private static final List<String> HEAP_OPTIONS = List.of("-Xms", "-Xmx", "-XX:InitialHeapSize", "-XX:MaxHeapSize",
      "-XX:MinHeapSize", "-XX:InitialRAMPercentage", "-XX:MaxRAMPercentage", "-XX:MinRAMPercentage", "-XX:MaxRAM=");

  private static final Set<String> USER_OPTIONS = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "ROLEFORM_JAVA_OPTS");

  private EntrypointHeap() {}

  /**
   * The child's command line, or {@code null} to run here.
   *
   * @param asked whether {@link #PROPERTY} is {@code true} and this is not a child already
   * @param java this JVM's executable
   * @param jvmArguments this JVM's arguments after the executable (options, then {@code -jar JAR}
   *     or the class path and main class, then {@code args})
   * @param args the command line roleform was given
   * @param env the environment
   */
  static List<String> childCommand(boolean asked, String java, List<String> jvmArguments, List<String> args,
      Map<String, String> env) {
    if (!asked || java == null) return null;
    for (String name : USER_OPTIONS) if (env.containsKey(name)) return null;
    int start = -1; // where the program starts: -jar JAR, or the class path and then the main class
    for (int i = 0; i < jvmArguments.size() && start < 0; i++) {
      String a = jvmArguments.get(i);
      if (a.equals("-jar") || a.equals("-cp") || a.equals("-classpath") || a.equals("--class-path")) start = i;
      for (String heap : HEAP_OPTIONS) if (a.startsWith(heap)) return null;
    }
    if (start < 0 || !Relaunch.childCanOpen(args)) return null;
    List<String> big = ConfigHeap.options(args);
    if (big.isEmpty()) return null;
    // After this JVM's own options, which they override (the collector, the young generation).
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmArguments.subList(0, start));
    command.addAll(big);
    command.add("-D" + Relaunch.CHILD_PROPERTY + "=true");
    command.addAll(jvmArguments.subList(start, jvmArguments.size()));
    return command;
  }

  /** Runs the command in a child JVM with the options and returns its exit status, or -1 to run it here. */
  static int run(String[] args) {
    boolean asked = Boolean.getBoolean(PROPERTY) && System.getProperty(Relaunch.CHILD_PROPERTY) == null;
    // --version, help and small configs: decided before this process's arguments are read.
    if (!asked || ConfigHeap.options(List.of(args)).isEmpty()) return -1;
    ProcessHandle.Info info = ProcessHandle.current().info();
    List<String> command = childCommand(true, info.command().orElse(null),
        info.arguments().map(List::of).orElse(List.of()), List.of(args), System.getenv());
    return command == null ? -1 : Relaunch.runChild(command);
  }
}
