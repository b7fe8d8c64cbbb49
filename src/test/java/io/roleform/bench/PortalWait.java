package io.roleform.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time a {@code roleform --verbose} run spent waiting on the portal: the union of the
 * intervals during which at least one HTTP request was in flight. Each verbose line ends with
 * {@code (N ms...)} and is printed when the response arrived, so the interval is
 * {@code [arrival - N, arrival]}. Concurrent requests (the four lists are read in parallel)
 * overlap and count once.
 */
final class PortalWait {
  private static final Pattern REQUEST = Pattern.compile("^(GET|POST|PATCH|PUT|DELETE) \\S+ -> .*\\((\\d+) ms");

  private PortalWait() {}

  record Split(double portalMs, int requests) {}

  static Split of(List<TimedRun.Line> stderr) {
    List<double[]> intervals = new ArrayList<>();
    for (TimedRun.Line line : stderr) {
      Matcher m = REQUEST.matcher(line.text());
      if (m.find()) {
        double end = line.atMs();
        intervals.add(new double[] {end - Double.parseDouble(m.group(2)), end});
      }
    }
    intervals.sort(Comparator.comparingDouble(a -> a[0]));
    double total = 0;
    double curStart = Double.NaN;
    double curEnd = Double.NaN;
    for (double[] i : intervals) {
      if (Double.isNaN(curStart) || i[0] > curEnd) {
        if (!Double.isNaN(curStart)) {
          total += curEnd - curStart;
        }
        curStart = i[0];
        curEnd = i[1];
      } else {
        curEnd = Math.max(curEnd, i[1]);
      }
    }
    if (!Double.isNaN(curStart)) {
      total += curEnd - curStart;
    }
    return new Split(total, intervals.size());
  }
}
