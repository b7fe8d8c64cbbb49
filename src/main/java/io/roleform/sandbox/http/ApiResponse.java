package io.roleform.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complete response: status, headers and body ({@code null} = none). Immutable.
 */
record ApiResponse(int status, Map<String, String> headers, byte[] body) {
  static final String JSON = "application/json";
  static final String PROBLEM = "application/problem+json";

  ApiResponse {
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  static ApiResponse json(int status, Object value) {
    return new ApiResponse(status, Map.of("Content-Type", JSON), Json.bytes(value));
  }

  static ApiResponse noContent() {
    return new ApiResponse(204, Map.of(), null);
  }

  static ApiResponse problem(ApiProblem p) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "https://roleform.dev/problems/" + p.slug);
    body.put("title", p.title);
    body.put("status", p.status);
    body.put("detail", p.detail());
    if (p.field != null) {
      body.put("field", p.field);
    }
    Map<String, String> headers = new LinkedHashMap<>(p.headers);
    headers.put("Content-Type", PROBLEM);
    return new ApiResponse(p.status, headers, Json.bytes(body));
  }

  ApiResponse withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new ApiResponse(status, h, body);
  }

  /** An ETag header value for a version: the version quoted. */
  static String etag(long version) {
    return "\"" + version + "\"";
  }

  @Override
  public String toString() {
    return status + " " + (body == null ? "" : new String(body, StandardCharsets.UTF_8));
  }
}
