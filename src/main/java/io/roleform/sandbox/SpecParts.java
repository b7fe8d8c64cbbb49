package io.roleform.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The {@code KEY=VALUE} parts of a comma-separated sandbox option ({@code --faults
 * 5xx=0.1,latency=5..50}, {@code --generate users=50000,roles=1000}): what {@link FaultSpec} and
 * {@link GenerateSpec} both read before giving each key its meaning.
 */
final class SpecParts {

  /** One part: the key trimmed and lower-cased, the value trimmed. */
  record Part(String key, String value) {}

  private SpecParts() {}

  /**
   * The parts of {@code spec} in order (a key given twice appears twice); empty parts are skipped.
   *
   * @param noValue the message for a part without {@code =}, given that part
   * @throws IllegalArgumentException for a part without {@code =}
   */
  static List<Part> of(String spec, Function<String, String> noValue) {
    List<Part> parts = new ArrayList<>();
    for (String part : spec.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(noValue.apply(p));
      }
      parts.add(new Part(p.substring(0, eq).trim().toLowerCase(Locale.ROOT), p.substring(eq + 1).trim()));
    }
    return parts;
  }
}
