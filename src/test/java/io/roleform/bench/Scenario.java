package io.roleform.bench;

import java.util.List;

/**
 * The measured runs of one scenario at one size.
 *
 * @param name e.g. "no-op plan"
 * @param size the portal size
 * @param runs every measured run (fresh JVM each)
 * @param requests the HTTP requests each run issued, counted at the sandbox
 * @param minimumReads reads the API needs: 1 + the pages of each list at limit 1000
 * @param minimumWrites writes the API needs: one per operation of the plan
 * @param split portal wait of one extra {@code --verbose} run, or null
 * @param splitWallMs wall time of that run
 * @param load /proc/loadavg when the scenario started
 * @param note anything else worth saying (operation counts, checks done)
 */
record Scenario(
    String name,
    Size size,
    List<TimedRun> runs,
    List<SandboxProcess.Counts> requests,
    long minimumReads,
    long minimumWrites,
    PortalWait.Split split,
    double splitWallMs,
    String load,
    String note) {

  Figures wall() {
    return Figures.of(runs.stream().map(TimedRun::wallMs).toList());
  }

  Figures rss() {
    return Figures.of(runs.stream().map(TimedRun::peakRssKb).toList());
  }

  /** Requests issued / minimum, the worst run. */
  double requestRatio() {
    long minimum = minimumReads + minimumWrites;
    return requests.stream().mapToLong(SandboxProcess.Counts::total).max().orElse(0) / (double) minimum;
  }

  /** e.g. "32 (31 reads + 1 write)", over all runs when they differ. */
  String requestsText() {
    var distinct = requests.stream().distinct().toList();
    StringBuilder b = new StringBuilder();
    for (var c : distinct) {
      if (b.length() > 0) b.append("; ");
      b.append(c.total()).append(" (").append(c.reads()).append(" R + ").append(c.writes()).append(" W)");
    }
    return b.toString();
  }
}
