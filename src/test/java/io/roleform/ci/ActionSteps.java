package io.roleform.ci;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The repository's composite GitHub Action ({@code action.yml}) as a workflow step using it would
 * run it: the {@code run:} steps whose {@code if:} holds for the step's inputs, with the inputs
 * put in ({@code ${{ inputs.x }}}, and the {@code $VARS} of the step's {@code env:} that carry
 * them), so {@link ShellCommands} sees the roleform command lines the runner would execute.
 *
 * <p>Conditions: {@code inputs.NAME == 'v'} and {@code != 'v'} are evaluated, combined with
 * {@code &&}, {@code ||} and parentheses; every other term (step outputs, event names, {@code
 * always()}) counts as true, so a step runs unless the inputs rule it out. Test support only.
 */
final class ActionSteps {
  static final Path ACTION = Path.of("action.yml");
  private static final Pattern INPUT = Pattern.compile("\\$\\{\\{\\s*inputs\\.([A-Za-z0-9_-]+)(\\s*\\|\\|[^}]*)?\\s*}}");
  private static final Pattern COMPARE = Pattern.compile("inputs\\.([A-Za-z0-9_-]+)\\s*(==|!=)\\s*'([^']*)'");

  /** One run step of the action, for given inputs: its name and its script with inputs put in. */
  record Step(String name, String script) {}

  private ActionSteps() {}

  /** True when a workflow step's {@code uses:} names this action (locally or as OWNER/roleform@REF). */
  static boolean isRoleformAction(String uses) {
    return uses.equals("./") || uses.equals(".") || uses.matches("[^/\\s]+/roleform@\\S+");
  }

  /** The action's run steps that run for {@code with} (missing inputs take their defaults). */
  @SuppressWarnings("unchecked")
  static List<Step> steps(Map<String, String> with) throws IOException {
    Map<String, Object> action;
    try (Reader r = Files.newBufferedReader(ACTION, StandardCharsets.UTF_8)) {
      action = new Yaml().load(r);
    }
    Map<String, String> inputs = new HashMap<>();
    ((Map<String, Map<String, Object>>) action.get("inputs")).forEach((name, spec) ->
        inputs.put(name, String.valueOf(spec.getOrDefault("default", ""))));
    inputs.putAll(with);
    List<Step> out = new ArrayList<>();
    for (Map<String, Object> step : (List<Map<String, Object>>) ((Map<String, Object>) action.get("runs")).get("steps")) {
      if (!(step.get("run") instanceof String run)) continue;
      if (step.get("if") instanceof String condition && !holds(condition, inputs)) continue;
      Map<String, String> env = new LinkedHashMap<>();
      if (step.get("env") instanceof Map<?, ?> e) {
        e.forEach((k, v) -> env.put(String.valueOf(k), substitute(String.valueOf(v), inputs)));
      }
      String script = substitute(run, inputs);
      for (Map.Entry<String, String> v : env.entrySet()) {
        if (!String.valueOf(((Map<?, ?>) step.get("env")).get(v.getKey())).contains("inputs.")) continue;
        script = script.replace("\"$" + v.getKey() + "\"", quote(v.getValue()))
            .replace("${" + v.getKey() + "}", v.getValue())
            .replaceAll("\\$" + v.getKey() + "\\b", Matcher.quoteReplacement(v.getValue()));
      }
      out.add(new Step(String.valueOf(step.getOrDefault("name", "")), script));
    }
    return out;
  }

  private static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

  private static String substitute(String text, Map<String, String> inputs) {
    Matcher m = INPUT.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(inputs.getOrDefault(m.group(1), "")));
    m.appendTail(sb);
    return sb.toString();
  }

  /** Evaluates a condition over the inputs; unknown terms are true. */
  static boolean holds(String condition, Map<String, String> inputs) {
    String c = condition.strip();
    if (c.startsWith("${{") && c.endsWith("}}")) c = c.substring(3, c.length() - 2).strip();
    List<String> ors = split(c, "||");
    if (ors.size() > 1) return ors.stream().anyMatch(p -> holds(p, inputs));
    List<String> ands = split(c, "&&");
    if (ands.size() > 1) return ands.stream().allMatch(p -> holds(p, inputs));
    if (c.startsWith("(") && c.endsWith(")")) return holds(c.substring(1, c.length() - 1), inputs);
    Matcher m = COMPARE.matcher(c);
    if (m.matches()) {
      boolean equal = inputs.getOrDefault(m.group(1), "").equals(m.group(3));
      return m.group(2).equals("==") == equal;
    }
    return true;
  }

  /** Splits on {@code op} outside parentheses and quotes. */
  private static List<String> split(String s, String op) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\'') quoted = !quoted;
      if (quoted) continue;
      if (ch == '(') depth++;
      if (ch == ')') depth--;
      if (depth == 0 && s.startsWith(op, i)) {
        parts.add(s.substring(start, i).strip());
        start = i + op.length();
        i += op.length() - 1;
      }
    }
    parts.add(s.substring(start).strip());
    return parts;
  }
}
