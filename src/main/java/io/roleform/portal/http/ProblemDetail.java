package io.roleform.portal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An RFC 9457 problem detail, as Portal API v1 sends with every error.
 *
 * @param field the request field at fault, or {@code null}
 */
record ProblemDetail(String type, String title, String detail, String field) {

  /** The problem in the answer's body, or empty if the body is not a problem detail. */
  static Optional<ProblemDetail> of(Reply reply, ObjectMapper json) {
    if (reply.body().length == 0) {
      return Optional.empty();
    }
    try {
      JsonNode node = json.readTree(reply.body());
      if (node == null || !node.isObject() || !(node.has("title") || node.has("detail"))) {
        return Optional.empty();
      }
      return Optional.of(
          new ProblemDetail(
              text(node, "type"), text(node, "title"), text(node, "detail"), text(node, "field")));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** "title: detail (field `f`)", leaving out what is missing or repeated. */
  String summary() {
    List<String> parts = new ArrayList<>();
    if (title != null && !title.isBlank()) {
      parts.add(title.strip());
    }
    if (detail != null && !detail.isBlank() && !detail.strip().equals(title == null ? null : title.strip())) {
      parts.add(detail.strip());
    }
    String text = String.join(": ", parts);
    if (field != null && !field.isBlank()) {
      text += (text.isEmpty() ? "" : " ") + "(field `" + field.strip() + "`)";
    }
    return text;
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value.asText();
  }
}
