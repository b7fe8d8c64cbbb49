package io.roleform.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median, min and max of a series of measurements (milliseconds, kilobytes, counts). */
record Figures(List<Double> values) {

  Figures {
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
  }

  static Figures of(List<? extends Number> values) {
    List<Double> v = new ArrayList<>();
    values.forEach(n -> v.add(n.doubleValue()));
    return new Figures(v);
  }

  /** The median (the mean of the two middle values for an even count). */
  double median() {
    List<Double> s = sorted();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  double min() {
    return sorted().get(0);
  }

  double max() {
    return sorted().get(values.size() - 1);
  }

  private List<Double> sorted() {
    List<Double> s = new ArrayList<>(values);
    Collections.sort(s);
    return s;
  }

  /** {@code "1.23 s (1.10–1.40)"} for milliseconds. */
  String seconds() {
    return String.format("%.2f s (%.2f–%.2f)", median() / 1000, min() / 1000, max() / 1000);
  }

  /** {@code "312 MiB (300–320)"} for kilobytes. */
  String mebibytes() {
    return String.format("%.0f MiB (%.0f–%.0f)", median() / 1024, min() / 1024, max() / 1024);
  }
}
