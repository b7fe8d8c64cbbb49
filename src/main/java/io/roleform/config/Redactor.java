package io.roleform.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes substituted values back out of text meant for people: a sensitive value becomes {@code
 * (sensitive)}, any other substituted value becomes the {@code ${NAME}} it was written as. Used on
 * every message (diagnostics, errors, progress) so that no message echoes a substituted value, and
 * on every rendering of a plan for sensitive values.
 *
 * <p>A sensitive value is matched ignoring case: emails and role names are compared
 * case-insensitively, so the portal's {@code dana@acme.example} is the value {@code
 * Dana@Acme.example} a config wrote, and is shown as {@code (sensitive)} too; its lower- and
 * upper-case forms (Locale.ROOT, as keys are folded) are taken out as well, also where folding
 * changes the length. Other values are matched exactly.
 *
 * <p>Limits: values shorter than {@link #MIN_LENGTH} characters are left alone unless sensitive
 * (replacing {@code eu} everywhere would garble messages and hides nothing). Longer values are
 * replaced first, so a value that contains another is replaced whole. Redacting works on values
 * (a name, an email, a message), never on a rendered form: a value that a format escapes would not
 * be found there. Immutable.
 */
public final class Redactor {
  /** The text that stands for a sensitive value in every output. */
  public static final String SENSITIVE = "(sensitive)";
  /** Shortest non-sensitive value taken out of messages. */
  static final int MIN_LENGTH = 3;

  /** Redacts nothing. */
  public static final Redactor NONE = new Redactor(Map.of());

  /** One value and what stands for it; a sensitive one is found ignoring case. */
  private record Replacement(String value, String replacement, Pattern anyCase) {
    String apply(String text) {
      if (anyCase == null) return text.contains(value) ? text.replace(value, replacement) : text;
      Matcher m = anyCase.matcher(text);
      return m.find() ? m.replaceAll(Matcher.quoteReplacement(replacement)) : text;
    }
  }

  private final List<Replacement> replacements; // longest value first
  /** The same, each value also in its escaped JSON-pointer form where that differs (RFC 6901). */
  private final List<Replacement> inPointers;

  private Redactor(Map<String, String> replacements) {
    Map<String, String> all = new LinkedHashMap<>(replacements);
    replacements.forEach((value, by) -> {
      if (!by.equals(SENSITIVE)) return;
      // The keys' own case folding (toLowerCase(ROOT)) can change a value's length (İ -> i̇),
      // which a case-insensitive match, one char at a time, would not find.
      all.putIfAbsent(value.toLowerCase(Locale.ROOT), SENSITIVE);
      all.putIfAbsent(value.toUpperCase(Locale.ROOT), SENSITIVE);
    });
    List<Map.Entry<String, String>> list = new ArrayList<>(all.entrySet());
    list.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
    List<Replacement> out = new ArrayList<>(list.size());
    List<Replacement> pointers = new ArrayList<>(list.size());
    for (Map.Entry<String, String> e : list) {
      Replacement r = replacement(e.getKey(), e.getValue());
      out.add(r);
      pointers.add(r);
      String escaped = Location.escape(e.getKey());
      if (!escaped.equals(e.getKey())) pointers.add(replacement(escaped, e.getValue()));
    }
    this.replacements = List.copyOf(out);
    this.inPointers = List.copyOf(pointers);
  }

  private static Replacement replacement(String value, String replacement) {
    Pattern anyCase = !replacement.equals(SENSITIVE) ? null
        : Pattern.compile(value, Pattern.LITERAL | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    return new Replacement(value, replacement, anyCase);
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
    for (Replacement r : replacements) out = r.apply(out);
    return out;
  }

  /**
   * A diagnostic whose message, hint and path echo no value: the path names entries by their key
   * ({@code /roles/KEY/...}, {@code /users/EMAIL/...}), which may be a substituted value, escaped
   * as a JSON pointer escapes it. The file name is left as it is.
   */
  public Diagnostic apply(Diagnostic d) {
    if (replacements.isEmpty()) return d;
    Location at = d.location();
    String pointer = at.pointer();
    for (Replacement r : inPointers) pointer = r.apply(pointer);
    Location location = pointer.equals(at.pointer()) ? at : new Location(at.position(), pointer);
    return new Diagnostic(location, apply(d.message()), apply(d.hint()));
  }

  static String clip(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
