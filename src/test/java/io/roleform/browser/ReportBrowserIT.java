package io.roleform.browser;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The access report of an L portal (50,000 users, 1,000 generated roles, 200,000 memberships) in
 * headless chromium: the page opens, a filter by one user (given in the URL fragment, as a link
 * would) leaves exactly that user's rows — one per permission they hold (and one per role without
 * permissions), as the CSV report of the same portal says — and a screenshot is written to {@code
 * target/report-browser/}. Skipped, saying so, where chromium is not installed ({@code
 * .ci/setup-chromium.sh} installs it). Times are printed by {@code bench/report-browser.sh}, not
 * asserted here.
 */
class ReportBrowserIT {

  static final Path OUT = Path.of("target", "report-browser");
  private static final Pattern ROW = Pattern.compile("<tr class=\"(\\w+)\" data-user=\"([^\"]*)\" data-permission=\"([^\"]*)\">");

  @Test
  void theLReportOpensAndFiltersByUserInChromium() throws Exception {
    Optional<Chromium> chromium = Chromium.find();
    Assumptions.assumeTrue(chromium.isPresent(),
        "SKIPPED: chromium is not installed (run .ci/setup-chromium.sh as root); the access report's browser test did not run");
    Files.createDirectories(OUT);
    Path html = OUT.resolve("access-L.html").toAbsolutePath();
    Path csv = OUT.resolve("access-L.csv").toAbsolutePath();
    try (Sandbox sandbox = Sandbox.start(new SandboxOptions(0, ":memory:", "secure-exchanges", null, null, 1L, 0,
        new GenerateSpec(50_000, 1_000, 200_000), false, new PrintStream(OutputStream.nullOutputStream())))) {
      Map<String, String> env = Map.of("ROLEFORM_PORTAL_URL", sandbox.baseUrl().toString(), "ROLEFORM_TOKEN", "demo-read");
      CliRun h = CliRun.run(env, "report", "--format", "html", "--out", html.toString());
      assertThat(h.exitCode()).as(h.toString()).isZero();
      CliRun c = CliRun.run(env, "report", "--format", "csv", "--out", csv.toString());
      assertThat(c.exitCode()).as(c.toString()).isZero();
    }
    String user = "user4242@gen.example";
    Set<String> expected = new HashSet<>();
    for (String line : Files.readAllLines(csv)) {
      String[] cells = line.split(",", -1);
      if (cells[0].equals(user)) expected.add(cells[3].isEmpty() ? "(role " + cells[2] + ")" : cells[3]);
    }
    assertThat(expected).as("the generated user %s has access", user).isNotEmpty();

    String url = html.toUri() + "#user=" + user;
    Chromium.Run run = chromium.get().dumpDom(url, Duration.ofSeconds(120));
    String dom = run.stdout();
    assertThat(dom).as("chromium printed the DOM (stderr: %s)", run.stderr()).contains("data-ready=\"true\"");
    List<String> permissions = new ArrayList<>();
    Matcher m = ROW.matcher(dom);
    while (m.find()) {
      assertThat(m.group(2)).as("every visible row is the filtered user's").isEqualTo(user);
      permissions.add(m.group(3));
    }
    long withPermission = expected.stream().filter(p -> !p.startsWith("(role ")).count();
    assertThat(permissions).as("visible rows for %s", user).hasSize(expected.size());
    assertThat(permissions.stream().filter(p -> !p.isEmpty()).toList())
        .containsExactlyInAnyOrderElementsOf(expected.stream().filter(p -> !p.startsWith("(role ")).toList())
        .hasSize((int) withPermission);
    assertThat(dom).contains(expected.size() + (expected.size() == 1 ? " row matches" : " rows match"));

    Path png = OUT.resolve("report-filtered.png");
    Chromium.Run shot = chromium.get().screenshot(url, png, 1400, 1000, Duration.ofSeconds(120));
    assertThat(png).as("screenshot (stderr: %s)", shot.stderr()).exists();
    assertThat(Files.size(png)).isGreaterThan(10_000);
    System.out.println("ReportBrowserIT: " + Files.size(html) / 1024 + " KiB report, " + permissions.size()
        + " rows for " + user + ", screenshot " + png);
  }
}
