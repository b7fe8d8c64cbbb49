package io.roleform.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One child process, measured: wall time (from just before the fork to its exit), peak RSS
 * (GNU {@code /usr/bin/time}'s maximum resident set size, in KiB) and every stderr line with the
 * time it arrived, for splitting time between roleform and the portal.
 *
 * @param wallMs wall-clock milliseconds
 * @param peakRssKb peak resident set size in KiB, or -1 when {@code /usr/bin/time} is missing
 * @param exit the exit status
 * @param stdout everything printed on stdout
 * @param stderr stderr lines, each with its arrival time in ms since the fork
 */
record TimedRun(double wallMs, long peakRssKb, int exit, String stdout, List<Line> stderr) {

  record Line(double atMs, String text) {}

  static final Path GNU_TIME = Path.of("/usr/bin/time");
  static final long TIMEOUT_SECONDS = 600;

  /** Runs {@code command} in {@code dir} with {@code env} added, and waits for it. */
  static TimedRun run(Path dir, Map<String, String> env, List<String> command) throws IOException {
    Path timeFile = Files.createTempFile("roleform-bench-time", ".txt");
    try {
      List<String> full = new ArrayList<>();
      boolean gnuTime = Files.isExecutable(GNU_TIME);
      if (gnuTime) {
        full.addAll(List.of(GNU_TIME.toString(), "-f", "%M", "-o", timeFile.toString()));
      }
      full.addAll(command);
      ProcessBuilder pb = new ProcessBuilder(full).directory(dir.toFile());
      pb.environment().putAll(env);
      long start = System.nanoTime();
      Process p = pb.start();
      StringBuilder out = new StringBuilder();
      Thread outReader = new Thread(() -> drain(p, out), "bench-stdout");
      outReader.start();
      List<Line> err = new ArrayList<>();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          err.add(new Line((System.nanoTime() - start) / 1e6, line));
        }
      }
      int exit;
      try {
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IOException("timed out after " + TIMEOUT_SECONDS + " s: " + command);
        }
        exit = p.exitValue();
        outReader.join();
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      double wall = (System.nanoTime() - start) / 1e6;
      long rss = -1;
      if (gnuTime) {
        List<String> lines = Files.readAllLines(timeFile);
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).trim();
        rss = last.matches("\\d+") ? Long.parseLong(last) : -1;
      }
      return new TimedRun(wall, rss, exit, out.toString(), List.copyOf(err));
    } finally {
      Files.deleteIfExists(timeFile);
    }
  }

  private static void drain(Process p, StringBuilder out) {
    try {
      out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      out.append("(stdout unreadable: ").append(e.getMessage()).append(')');
    }
  }

  /** stderr as one string, for error messages. */
  String stderrText() {
    StringBuilder b = new StringBuilder();
    stderr.forEach(l -> b.append(l.text()).append('\n'));
    return b.toString();
  }

  /** Fails with the process's output unless it exited with {@code expected}. */
  TimedRun expectExit(int expected, String what) {
    if (exit != expected) {
      throw new IllegalStateException(what + " exited " + exit + " (expected " + expected + ")\nstdout:\n"
          + tail(stdout) + "\nstderr:\n" + tail(stderrText()));
    }
    return this;
  }

  private static String tail(String s) {
    return s.length() <= 4000 ? s : "..." + s.substring(s.length() - 4000);
  }
}
