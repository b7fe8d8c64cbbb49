package io.roleform.config;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean ...?": the known word nearest to a misspelt one, by edit distance. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate nearest to {@code word} (case-insensitive Levenshtein distance), or {@code null}
   * when none is close enough to be a plausible typo (distance at most a third of the word, and at
   * least 2 allowed for short words).
   */
  static String nearest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String w = word.toLowerCase(Locale.ROOT);
    for (String c : candidates) {
      int d = distance(w, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    int allowed = Math.max(2, word.length() / 3);
    return bestDistance <= allowed ? best : null;
  }

  /** A "did you mean" hint, or {@code null} when there is nothing near. */
  public static String didYouMean(String word, Collection<String> candidates) {
    String n = nearest(word, candidates);
    return n == null ? null : "did you mean `" + n + "`?";
  }

  static int distance(String a, String b) {
    if (a.length() > 200 || b.length() > 200) return Integer.MAX_VALUE; // never worth it
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
