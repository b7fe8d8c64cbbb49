package io.roleform.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Names inside messages (of warnings, refusals ...) are marked as code spans, written as CommonMark
 * writes them: {@code role `Billing` is ...}. {@link #code} makes a span that stays one span
 * whatever the name holds (a fence longer than any run of backticks in it); {@link #parse} splits a
 * message back into text and code, so a renderer can show names as code in Markdown and plainly on
 * a terminal, instead of printing the backticks.
 */
public final class CodeSpans {
  private CodeSpans() {}

  /** One piece of a message: plain text, or the content of a code span (a name). */
  public record Segment(String text, boolean code) {}

  /** {@code name} (not empty: CommonMark has no empty code span) as a code span. */
  public static String code(String name) {
    String s = name == null ? "" : name;
    String fence = "`".repeat(longestRun(s) + 1);
    // Padded when the content would otherwise merge with the fence, or lose a space to the parse.
    boolean pad = s.startsWith("`") || s.endsWith("`") || (s.startsWith(" ") && s.endsWith(" ") && !s.isBlank());
    return pad ? fence + " " + s + " " + fence : fence + s + fence;
  }

  /**
   * The message as segments, by CommonMark's rule: a run of n backticks opens a span closed by the
   * next run of exactly n; an unclosed run is text. One space just inside both fences is dropped.
   */
  public static List<Segment> parse(String message) {
    List<Segment> out = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int i = 0;
    int n = message.length();
    while (i < n) {
      char c = message.charAt(i);
      if (c != '`') {
        text.append(c);
        i++;
        continue;
      }
      int runEnd = runEnd(message, i);
      int length = runEnd - i;
      int close = closing(message, runEnd, length);
      if (close < 0) {
        text.append(message, i, runEnd);
        i = runEnd;
        continue;
      }
      if (text.length() > 0) out.add(new Segment(text.toString(), false));
      text.setLength(0);
      String content = message.substring(runEnd, close);
      if (content.length() >= 2 && content.startsWith(" ") && content.endsWith(" ") && !content.isBlank()) {
        content = content.substring(1, content.length() - 1);
      }
      out.add(new Segment(content, true));
      i = close + length;
    }
    if (text.length() > 0) out.add(new Segment(text.toString(), false));
    return out;
  }

  /** The message with every code span replaced by its content: names plain, no backticks. */
  public static String plain(String message) {
    StringBuilder sb = new StringBuilder(message.length());
    for (Segment s : parse(message)) sb.append(s.text());
    return sb.toString();
  }

  private static int runEnd(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) == '`') i++;
    return i;
  }

  /** Start of the next run of exactly {@code length} backticks at or after {@code from}, or -1. */
  private static int closing(String s, int from, int length) {
    int i = from;
    while (i < s.length()) {
      if (s.charAt(i) != '`') {
        i++;
        continue;
      }
      int end = runEnd(s, i);
      if (end - i == length) return i;
      i = end;
    }
    return -1;
  }

  private static int longestRun(String s) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }
}
