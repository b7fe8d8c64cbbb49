package io.roleform.portal.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends {@link AdminRequest}s to {@code /admin/realms/{realm}}: bearer token (renewed early, and
 * once more after a 401), retries for idempotent requests, one log line per request, and errors
 * mapped to one-paragraph {@link io.roleform.portal.PortalException}s. Thread-safe.
 */
final class AdminTransport {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json");

  private final KeycloakConfig config;
  private final OkHttpClient http;
  private final TokenSource tokens;
  private final Retrier retrier;
  private final HttpUrl base;
  private final AtomicLong requests;

  AdminTransport(KeycloakConfig config, OkHttpClient http, TokenSource tokens, Retrier retrier, AtomicLong requests) {
    this.config = config;
    this.http = http;
    this.tokens = tokens;
    this.retrier = retrier;
    this.requests = requests;
    this.base = HttpUrl.get(config.serverUrl().toString()).newBuilder()
        .addPathSegment("admin").addPathSegment("realms").addPathSegment(config.realm()).build();
  }

  /** Sends the request; a 2xx or accepted status returns, anything else throws. */
  AdminReply send(AdminRequest req) {
    String call = req.describe(config.realm());
    Request.Builder builder = new Request.Builder().url(url(req)).header("Accept", "application/json");
    RequestBody body = req.body() == null ? null : RequestBody.create(write(req.body()), JSON_TYPE);
    if (body == null && !req.method().equals("GET") && !req.method().equals("DELETE")) {
      body = RequestBody.create(new byte[0], null);
    }
    builder.method(req.method(), body);
    boolean[] reauthorized = {false};
    Retrier.Attempt<AdminReply> attempt = n -> {
      String token = tokens.token();
      Request request = builder.header("Authorization", "Bearer " + token).build();
      requests.incrementAndGet();
      long started = System.nanoTime();
      try (Response r = http.newCall(request).execute()) {
        String text = r.body().string();
        config.verboseLog().accept(call + " -> " + r.code() + " (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
        if (r.code() == 401 && !reauthorized[0]) {
          reauthorized[0] = true;
          tokens.invalidate(token);
          return Retrier.Outcome.retry(401, "0");
        }
        if (r.isSuccessful() || req.accepted().contains(r.code())) {
          return Retrier.Outcome.done(new AdminReply(r.code(), parse(call, text), r.header("Location"), n));
        }
        if (req.idempotent() && Retrier.isTransient(r.code())) {
          return Retrier.Outcome.retry(r.code(), r.header("Retry-After"));
        }
        throw KeycloakErrors.forStatus(call, r.code(), text);
      } catch (IOException e) {
        config.verboseLog().accept(call + " -> " + e.getClass().getSimpleName());
        if (!req.idempotent()) throw KeycloakErrors.unavailable(call, e.getClass().getSimpleName());
        throw e;
      }
    };
    return retrier.run(call, attempt);
  }

  /** GET returning the JSON body. */
  JsonNode get(AdminRequest req) {
    return send(req).body();
  }

  private HttpUrl url(AdminRequest req) {
    HttpUrl.Builder u = base.newBuilder();
    for (String segment : req.segments()) u.addPathSegment(segment);
    for (Map.Entry<String, String> q : req.query().entrySet()) u.addQueryParameter(q.getKey(), q.getValue());
    return u.build();
  }

  private static byte[] write(JsonNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String call, String text) {
    if (text == null || text.isBlank()) return null;
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw KeycloakErrors.protocol(call, "the body is not JSON");
    }
  }
}
