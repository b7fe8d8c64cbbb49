package io.roleform.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A JSON request body, read strictly: malformed JSON, a duplicated key, a non-object, an unknown
 * field, a wrong type, or a control character (NUL included) in a name, id or email is a 400 that
 * names the field. A description may hold tabs and line breaks, no other control character.
 */
final class Body {
  private final JsonNode node;

  private Body(JsonNode node) {
    this.node = node;
  }

  static Body parse(byte[] bytes, Set<String> allowed) {
    JsonNode node;
    try {
      node = bytes.length == 0 ? null : Json.MAPPER.readTree(bytes);
    } catch (com.fasterxml.jackson.core.JsonParseException e) {
      String m = String.valueOf(e.getOriginalMessage());
      if (m.startsWith("Duplicate field")) {
        throw ApiProblem.badRequest(null, "The request body has a duplicated key; each key may appear once.");
      }
      throw ApiProblem.badRequest(null, "The request body is not valid JSON.");
    } catch (IOException e) {
      throw ApiProblem.badRequest(null, "The request body is not valid JSON.");
    }
    if (node == null || !node.isObject()) {
      throw ApiProblem.badRequest(null, "The request body must be a JSON object.");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        throw ApiProblem.badRequest(
            name, "Unknown field '" + name + "'; this request accepts " + String.join(", ", allowed) + ".");
      }
    }
    return new Body(node);
  }

  boolean has(String field) {
    return node.has(field);
  }

  /** The string value, or null when absent; 400 unless a string (or, if nullable, null). */
  String string(String field, boolean nullable) {
    JsonNode v = node.get(field);
    if (v == null || (nullable && v.isNull())) {
      return null;
    }
    if (!v.isTextual()) {
      throw ApiProblem.badRequest(field, "'" + field + "' must be a string.");
    }
    return clean(field, v.asText());
  }

  /** {@code value}, or a 400 when it holds a control character this field may not hold. */
  private static String clean(String field, String value) {
    boolean multiline = field.equals("description");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowed = multiline && (c == '\n' || c == '\r' || c == '\t');
      if ((Character.isISOControl(c) || c == '\u2028' || c == '\u2029') && !allowed) {
        throw ApiProblem.badRequest(field, "'" + field + "' holds a control character (U+"
            + String.format("%04X", (int) c) + "); names, ids and emails are plain text.");
      }
    }
    return value;
  }

  Boolean bool(String field) {
    JsonNode v = node.get(field);
    if (v == null) {
      return null;
    }
    if (!v.isBoolean()) {
      throw ApiProblem.badRequest(field, "'" + field + "' must be true or false.");
    }
    return v.asBoolean();
  }

  /** The distinct strings of an array field in first-seen order, or null when absent. */
  List<String> strings(String field) {
    JsonNode v = node.get(field);
    if (v == null) {
      return null;
    }
    if (!v.isArray()) {
      throw ApiProblem.badRequest(field, "'" + field + "' must be an array of strings.");
    }
    Set<String> values = new LinkedHashSet<>();
    for (JsonNode item : v) {
      if (!item.isTextual()) {
        throw ApiProblem.badRequest(field, "'" + field + "' must be an array of strings.");
      }
      values.add(clean(field, item.asText()));
    }
    return new ArrayList<>(values);
  }

  /** The number of elements of an array field (duplicates counted), 0 when absent. */
  int size(String field) {
    JsonNode v = node.get(field);
    return v != null && v.isArray() ? v.size() : 0;
  }
}
