package io.roleform.config;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code ${VAR}} substitution in string values, from an injected environment. {@code $${} is a
 * literal {@code ${}; a {@code $} not followed by {@code {} is kept as it is.
 */
final class EnvSubstitution {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Map<String, String> env;

  EnvSubstitution(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** The result of substituting one string: the value, or the reason it could not be done. */
  record Result(String value, String error, String hint) {
    boolean ok() {
      return error == null;
    }
  }

  Result apply(String text) {
    if (text.indexOf('$') < 0) return new Result(text, null, null);
    StringBuilder sb = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '$' && text.startsWith("$${", i)) {
        sb.append("${");
        i += 3;
      } else if (c == '$' && text.startsWith("${", i)) {
        int end = text.indexOf('}', i + 2);
        if (end < 0) {
          return new Result(null, "unterminated `${` in `" + clip(text) + "`",
              "close it with `}`, or write `$${` for a literal `${`");
        }
        String name = text.substring(i + 2, end);
        if (!NAME.matcher(name).matches()) {
          return new Result(null, "`${" + clip(name) + "}` is not a valid variable reference",
              "variable names are letters, digits and `_`; write `$${` for a literal `${`");
        }
        String value = env.get(name);
        if (value == null) {
          return new Result(null, "environment variable `" + name + "` is not set",
              "set " + name + " in the environment, or write `$${` for a literal `${`");
        }
        sb.append(value);
        i = end + 1;
      } else {
        sb.append(c);
        i++;
      }
    }
    return new Result(sb.toString(), null, null);
  }

  private static String clip(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
