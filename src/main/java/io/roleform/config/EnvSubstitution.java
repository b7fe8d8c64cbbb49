package io.roleform.config;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@code ${NAME}} substitution in string values, from the {@link Variables} the user opted into.
 * {@code $${} is a literal {@code ${}; a {@code $} not followed by {@code {} is kept as it is. A
 * {@linkplain Variables#isForbidden forbidden name} is refused even when it is set. Safe to use from
 * several threads; remembers which variables it substituted.
 */
final class EnvSubstitution {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Variables variables;
  private final Set<String> used = ConcurrentHashMap.newKeySet();

  EnvSubstitution(Variables variables) {
    this.variables = variables;
  }

  /** From an environment: only its {@code ROLEFORM_VAR_*} variables are visible. */
  EnvSubstitution(java.util.Map<String, String> env) {
    this(Variables.fromEnvironment(env));
  }

  /** The result of substituting one string: the value, or the reason it could not be done. */
  record Result(String value, String error, String hint) {
    boolean ok() {
      return error == null;
    }
  }

  /** The names substituted so far. */
  Set<String> used() {
    return Set.copyOf(used);
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
          return new Result(null, "unterminated `${` in `" + Redactor.clip(text) + "`",
              "close it with `}`, or write `$${` for a literal `${`");
        }
        String name = text.substring(i + 2, end);
        if (!NAME.matcher(name).matches()) {
          return new Result(null, "`${" + Redactor.clip(name) + "}` is not a valid variable reference",
              "variable names are letters, digits and `_`; write `$${` for a literal `${`");
        }
        if (Variables.isForbidden(name)) {
          return new Result(null, "`${" + name + "}` names a token, secret or password, which is never substituted",
              "only ROLEFORM_VAR_* environment variables and --var/--var-file values are substituted, and never"
                  + " ROLEFORM_TOKEN, ROLEFORM_KEYCLOAK_* or a name ending in _TOKEN, _SECRET or _PASSWORD");
        }
        Variables.Value value = variables.get(name);
        if (value == null) {
          return new Result(null, "variable `" + name + "` is not set", missingHint(name));
        }
        used.add(name);
        sb.append(value.value());
        i = end + 1;
      } else {
        sb.append(c);
        i++;
      }
    }
    return new Result(sb.toString(), null, null);
  }

  private String missingHint(String name) {
    String how = "set " + Variables.ENV_PREFIX + name + " in the environment or pass --var " + name
        + "=VALUE; write `$${` for a literal `${`";
    return variables.inEnvironmentUnprefixed(name)
        ? "`" + name + "` is in the environment, but a config sees only variables it opts into: " + how
        : how;
  }
}
