package io.roleform.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A JSON request body, read strictly: malformed JSON, a non-object, an unknown field or a wrong
 * type is a 400 that names the field.
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
    return v.asText();
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
      values.add(item.asText());
    }
    return new ArrayList<>(values);
  }

  /** The number of elements of an array field (duplicates counted), 0 when absent. */
  int size(String field) {
    JsonNode v = node.get(field);
    return v != null && v.isArray() ? v.size() : 0;
  }
}
