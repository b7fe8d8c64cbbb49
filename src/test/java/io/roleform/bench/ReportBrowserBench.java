package io.roleform.bench;

import io.roleform.browser.Chromium;
import io.roleform.sandbox.GenerateSpec;
import io.roleform.sandbox.Sandbox;
import io.roleform.sandbox.SandboxOptions;
import io.roleform.testing.CliRun;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The access report of an L portal in headless chromium: time to write it, its size, and — per run
 * — the wall-clock time of chromium opening it (start, parse, script, first 500 rows, DOM dump) and
 * the page's own figures ({@code data-open-ms}: navigation start to the first render done; {@code
 * data-filter-ms}: one filter over the 50,000 users), unfiltered and filtered by a user, a role and
 * a permission. The floor, measured in the same run: chromium opening a one-line HTML page.
 *
 * <p>Usage: {@code bench/report-browser.sh [RUNS]}. A benchmark, not a test: it asserts nothing.
 */
public final class ReportBrowserBench {

  private static final Pattern OPEN = Pattern.compile("data-open-ms=\"([0-9.]+)\"");
  private static final Pattern FILTER = Pattern.compile("data-filter-ms=\"([0-9.]+)\"");

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Chromium chromium = Chromium.find().orElseThrow(() -> new IllegalStateException(
        "chromium is not installed: run .ci/setup-chromium.sh as root"));
    Path dir = Files.createDirectories(Path.of("target", "report-browser"));
    Path html = dir.resolve("access-L.html").toAbsolutePath();
    long writeMs;
    try (Sandbox sandbox = Sandbox.start(new SandboxOptions(0, ":memory:", "secure-exchanges", null, null, 1L, 0,
        new GenerateSpec(50_000, 1_000, 200_000), false, new PrintStream(OutputStream.nullOutputStream())))) {
      Map<String, String> env = Map.of("ROLEFORM_PORTAL_URL", sandbox.baseUrl().toString(), "ROLEFORM_TOKEN", "demo-read");
      CliRun.run(env, "report", "--format", "html", "--out", html.toString()); // warm-up
      long t = System.nanoTime();
      CliRun r = CliRun.run(env, "report", "--format", "html", "--out", html.toString());
      writeMs = (System.nanoTime() - t) / 1_000_000;
      if (r.exitCode() != 0) throw new IllegalStateException(r.toString());
    }
    Path blank = dir.resolve("floor.html").toAbsolutePath();
    Files.writeString(blank, "<!doctype html><title>floor</title><body data-ready=\"true\">floor</body>");

    System.out.println("## Access report in chromium (L: 50,000 users, 1,000 generated roles, 200,000 memberships)");
    System.out.println();
    System.out.printf("report written by `roleform report --format html` in %d ms (in-process, warm); %.1f MiB%n%n",
        writeMs, Files.size(html) / 1048576.0);
    System.out.println("| page | run | chromium wall clock (ms) | open in page (ms) | filter in page (ms) |");
    System.out.println("|---|---:|---:|---:|---:|");
    String[][] pages = {
      {"floor: one-line page", blank.toUri().toString()},
      {"report, unfiltered", html.toUri().toString()},
      {"report, #user=user4242@gen.example", html.toUri() + "#user=user4242@gen.example"},
      {"report, #role=generated role 00042", html.toUri() + "#role=generated%20role%2000042"},
      {"report, #perm=billing", html.toUri() + "#perm=billing"},
    };
    for (String[] page : pages) {
      List<Long> walls = new ArrayList<>();
      for (int i = 1; i <= runs; i++) {
        Chromium.Run run = chromium.dumpDom(page[1], Duration.ofSeconds(180));
        walls.add(run.elapsed().toMillis());
        System.out.printf("| %s | %d | %d | %s | %s |%n", page[0], i, run.elapsed().toMillis(),
            figure(OPEN, run.stdout()), figure(FILTER, run.stdout()));
      }
      walls.sort(null);
      System.out.printf("| %s | median | %d | | |%n", page[0], walls.get(walls.size() / 2));
    }
  }

  private static String figure(Pattern p, String dom) {
    Matcher m = p.matcher(dom);
    return m.find() ? m.group(1) : "-";
  }
}
