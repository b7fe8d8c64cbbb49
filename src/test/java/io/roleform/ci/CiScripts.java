package io.roleform.ci;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The shell scripts of the CI examples under {@code examples/ci/}: GitHub Actions {@code run:}
 * steps, and GitLab CI {@code script:}, {@code before_script:} and {@code after_script:} (a list
 * runs as one shell session, so its items are joined by newlines). GitHub's {@code ${{ ... }}}
 * expressions are replaced before the shell sees the text, as the runner does. Test support only.
 */
final class CiScripts {

  static final Path EXAMPLES = Path.of("examples", "ci");

  private static final Set<String> GITLAB_SCRIPT_KEYS = Set.of("script", "before_script", "after_script");

  /** One script: the file, the YAML line its value starts on (1-based), and its text. */
  record Script(Path file, int yamlLine, String text) {
    List<ShellCommands.Command> roleformCommands() {
      return ShellCommands.parse(text).stream().filter(ShellCommands.Command::isRoleform).toList();
    }

    String where(ShellCommands.Command c) {
      return file + " (script at line " + yamlLine + ", its line " + c.line() + ")";
    }
  }

  private CiScripts() {}

  /** Every *.yml / *.yaml file under examples/ci, sorted. */
  static List<Path> files() throws IOException {
    try (Stream<Path> all = Files.walk(EXAMPLES)) {
      return all.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  static boolean isGitLab(Path file) {
    return file.getFileName().toString().contains("gitlab");
  }

  /** The shell scripts of one CI file, in document order. */
  static List<Script> of(Path file) throws IOException {
    Node root;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      root = new Yaml().compose(r);
    }
    List<Script> out = new ArrayList<>();
    if (root != null) collect(file, root, isGitLab(file), out);
    return out;
  }

  private static void collect(Path file, Node node, boolean gitlab, List<Script> out) throws IOException {
    if (node instanceof MappingNode map) {
      if (!gitlab && usesTheAction(file, map, out)) return;
      for (NodeTuple t : map.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
        Node value = t.getValueNode();
        boolean isScript = gitlab ? GITLAB_SCRIPT_KEYS.contains(key) : key.equals("run");
        if (isScript && value instanceof ScalarNode text) {
          out.add(script(file, value, text.getValue(), gitlab));
        } else if (isScript && value instanceof SequenceNode lines) {
          List<String> parts = new ArrayList<>();
          for (Node item : lines.getValue()) {
            if (item instanceof ScalarNode line) parts.add(line.getValue());
          }
          out.add(script(file, value, String.join("\n", parts), gitlab));
        } else {
          collect(file, value, gitlab, out);
        }
      }
    } else if (node instanceof SequenceNode seq) {
      for (Node item : seq.getValue()) collect(file, item, gitlab, out);
    }
  }

  /**
   * A workflow step {@code uses: OWNER/roleform@REF} (or {@code ./}): the action's run steps for
   * the step's {@code with:} inputs ({@link ActionSteps}), positioned at the step.
   */
  private static boolean usesTheAction(Path file, MappingNode step, List<Script> out) throws IOException {
    String uses = null;
    java.util.Map<String, String> with = new java.util.HashMap<>();
    for (NodeTuple t : step.getValue()) {
      String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
      if (key.equals("uses") && t.getValueNode() instanceof ScalarNode v) uses = v.getValue();
      if (key.equals("with") && t.getValueNode() instanceof MappingNode w) {
        for (NodeTuple i : w.getValue()) {
          if (i.getKeyNode() instanceof ScalarNode k && i.getValueNode() instanceof ScalarNode v) {
            with.put(k.getValue(), v.getValue());
          }
        }
      }
    }
    if (uses == null || !ActionSteps.isRoleformAction(uses)) return false;
    for (ActionSteps.Step s : ActionSteps.steps(with)) {
      String shell = s.script().replaceAll("(?s)\\$\\{\\{.*?}}", ShellCommands.PLACEHOLDER);
      out.add(new Script(file, step.getStartMark().getLine() + 1, shell));
    }
    return true;
  }

  private static Script script(Path file, Node value, String text, boolean gitlab) {
    String shell = gitlab ? text : text.replaceAll("(?s)\\$\\{\\{.*?}}", ShellCommands.PLACEHOLDER);
    return new Script(file, value.getStartMark().getLine() + 1, shell);
  }
}
