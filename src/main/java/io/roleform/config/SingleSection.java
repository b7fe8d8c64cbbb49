package io.roleform.config;

import java.util.List;

/**
 * A top-level section a config may declare only once across all its files and documents ({@code
 * order}, {@code settings}, {@code appliers}): the first declaration counts, every later one is a
 * problem naming where the first is.
 */
final class SingleSection {
  private final String key;
  private SourcePosition first;

  /** @param key the section's key ({@code order}) */
  SingleSection(String key) {
    this.key = key;
  }

  /**
   * Records this document's declaration of the section.
   *
   * @return {@code true} for the first declaration (read it); {@code false} for a later one, after
   *     adding its problem to {@code problems} (skip it)
   */
  boolean declare(ParsedDocument doc, List<Diagnostic> problems) {
    Location at = Location.ofKey(doc, "/" + key);
    if (first != null) {
      problems.add(new Diagnostic(at, "`" + key + "` is declared more than once",
          "it is already declared at " + first + "; keep one"));
      return false;
    }
    first = at.position();
    return true;
  }

  /** Where the section is declared, or {@code null} when it is not. */
  SourcePosition position() {
    return first;
  }
}
