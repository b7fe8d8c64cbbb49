package io.roleform.render;

import java.util.Map;

/** Whether the human plan may use ANSI colour. */
public final class Colors {

  private Colors() {}

  /**
   * Colour only on a terminal, never when {@code NO_COLOR} is set to a non-empty value
   * (no-color.org) or {@code TERM=dumb}.
   *
   * @param isTerminal whether standard output is a terminal
   * @param env the process environment
   */
  public static boolean enabled(boolean isTerminal, Map<String, String> env) {
    if (!isTerminal) return false;
    String noColor = env.get("NO_COLOR");
    if (noColor != null && !noColor.isEmpty()) return false;
    return !"dumb".equals(env.get("TERM"));
  }
}
