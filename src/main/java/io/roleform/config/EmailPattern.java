package io.roleform.config;

/**
 * The schema's email pattern ({@code $defs/email} in {@code schema/roleform.schema.json}) checked
 * by hand: a large config holds 200,000+ member emails, and the regular expression (a matcher per
 * item, backtracking over three character classes) was the fast path's main cost.
 *
 * <p>Guarantee: {@link #matches} accepts exactly the strings the validator's own regular expression
 * for {@link #PATTERN} accepts ({@code EmailPatternTest} compares them on random strings); {@link
 * ListFastPath} uses it only when the schema's pattern is exactly {@link #PATTERN}.
 */
final class EmailPattern {
  /** The pattern this class stands for, exactly as the schema writes it. */
  static final String PATTERN = "^[^@\\s\\x00-\\x1f\\x7f]+@[^@\\s\\x00-\\x1f\\x7f]+\\.[^@\\s\\x00-\\x1f\\x7f]+$";

  private EmailPattern() {}

  /**
   * Whether {@code s} is one or more allowed characters, {@code @}, then allowed characters holding
   * a {@code .} with at least one character on each side; allowed = anything but {@code @}, a
   * control character ({@code U+0000}–{@code U+001F}, {@code U+007F}) and ASCII white space.
   */
  static boolean matches(String s) {
    int n = s.length();
    int at = -1;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '@') {
        if (at >= 0) return false;
        at = i;
      } else if (c <= ' ' || c == 0x7f) { // U+0000-U+001F, space, and \t \n \x0B \f \r among them
        return false;
      }
    }
    if (at <= 0) return false;
    for (int j = at + 2; j < n - 1; j++) {
      if (s.charAt(j) == '.') return true;
    }
    return false;
  }
}
