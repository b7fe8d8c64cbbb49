package io.roleform.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a {@code --var-file}: one YAML mapping of variable names to values. A value is a scalar, or
 * a mapping {@code {value: ..., sensitive: true}} for a value shown as {@code (sensitive)} in every
 * output:
 *
 * <pre>
 * TEAM: Billing
 * OWNER: alice@acme.example
 * AUDIT_NOTE:
 *   value: internal-ticket-4711
 *   sensitive: true
 * </pre>
 *
 * <p>Read with the config's own YAML reader (no aliases, no tags that construct objects, bounded
 * size). Messages name the file and line, never a value.
 */
public final class VariableFile {
  /** Largest variable file read. */
  static final long MAX_BYTES = 1024 * 1024;

  private VariableFile() {}

  /**
   * {@code into} with the variables of {@code file} added (later values win).
   *
   * @throws IllegalArgumentException with a one-sentence message naming the file and line
   */
  public static Variables read(Path file, Variables into) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) throw new IllegalArgumentException("the variable file " + file + " is larger than 1 MiB");
      bytes = Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException("the variable file " + file + " does not exist");
    } catch (IOException e) {
      // Other I/O exceptions' messages are often the path alone: say what went wrong.
      throw new IllegalArgumentException("cannot read the variable file " + file + " ("
          + e.getClass().getSimpleName().replaceFirst("Exception$", "") + ")");
    }
    String display = file.toString();
    List<Diagnostic> problems = new ArrayList<>();
    List<Node> nodes = YamlStream.read(display, bytes, problems);
    if (!problems.isEmpty()) throw new IllegalArgumentException(problems.get(0).format());
    if (nodes.isEmpty()) return into;
    if (nodes.size() > 1 || !(nodes.get(0) instanceof MappingNode map)) {
      throw new IllegalArgumentException(display + ": a variable file is one YAML mapping of NAME: value");
    }
    Variables out = into;
    List<String> seen = new ArrayList<>();
    for (NodeTuple t : map.getValue()) {
      String where = YamlStream.position(display, t.getKeyNode().getStartMark()).toString();
      if (!(t.getKeyNode() instanceof ScalarNode key)) {
        throw new IllegalArgumentException(where + ": a variable name must be plain text");
      }
      String name = key.getValue();
      if (seen.contains(name)) throw new IllegalArgumentException(where + ": variable `" + name + "` is set twice");
      seen.add(name);
      Node v = t.getValueNode();
      String value;
      boolean sensitive = false;
      if (v instanceof ScalarNode s) {
        value = s.getValue();
      } else if (v instanceof MappingNode m) {
        value = null;
        for (NodeTuple f : m.getValue()) {
          String field = f.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
          String fieldAt = YamlStream.position(display, f.getKeyNode().getStartMark()).toString();
          if (!(f.getValueNode() instanceof ScalarNode fv)) {
            throw new IllegalArgumentException(fieldAt + ": `" + field + "` of variable `" + name + "` must be plain text");
          }
          switch (field) {
            case "value" -> value = fv.getValue();
            case "sensitive" -> {
              if (!fv.getValue().equals("true") && !fv.getValue().equals("false")) {
                throw new IllegalArgumentException(fieldAt + ": `sensitive` of variable `" + name + "` is true or false");
              }
              sensitive = fv.getValue().equals("true");
            }
            default -> throw new IllegalArgumentException(fieldAt + ": unknown key `" + Redactor.clip(field)
                + "` in variable `" + name + "` (expected `value` and `sensitive`)");
          }
        }
        if (value == null) throw new IllegalArgumentException(where + ": variable `" + name + "` has no `value`");
      } else {
        throw new IllegalArgumentException(where + ": variable `" + name + "` must be text, or {value: ..., sensitive: true}");
      }
      try {
        out = out.with(name, value, sensitive);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage());
      }
    }
    return out;
  }
}
