package io.roleform.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one entry of {@code policies:} into a {@link DesiredPolicy}, checking what the schema
 * cannot: exactly one rule per policy, exactly one of {@code permissions}/{@code roles} (or {@code
 * role}/{@code permission}), at least one condition in {@code membersMatch}, regular expressions
 * that compile, {@code requireDescription: true}. Lenient like {@link ModelBuilder}: a value of the
 * wrong shape was already reported by the schema and makes the entry skipped.
 */
final class PolicyReader {
  /** The rule keys, in the order the messages list them. */
  static final List<String> RULES =
      List.of("exclusive", "onlyIn", "maxMembers", "minMembers", "membersMatch", "requireDescription");

  private final ParsedDocument doc;
  private final String pointer;
  private final List<Diagnostic> problems;
  private final Map<String, SourcePosition> positions = new HashMap<>();
  private boolean bad;

  private PolicyReader(ParsedDocument doc, String pointer, List<Diagnostic> problems) {
    this.doc = doc;
    this.pointer = pointer;
    this.problems = problems;
  }

  /** The policy at {@code pointer}, or {@code null} when it is unreadable (problems reported). */
  static DesiredPolicy read(ParsedDocument doc, String pointer, JsonNode n, List<Diagnostic> problems) {
    if (!n.isObject() || !n.path("name").isTextual()) return null;
    return new PolicyReader(doc, pointer, problems).policy(n);
  }

  private DesiredPolicy policy(JsonNode n) {
    walk(n, "");
    String name = n.get("name").asText();
    List<String> present = new ArrayList<>();
    for (String key : RULES) if (n.has(key)) present.add(key);
    if (present.isEmpty()) {
      problem("", "policy `" + name + "` has no rule",
          "add one of: " + String.join(", ", RULES));
      return null;
    }
    if (present.size() > 1) {
      problem(present.get(1), "policy `" + name + "` has more than one rule (" + String.join(", ", present) + ")",
          "write one rule per policy; split it into policies with names of their own");
      return null;
    }
    String key = present.get(0);
    JsonNode v = n.get(key);
    PolicyRule rule = switch (key) {
      case "exclusive" -> exclusive(v);
      case "onlyIn" -> onlyIn(v);
      case "maxMembers", "minMembers" -> count(key, v);
      case "membersMatch" -> membersMatch(v);
      default -> requireDescription(v);
    };
    if (rule == null || bad) return null;
    JsonNode d = n.path("description");
    return new DesiredPolicy(name, d.isTextual() ? d.asText() : null, rule, doc.positionOf(pointer), positions);
  }

  private PolicyRule exclusive(JsonNode v) {
    if (!v.isObject()) return null;
    List<String> permissions = strings(v.path("permissions"));
    List<String> roles = strings(v.path("roles"));
    if ((permissions == null) == (roles == null)) {
      problem("exclusive", "`exclusive` names " + (permissions == null ? "neither `permissions` nor" : "both `permissions` and")
          + " `roles`", "name exactly one: `exclusive: {permissions: [billing, purchase]}` or `{roles: [A, B]}`");
      return null;
    }
    return new PolicyRule.Exclusive(permissions, roles);
  }

  private PolicyRule onlyIn(JsonNode v) {
    List<String> roles = strings(v.path("roles"));
    if (!v.path("permission").isTextual() || roles == null) return null;
    return new PolicyRule.OnlyIn(v.get("permission").asText(), roles);
  }

  private PolicyRule count(String key, JsonNode v) {
    if (!v.isObject()) return null;
    JsonNode role = v.path("role");
    JsonNode permission = v.path("permission");
    if (role.isTextual() == permission.isTextual()) {
      problem(key, "`" + key + "` names " + (role.isTextual() ? "both `role` and" : "neither `role` nor") + " `permission`",
          "name exactly one, such as `" + key + ": {role: Admin, count: 2}`");
      return null;
    }
    JsonNode count = v.path("count");
    if (!count.canConvertToInt() || !count.isIntegralNumber() || count.intValue() < 0) return null;
    return new PolicyRule.MemberCount(key.equals("minMembers"), role.isTextual() ? role.asText() : null,
        permission.isTextual() ? permission.asText() : null, count.intValue());
  }

  private PolicyRule membersMatch(JsonNode v) {
    List<String> roles = strings(v.path("roles"));
    if (roles == null) return null;
    boolean internal = v.path("internal").asBoolean(false);
    String pattern = regex(v, "pattern");
    String notPattern = regex(v, "notPattern");
    if (bad) return null;
    if (!internal && pattern == null && notPattern == null) {
      problem("membersMatch", "`membersMatch` sets no condition",
          "add `internal: true`, `pattern: REGEX` or `notPattern: REGEX`");
      return null;
    }
    return new PolicyRule.MembersMatch(roles, internal, pattern, notPattern);
  }

  private PolicyRule requireDescription(JsonNode v) {
    if (!v.isBoolean()) return null;
    if (!v.asBoolean()) {
      problem("requireDescription", "`requireDescription: false` checks nothing",
          "write `requireDescription: true`, or remove the policy");
      return null;
    }
    return new PolicyRule.RequireDescription();
  }

  private String regex(JsonNode v, String key) {
    if (!v.path(key).isTextual()) return null;
    String text = v.get(key).asText();
    try {
      Pattern.compile(text);
      return text;
    } catch (PatternSyntaxException e) {
      valueProblem("membersMatch/" + key, "`" + key + "` is not a valid regular expression: " + e.getDescription()
          + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""),
          "a Java regular expression matched against the whole email, such as `.*@acme\\.example`");
      return null;
    }
  }

  private static List<String> strings(JsonNode v) {
    if (!v.isArray()) return null;
    List<String> out = new ArrayList<>(v.size());
    for (JsonNode item : v) if (item.isTextual()) out.add(item.asText());
    return out;
  }

  private void problem(String relative, String message, String hint) {
    bad = true;
    String p = relative.isEmpty() ? pointer : pointer + "/" + relative;
    problems.add(new Diagnostic(relative.isEmpty() ? Location.of(doc, p) : Location.ofKey(doc, p), message, hint));
  }

  private void valueProblem(String relative, String message, String hint) {
    bad = true;
    problems.add(new Diagnostic(Location.of(doc, pointer + "/" + relative), message, hint));
  }

  /** Records the position of every value under the policy, by path relative to the entry. */
  private void walk(JsonNode n, String relative) {
    if (!relative.isEmpty()) positions.put(relative, doc.positionOf(pointer + "/" + relative));
    String prefix = relative.isEmpty() ? "" : relative + "/";
    if (n.isObject()) {
      Iterator<String> names = n.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        walk(n.get(name), prefix + ParsedDocument.escape(name));
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) walk(n.get(i), prefix + i);
    }
  }
}
