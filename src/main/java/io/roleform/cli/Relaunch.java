package io.roleform.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes plain {@code java -jar roleform.jar plan ...} as fast and small as the {@code ./roleform}
 * launcher: a batch command started with no JVM option at all is re-run in a child JVM with the
 * launcher's options ({@code -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmn64m}, or {@code
 * ROLEFORM_JAVA_OPTS} when set; without it, also {@link ConfigHeap}'s initial heap and collector for a
 * config of 32 MiB or more, as the launcher), whose input, output and exit status are this process's. A jar's
 * manifest cannot choose the collector or the compilers, and with the JVM's defaults on a small
 * machine C2 and G1's threads compete with roleform for the cores (L no-op plan: twice the CPU
 * time, 550–610 MiB instead of ~300 MiB).
 *
 * <p>Guarantees: never re-runs when any JVM option was given on the command line, when {@code
 * JAVA_TOOL_OPTIONS} or {@code JDK_JAVA_OPTIONS} is set, when {@code ROLEFORM_JAVA_OPTS} is set
 * but empty (the JVM's defaults, as with the launcher), for commands other than {@link #COMMANDS}
 * (the sandbox, help and version run in place), when an argument names a pipe or a descriptor
 * ({@link #childCanOpen}), or in a child already re-run; if the child cannot
 * be started, the command runs in this JVM. The cost is one small JVM start (~0.1 s). The child
 * also uses the class-data sharing archive next to the jar when there is a usable one ({@link
 * SharedArchive}: never an extra line of output when it is missing, stale or made elsewhere).
 */
final class Relaunch {
  /** The launcher's default JVM options (kept equal to {@code ./roleform} by a test). */
  static final List<String> OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmn64m");

  /** The short batch commands worth a tuned JVM. */
  static final Set<String> COMMANDS = Set.of("plan", "apply", "validate", "export", "check", "report");

  static final String CHILD_PROPERTY = "roleform.relaunched";

  private Relaunch() {}

  /**
   * The child's command line, or {@code null} to run here.
   *
   * @param java this JVM's executable
   * @param jvmArguments this JVM's arguments after the executable ({@code -jar JAR ARGS...} for a
   *     plain jar launch)
   * @param env the environment
   */
  static List<String> childCommand(String java, List<String> jvmArguments, Map<String, String> env) {
    if (java == null || jvmArguments.size() < 3 || !jvmArguments.get(0).equals("-jar")) return null;
    if (!COMMANDS.contains(jvmArguments.get(2))) return null;
    if (!childCanOpen(jvmArguments.subList(3, jvmArguments.size()))) return null;
    if (env.containsKey("JAVA_TOOL_OPTIONS") || env.containsKey("JDK_JAVA_OPTIONS")) return null;
    List<String> options = new ArrayList<>(OPTIONS);
    String custom = env.get("ROLEFORM_JAVA_OPTS");
    if (custom != null) {
      if (custom.isBlank()) return null;
      options = List.of(custom.trim().split("\\s+"));
    } else {
      options.addAll(ConfigHeap.options(jvmArguments.subList(2, jvmArguments.size())));
    }
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(options);
    command.addAll(SharedArchive.options(jvmArguments.get(1)));
    command.add("-D" + CHILD_PROPERTY + "=true");
    command.addAll(jvmArguments);
    return command;
  }

  /**
   * Whether a child JVM can open every path among {@code args} (an argument, or the value of a
   * {@code --name=value} one) as this process can: {@code false} when one names something that
   * exists but is neither a regular file nor a directory — a pipe or a descriptor such as
   * {@code --token-file <(...)}'s {@code /dev/fd/63}, which the child, inheriting no descriptor
   * above 2 from {@link ProcessBuilder}, could not read. Such a command runs in place.
   */
  static boolean childCanOpen(List<String> args) {
    for (String a : args) {
      String path = a;
      if (a.startsWith("-")) {
        int eq = a.indexOf('=');
        if (eq < 0) continue;
        path = a.substring(eq + 1);
      }
      if (path.isEmpty()) continue;
      try {
        java.nio.file.Path p = java.nio.file.Path.of(path);
        if (java.nio.file.Files.exists(p) && !java.nio.file.Files.isRegularFile(p) && !java.nio.file.Files.isDirectory(p)) {
          return false;
        }
      } catch (java.nio.file.InvalidPathException | SecurityException e) {
        // not a path: nothing to open
      }
    }
    return true;
  }

  /** Runs the command in a tuned child JVM and returns its exit status, or -1 to run it here. */
  static int run() {
    if (System.getProperty(CHILD_PROPERTY) != null) return -1;
    ProcessHandle.Info info = ProcessHandle.current().info();
    List<String> command = childCommand(info.command().orElse(null),
        info.arguments().map(List::of).orElse(List.of()), System.getenv());
    return command == null ? -1 : runChild(command);
  }

  /**
   * Runs {@code command} as a child JVM that owns this process's input, output and exit status
   * (also for {@link EntrypointHeap}); -1 when it cannot be started.
   */
  static int runChild(List<String> command) {
    Process child;
    try {
      child = new ProcessBuilder(command).inheritIO().start();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    Thread stop = new Thread(() -> {
      child.destroy();
      try {
        child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "roleform-relaunch-stop");
    Runtime.getRuntime().addShutdownHook(stop);
    while (true) {
      try {
        int status = child.waitFor();
        try {
          Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException shuttingDown) {
          // the hook runs anyway and finds the child gone
        }
        return status;
      } catch (InterruptedException e) {
        // keep waiting: the child owns the terminal until it exits
      }
    }
  }
}
