package io.roleform.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import java.util.List;
import java.util.Locale;

/** Words for schema violations: one sentence that says what is wrong, and a hint that says how to fix it. */
final class SchemaMessages {
  private SchemaMessages() {}

  static Diagnostic describe(
      SchemaCheck check, ParsedDocument doc, String pointer, Error e, List<String> schemaPath) {
    JsonNode value = e.getInstanceNode();
    String keyword = e.getKeyword() == null ? "" : e.getKeyword();
    switch (keyword) {
      case "additionalProperties": {
        String key = e.getProperty();
        String child = pointer + "/" + ParsedDocument.escape(key);
        List<String> known = check.knownKeys(schemaPath.subList(0, Math.max(0, schemaPath.size() - 1)));
        String hint = Suggestions.didYouMean(key, known);
        if (hint == null) hint = "known keys here: " + String.join(", ", known);
        return new Diagnostic(Location.ofKey(doc, child), "unknown key `" + key + "`", hint);
      }
      case "required": {
        String key = e.getProperty();
        if (pointer.isEmpty() && "apiVersion".equals(key)) {
          return new Diagnostic(Location.of(doc, pointer), "missing `apiVersion`",
              "every document starts with `apiVersion: roleform/v1`");
        }
        return new Diagnostic(Location.of(doc, pointer), "missing required key `" + key + "`", null);
      }
      case "type":
        return typeMismatch(doc, pointer, value, e.getSchemaNode());
      case "enum":
        if (pointer.equals("/apiVersion")) {
          return new Diagnostic(Location.of(doc, pointer),
              "unknown apiVersion `" + value.asText() + "`", "use `apiVersion: roleform/v1`");
        }
        return new Diagnostic(Location.of(doc, pointer), "`" + value.asText() + "` is not allowed here",
            allowed(e.getSchemaNode()));
      case "minLength":
        return new Diagnostic(Location.of(doc, pointer), what(pointer) + " must not be empty", null);
      case "maxLength":
        return new Diagnostic(Location.of(doc, pointer), what(pointer) + " is longer than "
            + e.getSchemaNode().asInt() + " characters", null);
      case "pattern":
        return pattern(doc, pointer, value.asText(), schemaPath);
      case "minItems":
        return new Diagnostic(Location.of(doc, pointer), what(pointer) + " needs at least "
            + e.getSchemaNode().asInt() + " items", null);
      case "minimum":
        return new Diagnostic(Location.of(doc, pointer), what(pointer) + " must be at least "
            + e.getSchemaNode().asText() + ", not " + value.asText(), null);
      default:
        return new Diagnostic(Location.of(doc, pointer), e.getMessage(), null);
    }
  }

  /** {@code use one of: `a`, `b`} for an enum's schema node, or {@code null}. */
  private static String allowed(com.fasterxml.jackson.databind.JsonNode enumNode) {
    if (enumNode == null || !enumNode.isArray() || enumNode.isEmpty()) return null;
    List<String> values = new java.util.ArrayList<>();
    enumNode.forEach(v -> values.add("`" + v.asText() + "`"));
    return "use one of: " + String.join(", ", values);
  }

  private static Diagnostic pattern(ParsedDocument doc, String pointer, String text, List<String> schemaPath) {
    Location at = Location.of(doc, pointer);
    String def = schemaPath.size() >= 2 && schemaPath.get(0).equals("$defs") ? schemaPath.get(1) : "";
    switch (def) {
      case "email":
        return new Diagnostic(at, "`" + text + "` is not an email address",
            "members and owners are users' emails, such as alice@acme.example");
      case "date":
        return new Diagnostic(at, "`" + text + "` is not a date",
            "write the last day of access as YYYY-MM-DD, such as 2027-01-31");
      case "permissionId":
      case "caseAction": {
        String noun = def.equals("caseAction") ? "case action" : "permission id";
        String fixed = text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
        String hint = fixed.matches("[a-z0-9][a-z0-9-]*") && !fixed.equals(text)
            ? "did you mean `" + fixed + "`?"
            : noun + "s are lowercase letters, digits and `-`, such as `"
                + (def.equals("caseAction") ? "view" : "billing") + "`";
        return new Diagnostic(at, "`" + text + "` is not a valid " + noun, hint);
      }
      default:
        return new Diagnostic(at,
            what(pointer) + " " + quoted(text) + " has leading or trailing spaces or a line break",
            "write a role name on one line, without surrounding spaces");
    }
  }

  private static Diagnostic typeMismatch(ParsedDocument doc, String pointer, JsonNode value, JsonNode typeNode) {
    String expected = typeNode == null ? "?" : typeNode.asText();
    String found = kind(value);
    String hint = null;
    if (pointer.equals("/apiVersion")) {
      hint = "use `apiVersion: roleform/v1`";
    } else if (expected.equals("string") && (value.isNumber() || value.isBoolean())) {
      hint = "quote it to keep it as text: \"" + value.asText() + "\"";
    } else if (expected.equals("string") && value.isNull()) {
      hint = "write a value, or remove the key";
    } else if (expected.equals("boolean") && value.isTextual()) {
      hint = "use true or false";
    } else if (expected.equals("array") && (value.isTextual() || value.isNumber())) {
      hint = "write a list, such as [" + value.asText() + "]";
    } else if (expected.equals("object") && pointer.isEmpty()) {
      hint = "a config document is a mapping that starts with `apiVersion: roleform/v1`";
    }
    return new Diagnostic(Location.of(doc, pointer),
        what(pointer) + " must be " + article(expected) + ", not " + found, hint);
  }

  /** What the value at a pointer is, for messages: its key, or "an item of KEY" for list items. */
  static String what(String pointer) {
    if (pointer.isEmpty()) return "the document";
    String[] parts = pointer.substring(1).split("/", -1);
    String last = parts[parts.length - 1];
    if (last.matches("[0-9]+") && parts.length >= 2) {
      return "each entry of `" + parts[parts.length - 2] + "`";
    }
    return "`" + last.replace("~1", "/").replace("~0", "~") + "`";
  }

  private static String kind(JsonNode v) {
    if (v == null || v.isNull()) return "empty";
    if (v.isTextual()) return "text (" + quoted(v.asText()) + ")";
    if (v.isBoolean()) return "a boolean (" + v.asText() + ")";
    if (v.isNumber()) return "a number (" + v.asText() + ")";
    if (v.isArray()) return "a list";
    return "a mapping";
  }

  /** Text in double quotes with line breaks shown, clipped to 60 characters. */
  static String quoted(String text) {
    String t = text.length() > 60 ? text.substring(0, 60) + "..." : text;
    return "\"" + t.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + "\"";
  }

  private static String article(String type) {
    switch (type) {
      case "string": return "text";
      case "boolean": return "true or false";
      case "array": return "a list";
      case "object": return "a mapping";
      default: return type;
    }
  }
}
