package io.roleform.portal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roleform.portal.PortalException;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends one logical call through the shared client and returns its answer, or throws the {@link
 * PortalException} it amounts to. Writes get a fresh {@code Idempotency-Key}, which the retry
 * interceptor repeats unchanged on every attempt of that call.
 */
final class Transport {

  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient http;
  private final HttpUrl base;
  private final ObjectMapper json;
  private final Failures failures;

  Transport(OkHttpClient http, HttpUrl base, ObjectMapper json, Failures failures) {
    this.http = http;
    this.base = base;
    this.json = json;
    this.failures = failures;
  }

  Failures failures() {
    return failures;
  }

  /** {@code {base}/api/v1/} plus the given path segments (each encoded as needed). */
  HttpUrl.Builder url(String... segments) {
    HttpUrl.Builder b = base.newBuilder();
    for (String s : segments) {
      b.addPathSegment(s);
    }
    return b;
  }

  Reply get(HttpUrl url) {
    return execute(new Request.Builder().url(url).get().build());
  }

  /**
   * A write: {@code body} (or none) as JSON, the given extra headers, and a new idempotency key.
   */
  Reply write(String method, HttpUrl url, Object body, Map<String, String> headers) {
    RequestBody requestBody = body == null ? null : RequestBody.create(encode(body), JSON);
    if (requestBody == null && !method.equals("DELETE")) {
      requestBody = RequestBody.create(new byte[0], JSON);
    }
    Request.Builder b = new Request.Builder().url(url).method(method, requestBody);
    headers.forEach(b::header);
    b.header("Idempotency-Key", UUID.randomUUID().toString());
    return execute(b.build());
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

  private Reply execute(Request request) {
    String what = request.method() + " " + RequestLogInterceptor.target(request.url());
    try (Response response = http.newCall(request).execute()) {
      Attempt attempt = response.request().tag(Attempt.class);
      Reply reply =
          new Reply(
              what,
              response.code(),
              response.message(),
              response.header("Content-Type"),
              response.header("State-Version"),
              response.header("Location"),
              response.body().bytes(),
              attempt == null ? 1 : attempt.number());
      if (!reply.isSuccess()) {
        throw failures.fromReply(reply);
      }
      return reply;
    } catch (AttemptsFailedException e) {
      throw failures.noAnswer(what, e.attempts(), e.last());
    } catch (IOException e) {
      throw failures.noAnswer(what, 1, e);
    }
  }
}
