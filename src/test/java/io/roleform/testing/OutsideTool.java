package io.roleform.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A linter from outside the JVM (an npm package's command), run by a test on files of this
 * repository. Found in {@code .ci/node_modules/.bin} (what {@code .ci/setup-npm-linters.sh}
 * installs) or {@code node_modules/.bin}; where it is missing, {@link #require} skips the test
 * with a loud message on stderr rather than passing silently. Test support only.
 *
 * @param name the command's name in {@code node_modules/.bin}
 * @param path where it is installed
 */
public record OutsideTool(String name, Path path) {
  private static final List<Path> BIN_DIRS = List.of(Path.of(".ci", "node_modules", ".bin"), Path.of("node_modules", ".bin"));

  /** The installed command {@code name}, or the test is skipped (loudly) saying how to install it. */
  public static OutsideTool require(String name) {
    for (Path dir : BIN_DIRS) {
      Path p = dir.resolve(name);
      if (Files.isExecutable(p)) return new OutsideTool(name, p.toAbsolutePath());
    }
    String why = "SKIPPED: `" + name + "` is not installed (looked in " + BIN_DIRS
        + "); run .ci/setup-npm-linters.sh (needs npm and the npm registry) to run this check";
    System.err.println("*".repeat(100) + "\n*** " + why + "\n" + "*".repeat(100));
    Assumptions.abort(why);
    throw new AssertionError("unreachable");
  }

  /** What one run printed and how it ended. */
  public record Result(List<String> command, int exitCode, String output) {
    @Override
    public String toString() {
      return String.join(" ", command) + "\nexit " + exitCode + "\n" + output;
    }
  }

  /**
   * Runs the tool with {@code args} in the current directory (the repository), stdout and stderr
   * merged, with {@code NO_COLOR} set; fails the test after {@code timeoutSeconds}.
   */
  public Result run(int timeoutSeconds, String... args) {
    List<String> command = new ArrayList<>();
    command.add(path.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("NO_COLOR", "1");
    pb.environment().put("FORCE_COLOR", "0");
    pb.environment().put("REDOCLY_TELEMETRY", "off");
    pb.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      byte[][] out = new byte[1][];
      Thread reader = new Thread(() -> {
        try {
          out[0] = p.getInputStream().readAllBytes();
        } catch (IOException e) {
          out[0] = ("(output unreadable: " + e + ")").getBytes(StandardCharsets.UTF_8);
        }
      });
      reader.start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new AssertionError(name + " did not finish within " + timeoutSeconds + " s: " + command);
      }
      reader.join(10_000);
      String text = out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8);
      return new Result(List.copyOf(command), p.exitValue(), text);
    } catch (IOException e) {
      throw new AssertionError("cannot start " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
