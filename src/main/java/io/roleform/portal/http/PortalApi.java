package io.roleform.portal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roleform.portal.transport.Call;
import io.roleform.portal.transport.Transport;
import io.roleform.portal.transport.Url;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/**
 * Portal API v1 calls over the shared {@link Transport}: {@code Accept} for JSON and problem
 * details on every call; each write a fresh {@code Idempotency-Key}, which makes it repeatable (the
 * portal answers a replay with the stored first answer, so it never applies twice) and which the
 * transport repeats unchanged on every attempt.
 */
final class PortalApi {

  private final Transport transport;
  private final Url base;
  private final ObjectMapper json;
  private final Failures failures;

  PortalApi(Transport transport, Url base, ObjectMapper json, Failures failures) {
    this.transport = transport;
    this.base = base;
    this.json = json;
    this.failures = failures;
  }

  Failures failures() {
    return failures;
  }

  /** {@code {base}/api/v1/} plus the given path segments (each encoded as needed). */
  Url url(String... segments) {
    return base.path(segments);
  }

  Reply get(Url url) {
    return execute(Call.get(url));
  }

  /** A write: {@code body} (or none) as JSON, the given extra headers, and a new idempotency key. */
  Reply write(String method, Url url, Object body, Map<String, String> headers) {
    Call call = Call.json(method, url, body == null ? null : encode(body))
        .header("Idempotency-Key", UUID.randomUUID().toString()).repeatable(true);
    for (Map.Entry<String, String> h : headers.entrySet()) call = call.header(h.getKey(), h.getValue());
    return execute(call);
  }

  /** The body as {@code type}; a body of another shape is a {@code PROTOCOL} failure. */
  <T> T read(Reply reply, JavaType type) {
    try {
      T value = json.readValue(reply.body(), type);
      if (value == null) {
        throw failures.protocol(reply, "the body is JSON null");
      }
      return value;
    } catch (IOException e) {
      throw failures.protocol(reply, JsonTrouble.describe(e, reply, failures));
    }
  }

  <T> T read(Reply reply, Class<T> type) {
    return read(reply, json.constructType(type));
  }

  /** The {@code State-Version} header, which every Portal API v1 answer carries. */
  long stateVersion(Reply reply) {
    String header = reply.stateVersion();
    if (header == null) {
      throw failures.protocol(reply, "the State-Version header is missing");
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      throw failures.protocol(reply, "the State-Version header is not a number");
    }
  }

  ObjectMapper json() {
    return json;
  }

  private byte[] encode(Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a request body", e);
    }
  }

  private Reply execute(Call call) {
    return Reply.of(transport.send(call.header("Accept", "application/json, application/problem+json")));
  }
}
