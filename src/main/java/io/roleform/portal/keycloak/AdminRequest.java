package io.roleform.portal.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Admin REST API call, relative to {@code /admin/realms/{realm}}.
 *
 * @param segments path segments, each encoded on the wire (ids, names)
 * @param query query parameters in order
 * @param body JSON body, or {@code null}
 * @param idempotent whether repeating the call after a lost response is harmless (then it is
 *     retried on connection failures, 429, 502, 503 and 504)
 * @param accepted non-2xx statuses returned to the caller as a {@link AdminReply} instead of thrown
 */
record AdminRequest(
    String method,
    List<String> segments,
    Map<String, String> query,
    JsonNode body,
    boolean idempotent,
    Set<Integer> accepted) {

  AdminRequest {
    segments = List.copyOf(segments);
    query = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
    accepted = Set.copyOf(accepted);
  }

  static AdminRequest get(String... segments) {
    return new AdminRequest("GET", List.of(segments), Map.of(), null, true, Set.of());
  }

  static AdminRequest put(JsonNode body, String... segments) {
    return new AdminRequest("PUT", List.of(segments), Map.of(), body, true, Set.of());
  }

  static AdminRequest delete(JsonNode body, String... segments) {
    return new AdminRequest("DELETE", List.of(segments), Map.of(), body, true, Set.of());
  }

  /** A POST; {@code idempotent} says whether a repeat is harmless (role mappings are). */
  static AdminRequest post(JsonNode body, boolean idempotent, String... segments) {
    return new AdminRequest("POST", List.of(segments), Map.of(), body, idempotent, Set.of());
  }

  AdminRequest query(String name, Object value) {
    Map<String, String> q = new LinkedHashMap<>(query);
    q.put(name, String.valueOf(value));
    return new AdminRequest(method, segments, q, body, idempotent, accepted);
  }

  AdminRequest accepting(Integer... statuses) {
    return new AdminRequest(method, segments, query, body, idempotent, Set.of(statuses));
  }

  /** {@code GET /admin/realms/acme/groups/ID} style text for logs and messages (no secrets). */
  String describe(String realm) {
    List<String> parts = new ArrayList<>(List.of("admin", "realms", realm));
    parts.addAll(segments);
    StringBuilder b = new StringBuilder(method).append(" /").append(String.join("/", parts));
    String sep = "?";
    for (Map.Entry<String, String> e : query.entrySet()) {
      b.append(sep).append(e.getKey()).append('=').append(e.getValue());
      sep = "&";
    }
    return b.toString();
  }
}
