package io.roleform.diff;

import java.util.Collection;
import java.util.Locale;

/**
 * Finds the candidate spelled most like a word that was not found, for hints such as "did you mean
 * `billing`?". Compares case-insensitively by edit distance (Levenshtein); a candidate further
 * than about half the word's length away is no suggestion at all.
 */
final class Nearest {

  private Nearest() {}

  /** The closest candidate, or {@code null} when none is close enough. Ties: the first seen. */
  static String of(String wanted, Collection<String> candidates) {
    String w = wanted.toLowerCase(Locale.ROOT);
    int limit = Math.max(2, w.length() / 2);
    String best = null;
    int bestDistance = limit + 1;
    for (String candidate : candidates) {
      String c = candidate.toLowerCase(Locale.ROOT);
      if (Math.abs(c.length() - w.length()) >= bestDistance) continue;
      int d = distance(w, c, bestDistance);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return best;
  }

  /** "did you mean `x`?" for the nearest candidate, or {@code null}. */
  static String hint(String wanted, Collection<String> candidates) {
    String best = of(wanted, candidates);
    return best == null ? null : "did you mean `" + best + "`?";
  }

  /** Edit distance, or any value ≥ {@code bound} once it is certain to reach the bound. */
  static int distance(String a, String b, int bound) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) previous[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMin = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        rowMin = Math.min(rowMin, current[j]);
      }
      if (rowMin >= bound) return bound;
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }
}
