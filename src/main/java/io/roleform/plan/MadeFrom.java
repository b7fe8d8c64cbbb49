package io.roleform.plan;

import io.roleform.config.ConfigResult;
import io.roleform.config.ConfigSource;
import io.roleform.config.Variables;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a saved plan was made from, so that {@code apply --plan} can make it again and apply it only
 * if it comes out the same: the portal address, the plan options, and the config as it was loaded —
 * every file's path and exact content in path order (their digest is the plan's {@code
 * configDigest}) and the variables it used.
 *
 * <p>Guarantees: holds no sensitive value. A sensitive variable is kept only as its name and a
 * salted HMAC-SHA-256 of its value ({@link #salt}); apply needs the same value again (from {@code
 * --var-sensitive}) and checks it against the HMAC. The config files hold {@code ${NAME}}
 * references, never substituted values.
 *
 * @param portal the portal address the plan was made against (the plan's {@code portal})
 * @param options the options the plan was made with (the plan's {@code options})
 * @param files the config files, in path order
 * @param variables the variables the config used, by name
 * @param salt hex key of the HMACs of sensitive values
 */
public record MadeFrom(
    String portal, PlanOptions options, List<File> files, List<Variable> variables, String salt) {

  /**
   * One config file.
   *
   * @param path its path relative to the config root
   * @param content its text (the file's exact bytes, as UTF-8)
   */
  public record File(String path, String content) {
    public File {
      Objects.requireNonNull(path, "path == null");
      Objects.requireNonNull(content, "content == null");
    }
  }

  /**
   * One variable the config used.
   *
   * @param name its name ({@code ${NAME}})
   * @param value its value, or {@code null} when sensitive
   * @param sensitive whether it is sensitive
   * @param hmac for a sensitive value, the hex HMAC-SHA-256 of the value keyed by the plan's salt;
   *     otherwise {@code null}
   */
  public record Variable(String name, String value, boolean sensitive, String hmac) {
    public Variable {
      Objects.requireNonNull(name, "name == null");
      if (sensitive ? value != null || hmac == null : value == null) {
        throw new IllegalArgumentException("variable " + name
            + ": a sensitive variable has only an hmac, any other only a value");
      }
    }
  }

  public MadeFrom {
    Objects.requireNonNull(portal, "portal == null");
    Objects.requireNonNull(options, "options == null");
    files = List.copyOf(files);
    variables = List.copyOf(variables);
    Objects.requireNonNull(salt, "salt == null");
  }

  /** What a plan made against {@code portal} with {@code options} from {@code config} was made from. */
  public static MadeFrom of(String portal, PlanOptions options, ConfigResult config, Variables variables) {
    List<File> files = new ArrayList<>();
    for (ConfigSource s : config.sources()) {
      files.add(new File(s.path(), new String(s.bytes(), StandardCharsets.UTF_8)));
    }
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    String saltHex = HexFormat.of().formatHex(salt);
    List<Variable> vars = new ArrayList<>();
    for (String name : new TreeSet<>(config.variablesUsed())) {
      Variables.Value v = variables.get(name);
      if (v == null) continue;
      vars.add(v.sensitive() ? new Variable(name, null, true, PlanSignature.hmacHex(saltHex, v.value()))
          : new Variable(name, v.value(), false, null));
    }
    return new MadeFrom(portal, options, files, vars, saltHex);
  }

  /**
   * The config files, as the loader reads them (new copies of their bytes at each call: take them
   * once).
   */
  public List<ConfigSource> sources() {
    return files.stream().map(f -> new ConfigSource(f.path(), f.content().getBytes(StandardCharsets.UTF_8))).toList();
  }

  /** The names of the sensitive variables {@code supplied} does not give. */
  public List<String> missingSensitive(Variables supplied) {
    return variables.stream()
        .filter(v -> v.sensitive() && supplied.get(v.name()) == null)
        .map(Variable::name).toList();
  }

  /** The names of the sensitive variables whose {@code supplied} value is not the one planned with. */
  public List<String> differentSensitive(Variables supplied) {
    return variables.stream()
        .filter(v -> v.sensitive() && supplied.get(v.name()) != null
            && !PlanSignature.equalHex(PlanSignature.hmacHex(salt, supplied.get(v.name()).value()), v.hmac()))
        .map(Variable::name).toList();
  }

  /**
   * The names of the variables the plan was made with, not sensitive, to which {@code supplied}
   * gives another value (a variable given but not used by the config shapes nothing and is not
   * listed).
   */
  public List<String> differentValues(Variables supplied) {
    return variables.stream()
        .filter(v -> !v.sensitive() && supplied.get(v.name()) != null
            && !v.value().equals(supplied.get(v.name()).value()))
        .map(Variable::name).toList();
  }

  /**
   * The variables to load the saved config with: the saved values, and the sensitive values of
   * {@code supplied} (check {@link #missingSensitive} and {@link #differentSensitive} first).
   */
  public Variables variablesWith(Variables supplied) {
    Variables out = Variables.NONE;
    for (Variable v : variables) {
      out = v.sensitive() ? out.with(v.name(), supplied.get(v.name()).value(), true)
          : out.with(v.name(), v.value(), false);
    }
    return out;
  }
}
