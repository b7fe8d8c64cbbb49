package io.roleform.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The variables a config may use as {@code ${NAME}}: only those the user opted into — {@code
 * ROLEFORM_VAR_NAME} environment variables, {@code --var NAME=VALUE}, {@code --var-file FILE} and
 * {@code --var-sensitive} — never anything else of the environment.
 *
 * <p>Guarantees: a {@linkplain #isForbidden forbidden name} (the token, Keycloak credentials, any
 * {@code *_TOKEN}, {@code *_SECRET}, {@code *_PASSWORD}) is never held, so it can never be
 * substituted; values are kept apart from the names of the rest of the environment (kept only to
 * give a migration hint). Immutable.
 */
public final class Variables {
  /** The prefix that makes an environment variable visible to a config, as Terraform's {@code TF_VAR_}. */
  public static final String ENV_PREFIX = "ROLEFORM_VAR_";

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** No variables at all. */
  public static final Variables NONE = new Variables(Map.of(), Set.of());

  /**
   * One variable's value.
   *
   * @param value the text substituted for {@code ${NAME}}
   * @param sensitive shown as {@code (sensitive)} in every output, kept out of saved plans
   */
  public record Value(String value, boolean sensitive) {}

  private final Map<String, Value> values;
  private final Set<String> environmentNames;

  private Variables(Map<String, Value> values, Set<String> environmentNames) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.environmentNames = Set.copyOf(environmentNames);
  }

  /**
   * The {@code ROLEFORM_VAR_*} variables of an environment (as non-sensitive values). Other
   * variables are not visible; only their names are kept, for the hint "export ROLEFORM_VAR_X".
   * A {@code ROLEFORM_VAR_} variable with a forbidden or invalid name is ignored.
   */
  public static Variables fromEnvironment(Map<String, String> env) {
    Map<String, Value> values = new LinkedHashMap<>();
    Set<String> names = new TreeSet<>();
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(env).entrySet()) {
      String key = e.getKey();
      if (key.startsWith(ENV_PREFIX)) {
        String name = key.substring(ENV_PREFIX.length());
        if (problemWithName(name) == null && e.getValue() != null) values.put(name, new Value(e.getValue(), false));
      } else {
        names.add(key);
      }
    }
    return new Variables(values, names);
  }

  /**
   * These variables with {@code name} set (a later value wins; once sensitive, a name stays
   * sensitive).
   *
   * @throws IllegalArgumentException with a one-sentence message when the name is invalid or
   *     forbidden
   */
  public Variables with(String name, String value, boolean sensitive) {
    String problem = problemWithName(name);
    if (problem != null) throw new IllegalArgumentException(problem);
    Map<String, Value> copy = new LinkedHashMap<>(values);
    Value old = copy.get(name);
    copy.put(name, new Value(value, sensitive || (old != null && old.sensitive())));
    return new Variables(copy, environmentNames);
  }

  /**
   * These variables with {@code name} (already set, for example from {@code ROLEFORM_VAR_NAME})
   * marked sensitive.
   *
   * @throws IllegalArgumentException when no variable of that name is set
   */
  public Variables markSensitive(String name) {
    Value old = values.get(name);
    if (old == null) {
      // The argument is not echoed: it may be a value passed by mistake without its name.
      throw new IllegalArgumentException("a --var-sensitive without =VALUE must name a variable set as "
          + ENV_PREFIX + "NAME in the environment (or by --var/--var-file); one names none");
    }
    return with(name, old.value(), true);
  }

  /** Every variable, by name, in the order they were first set. */
  public Map<String, Value> values() {
    return values;
  }

  /** The value of {@code name}, or {@code null}. */
  public Value get(String name) {
    return values.get(name);
  }

  /** Whether the environment holds {@code name} without the {@code ROLEFORM_VAR_} prefix. */
  boolean inEnvironmentUnprefixed(String name) {
    return environmentNames.contains(name);
  }

  /**
   * Whether {@code name} may never be substituted: {@code ROLEFORM_TOKEN}, {@code ROLEFORM_PLAN_KEY},
   * {@code ROLEFORM_KEYCLOAK_*}, and any name ending in {@code _TOKEN}, {@code _SECRET} or {@code
   * _PASSWORD} (or being one of those words), compared case-insensitively.
   */
  public static boolean isForbidden(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    return n.equals("ROLEFORM_TOKEN") || n.equals("ROLEFORM_PLAN_KEY") || n.startsWith("ROLEFORM_KEYCLOAK_")
        || n.equals("TOKEN") || n.equals("SECRET") || n.equals("PASSWORD")
        || n.endsWith("_TOKEN") || n.endsWith("_SECRET") || n.endsWith("_PASSWORD");
  }

  /** Why {@code name} cannot be a variable, or {@code null} when it can. */
  static String problemWithName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      return "`" + Redactor.clip(String.valueOf(name)) + "` is not a valid variable name (letters, digits and `_`, not starting with a digit)";
    }
    if (isForbidden(name)) {
      return "`" + name + "` names a token, secret or password, and such a variable is never substituted into a config";
    }
    return null;
  }

  @Override
  public String toString() {
    return "Variables" + values.keySet(); // never the values
  }
}
