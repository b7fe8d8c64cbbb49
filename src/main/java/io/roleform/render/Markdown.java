package io.roleform.render;

import io.roleform.diff.CodeSpans;

/**
 * Makes values safe inside a GitHub comment: a role name like {@code <img src=x>}, {@code a|b},
 * {@code **bold**} or {@code @org/team} shows as written — it never becomes HTML, breaks a table,
 * formats text or notifies anyone.
 */
final class Markdown {

  private Markdown() {}

  /** {@code s} as inline text, safe in a paragraph, a list item and a table cell. */
  static String escape(String s) {
    String clean = Text.clean(s);
    StringBuilder sb = new StringBuilder(clean.length() + 8);
    for (int i = 0; i < clean.length(); i++) {
      char c = clean.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '|' -> sb.append("\\|");
        case '\\', '`', '*', '_', '[', ']', '~', '#', '!', '{', '}' -> sb.append('\\').append(c);
        case '@' -> {
          // A mention needs the @ at the start of a word; inside an email it is harmless.
          boolean wordStart = i == 0 || !Character.isLetterOrDigit(clean.charAt(i - 1));
          sb.append(wordStart ? "&#64;" : "@");
        }
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * A message whose names are code spans ({@link CodeSpans}) as inline Markdown: the names as code
   * spans (fenced anew, so a name cannot break out), the rest escaped like {@link #escape}.
   */
  static String withCode(String message) {
    StringBuilder sb = new StringBuilder(message.length() + 16);
    for (CodeSpans.Segment s : CodeSpans.parse(message)) sb.append(s.code() ? code(s.text()) : escape(s.text()));
    return sb.toString();
  }

  /** {@code s} as a code span, with a fence longer than any run of backticks inside it. */
  static String code(String s) {
    String clean = Text.clean(s);
    String fence = "`".repeat(longestRun(clean, '`') + 1);
    boolean pad = clean.startsWith("`") || clean.endsWith("`") || clean.isEmpty();
    return pad ? fence + " " + clean + " " + fence : fence + clean + fence;
  }

  /** A code-block fence (at least three backticks) that no line of {@code text} can close. */
  static String fenceFor(Iterable<String> lines) {
    int longest = 2;
    for (String line : lines) longest = Math.max(longest, longestRun(line, '`'));
    return "`".repeat(longest + 1);
  }

  private static int longestRun(String s, char c) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == c ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }
}
