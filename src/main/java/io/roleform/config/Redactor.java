package io.roleform.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes substituted values back out of text meant for people: a sensitive value becomes {@code
 * (sensitive)}, any other substituted value becomes the {@code ${NAME}} it was written as. Used on
 * every message (diagnostics, errors, progress) so that no message echoes a substituted value, and
 * on every rendering of a plan for sensitive values.
 *
 * <p>Limits: values shorter than {@link #MIN_LENGTH} characters are left alone unless sensitive
 * (replacing {@code eu} everywhere would garble messages and hides nothing). Longer values are
 * replaced first, so a value that contains another is replaced whole. Immutable.
 */
public final class Redactor {
  /** The text that stands for a sensitive value in every output. */
  public static final String SENSITIVE = "(sensitive)";
  /** Shortest non-sensitive value taken out of messages. */
  static final int MIN_LENGTH = 3;

  /** Redacts nothing. */
  public static final Redactor NONE = new Redactor(Map.of());

  private final List<Map.Entry<String, String>> replacements; // value -> replacement, longest first

  private Redactor(Map<String, String> replacements) {
    List<Map.Entry<String, String>> list = new ArrayList<>(replacements.entrySet());
    list.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
    this.replacements = List.copyOf(list);
  }

  /** Takes every variable's value out of messages (sensitive ones as {@code (sensitive)}). */
  public static Redactor messages(Variables variables) {
    Map<String, String> map = new LinkedHashMap<>();
    variables.values().forEach((name, v) -> {
      if (v.sensitive() ? !v.value().isEmpty() : v.value().length() >= MIN_LENGTH) {
        map.merge(v.value(), v.sensitive() ? SENSITIVE : "${" + name + "}",
            (a, b) -> a.equals(SENSITIVE) ? a : b.equals(SENSITIVE) ? b : a);
      }
    });
    return new Redactor(map);
  }

  /** Takes only sensitive values out (for plans, where other values are the point). */
  public static Redactor sensitive(Variables variables) {
    Map<String, String> map = new LinkedHashMap<>();
    variables.values().forEach((name, v) -> {
      if (v.sensitive() && !v.value().isEmpty()) map.put(v.value(), SENSITIVE);
    });
    return new Redactor(map);
  }

  /** Whether this redactor changes nothing. */
  public boolean isEmpty() {
    return replacements.isEmpty();
  }

  /** {@code text} with every value replaced; {@code null} stays {@code null}. */
  public String apply(String text) {
    if (text == null || replacements.isEmpty()) return text;
    String out = text;
    for (Map.Entry<String, String> e : replacements) {
      if (out.contains(e.getKey())) out = out.replace(e.getKey(), e.getValue());
    }
    return out;
  }

  /** A diagnostic whose message and hint echo no value. */
  public Diagnostic apply(Diagnostic d) {
    if (replacements.isEmpty()) return d;
    return new Diagnostic(d.location(), apply(d.message()), apply(d.hint()));
  }

  static String clip(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
