package io.roleform.render;

/**
 * Makes names and messages safe to print: control characters (which could move the cursor or
 * inject colour on a terminal), line breaks and bidirectional overrides are shown as escapes, so
 * that one value is always one visible run of text on one line.
 */
public final class Text {

  private Text() {}

  /** {@code s} with every unsafe character escaped as {@code \n}, {@code \t} or {@code \}{@code uXXXX}. */
  public static String clean(String s) {
    if (s == null) return "";
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String escape = escape(c);
      if (escape != null && sb == null) sb = new StringBuilder(s.length() + 8).append(s, 0, i);
      if (sb != null) {
        if (escape != null) sb.append(escape);
        else sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  /**
   * A message of one or more lines with every unsafe character of each line escaped, the line
   * breaks between them kept: for error messages that quote config or portal data.
   */
  public static String cleanLines(String s) {
    if (s == null) return "";
    String[] lines = s.split("\n", -1);
    for (int i = 0; i < lines.length; i++) lines[i] = clean(lines[i]);
    return String.join("\n", lines);
  }

  /** {@code s} in double quotes, with {@code "} and {@code \} escaped as well. */
  static String quote(String s) {
    if (s == null) return "(none)";
    return "\"" + clean(s.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
  }

  private static String escape(char c) {
    if (c == '\n') return "\\n";
    if (c == '\r') return "\\r";
    if (c == '\t') return "\\t";
    boolean unsafe =
        Character.isISOControl(c)
            || c == '\u2028'
            || c == '\u2029'
            || c == '\u200e'
            || c == '\u200f'
            || (c >= '\u202a' && c <= '\u202e')
            || (c >= '\u2066' && c <= '\u2069')
            || c == '\ufeff';
    return unsafe ? String.format("\\u%04x", (int) c) : null;
  }
}
