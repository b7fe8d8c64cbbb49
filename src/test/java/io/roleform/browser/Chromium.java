package io.roleform.browser;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless chromium (Debian's {@code chromium} package, installed by {@code .ci/setup-chromium.sh})
 * run once per call, with a fresh profile directory, no network services and a time limit. Test
 * support only.
 */
public final class Chromium {

  private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
      "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--disable-extensions", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio");

  private final Path binary;

  private Chromium(Path binary) {
    this.binary = binary;
  }

  /** Chromium from {@code ROLEFORM_CHROMIUM}, or {@code chromium}/{@code chromium-browser} on the PATH. */
  public static Optional<Chromium> find() {
    String configured = System.getenv("ROLEFORM_CHROMIUM");
    if (configured != null && Files.isExecutable(Path.of(configured))) return Optional.of(new Chromium(Path.of(configured)));
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) return Optional.of(new Chromium(p));
      }
    }
    return Optional.empty();
  }

  /** The result of one run: what chromium printed and how long it took (wall clock). */
  public record Run(String stdout, String stderr, Duration elapsed) {}

  /** The DOM after the page loaded and its scripts ran ({@code --dump-dom}). */
  public Run dumpDom(String url, Duration timeout) throws IOException, InterruptedException {
    return run(timeout, "--virtual-time-budget=10000", "--dump-dom", url);
  }

  /** A PNG screenshot of the page at {@code width} x {@code height}. */
  public Run screenshot(String url, Path png, int width, int height, Duration timeout)
      throws IOException, InterruptedException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    return run(timeout, "--virtual-time-budget=10000", "--window-size=" + width + "," + height,
        "--screenshot=" + png.toAbsolutePath(), url);
  }

  private Run run(Duration timeout, String... args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("roleform-chromium-");
    Path out = Files.createTempFile("roleform-chromium-", ".out");
    Path err = Files.createTempFile("roleform-chromium-", ".err");
    try {
      List<String> command = new ArrayList<>();
      command.add(binary.toString());
      command.addAll(FLAGS);
      command.add("--user-data-dir=" + profile);
      command.addAll(List.of(args));
      long start = System.nanoTime();
      Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new IOException("chromium did not finish within " + timeout + ": " + String.join(" ", command));
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      return new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
          elapsed);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
