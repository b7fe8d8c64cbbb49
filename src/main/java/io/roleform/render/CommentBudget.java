package io.roleform.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Fits a Markdown comment made of blocks under a hard size cap, saying what it left out.
 *
 * <p>If the whole comment is too long: first the collapsible detail blocks are replaced, largest
 * first, by a one-line summary; if still too long, the rows of tables and lists are cut, largest
 * block first, each cut block ending with a line {@code … N more lines omitted (the full plan is in
 * the job's artifact)}; if even that is not enough, the caller's fallback is used. The result is
 * never longer than the cap, and nothing is ever left out without such a line.
 */
final class CommentBudget {

  static final String ARTIFACT = "(the full plan is in the job's artifact)";

  private CommentBudget() {}

  /** How a block may be shortened. */
  enum Kind {
    /** Always shown whole. */
    FIXED,
    /** Rows may be cut from the end. */
    ROWS,
    /** May be replaced as a whole by its summary line. */
    DETAILS
  }

  /**
   * One part of the comment: {@code head}, then {@code rows}, then {@code tail}.
   *
   * @param title what the block is, used in the lines that say what was left out
   * @param emptyHead what replaces {@code head} when every row is cut (a table header without rows
   *     would read as an empty table)
   */
  record Block(Kind kind, String title, String head, List<String> rows, String tail, String emptyHead) {

    static Block fixed(String text) {
      return new Block(Kind.FIXED, "", text, List.of(), "", "");
    }

    int fullLength() {
      return head.length() + tail.length() + rows.stream().mapToInt(String::length).sum();
    }

    String full() {
      return head + String.join("", rows) + tail;
    }

    /** The details block replaced by a line saying it was left out. */
    String collapsed() {
      return "**" + title + "**: … " + rows.size() + " more lines omitted " + ARTIFACT + "\n";
    }

    /** The longest form with the first rows kept that fits in {@code target} chars (or no rows). */
    String cutTo(int target) {
      int kept = rows.size();
      int length = fullLength();
      while (kept > 0 && length + omission(rows.size() - kept).length() > target) {
        kept--;
        length -= rows.get(kept).length();
      }
      if (kept == rows.size()) return full();
      if (kept == 0) return emptyHead + omission(rows.size());
      return head + String.join("", rows.subList(0, kept)) + tail + omission(rows.size() - kept);
    }

    private static String omission(int omitted) {
      if (omitted == 0) return "";
      return "\n… " + omitted + (omitted == 1 ? " more line" : " more lines") + " omitted " + ARTIFACT + "\n";
    }
  }

  /**
   * The blocks joined by blank lines, fitted under {@code maxChars}; {@code fallback} (which must
   * itself fit) when no shortening is enough.
   */
  static String fit(List<Block> blocks, int maxChars, String fallback) {
    List<String> shown = new ArrayList<>(blocks.stream().map(Block::full).toList());
    if (length(shown) <= maxChars) return join(shown);

    List<Integer> details = indices(blocks, Kind.DETAILS);
    details.sort(Comparator.comparingInt((Integer i) -> blocks.get(i).fullLength()).reversed());
    for (int i : details) {
      shown.set(i, blocks.get(i).collapsed());
      if (length(shown) <= maxChars) return join(shown);
    }

    List<Integer> rows = indices(blocks, Kind.ROWS);
    rows.sort(Comparator.comparingInt((Integer i) -> shown.get(i).length()).reversed());
    for (int i : rows) {
      int excess = length(shown) - maxChars;
      shown.set(i, blocks.get(i).cutTo(shown.get(i).length() - excess));
      if (length(shown) <= maxChars) return join(shown);
    }
    if (fallback.length() > maxChars) throw new IllegalStateException("fallback longer than the cap");
    return fallback;
  }

  private static List<Integer> indices(List<Block> blocks, Kind kind) {
    return new ArrayList<>(
        IntStream.range(0, blocks.size()).filter(i -> blocks.get(i).kind() == kind).boxed().toList());
  }

  private static int length(List<String> parts) {
    return parts.stream().mapToInt(String::length).sum() + Math.max(0, parts.size() - 1);
  }

  private static String join(List<String> parts) {
    return String.join("\n", parts);
  }
}
