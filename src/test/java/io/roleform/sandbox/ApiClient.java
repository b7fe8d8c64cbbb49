package io.roleform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test client for the sandbox over real HTTP ({@code java.net.http}). Every response it sees is
 * checked against schema/portal-api.yaml, and each (operation, status) seen is recorded, so the
 * suite can assert that every documented operation was exercised.
 */
final class ApiClient {
  static final ObjectMapper JSON = new ObjectMapper();
  /** {@code "METHOD /api/v1/template STATUS"} of every checked response, across the suite. */
  static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

  private final URI base;
  private final String token;
  private final HttpClient http;

  ApiClient(URI base, String token) {
    this.base = base;
    this.token = token;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  ApiClient as(String otherToken) {
    return new ApiClient(base, otherToken);
  }

  /** A response, already validated against the contract. */
  record Resp(int status, java.net.http.HttpHeaders headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    long stateVersion() {
      return Long.parseLong(header("State-Version"));
    }
  }

  Resp get(String path) {
    return send("GET", path, null, Map.of());
  }

  Resp post(String path, Object body, String... headers) {
    return send("POST", path, body, pairs(headers));
  }

  Resp patch(String path, Object body, String... headers) {
    return send("PATCH", path, body, pairs(headers));
  }

  Resp put(String path, Object body, String... headers) {
    return send("PUT", path, body, pairs(headers));
  }

  Resp delete(String path, String... headers) {
    return send("DELETE", path, null, pairs(headers));
  }

  private static Map<String, String> pairs(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  /** Sends; {@code body} is a JSON string or an object serialised by Jackson. */
  Resp send(String method, String path, Object body, Map<String, String> headers) {
    try {
      return sendUnchecked(method, path, body, headers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends without turning I/O errors into unchecked ones (for reset tests). */
  Resp sendUnchecked(String method, String path, Object body, Map<String, String> headers) throws IOException {
    String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
    if (text != null) {
      b.header("Content-Type", "application/json");
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    headers.forEach(b::header);
    HttpResponse<String> r;
    try {
      r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    String rawPath = URI.create(path).getRawPath();
    assertThat(OpenApiContract.SPEC.check(method, rawPath, r.statusCode(), r.headers(), r.body()))
        .as("contract violations of %s %s -> %s %s", method, path, r.statusCode(), r.body())
        .isEmpty();
    OpenApiContract.SPEC.template(rawPath)
        .ifPresent(t -> SEEN.add(method + " " + t + " " + r.statusCode()));
    return new Resp(r.statusCode(), r.headers(), r.body());
  }
}
