package io.roleform.portal.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roleform.portal.PortalException;
import io.roleform.portal.PortalException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Obtains access tokens from Keycloak's token endpoint and keeps one until 30 s before it expires.
 * Thread-safe. The token and the secret never leave this class except as the bearer header value.
 */
final class TokenSource {

  /** A token is renewed this long before Keycloak says it expires. */
  static final Duration EARLY = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KeycloakConfig config;
  private final OkHttpClient http;
  private final Clock clock;
  private final Retrier retrier;
  private final Runnable onRequest;
  private String token;
  private Instant renewAt = Instant.MIN;
  private JsonNode claims = JSON.createObjectNode();

  TokenSource(KeycloakConfig config, OkHttpClient http, Clock clock, Retrier retrier, Runnable onRequest) {
    this.config = config;
    this.http = http;
    this.clock = clock;
    this.retrier = retrier;
    this.onRequest = onRequest;
  }

  /** A token valid for at least {@link #EARLY} (fetched when needed). */
  synchronized String token() {
    if (token == null || !clock.instant().isBefore(renewAt)) fetch();
    return token;
  }

  /** Forgets {@code stale} after a 401 so that the next {@link #token()} fetches a new one. */
  synchronized void invalidate(String stale) {
    if (stale != null && stale.equals(token)) token = null;
  }

  /** The {@code sub} claim of the current token: the service account's (or admin's) user id. */
  synchronized String subject() {
    token();
    return text(claims, "sub");
  }

  /** The {@code email} claim of the current token, or {@code null}. */
  synchronized String email() {
    token();
    return text(claims, "email");
  }

  private void fetch() {
    String realm = config.credentials().tokenRealm(config.realm());
    HttpUrl url = HttpUrl.get(config.serverUrl().toString()).newBuilder()
        .addPathSegment("realms").addPathSegment(realm)
        .addPathSegments("protocol/openid-connect/token").build();
    FormBody.Builder form = new FormBody.Builder();
    if (config.credentials() instanceof Credentials.ClientCredentials c) {
      form.add("grant_type", "client_credentials").add("client_id", c.clientId()).add("client_secret", c.clientSecret());
    } else if (config.credentials() instanceof Credentials.AdminPassword p) {
      form.add("grant_type", "password").add("client_id", "admin-cli")
          .add("username", p.username()).add("password", p.password());
    }
    Request request = new Request.Builder().url(url).post(form.build()).build();
    String call = "POST /realms/" + realm + "/protocol/openid-connect/token";
    Instant asked = clock.instant();
    JsonNode answer = retrier.run(call, attempt -> {
      onRequest.run();
      try (Response r = http.newCall(request).execute()) {
        String body = r.body().string();
        if (r.code() == 200) return Retrier.Outcome.done(parse(call, body));
        if (Retrier.isTransient(r.code())) return Retrier.Outcome.retry(r.code(), r.header("Retry-After"));
        throw refused(realm, r.code(), body);
      }
    });
    JsonNode accessToken = answer.get("access_token");
    if (accessToken == null || !accessToken.isTextual()) throw KeycloakErrors.protocol(call, "no access_token");
    long expiresIn = answer.path("expires_in").asLong(60);
    token = accessToken.asText();
    renewAt = asked.plusSeconds(expiresIn).minus(EARLY);
    claims = decodeClaims(token);
  }

  private PortalException refused(String realm, int status, String body) {
    String who = config.credentials() instanceof Credentials.ClientCredentials
        ? "the client from " + Credentials.ENV_CLIENT_ID + "/" + Credentials.ENV_CLIENT_SECRET + " in realm " + realm
        : "the admin user from " + Credentials.ENV_USER + "/" + Credentials.ENV_PASSWORD + " in realm master";
    String detail = KeycloakErrors.detail(body);
    return new PortalException(Kind.UNAUTHORIZED, status, "Keycloak did not issue a token for " + who
        + " (HTTP " + status + (detail.isEmpty() ? "" : ": " + detail) + "). Check the credentials and that"
        + " the client has service accounts enabled.");
  }

  private static JsonNode parse(String call, String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw KeycloakErrors.protocol(call, "the token answer is not JSON");
    }
  }

  private static JsonNode decodeClaims(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length < 2) return JSON.createObjectNode();
    try {
      return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      return JSON.createObjectNode();
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }
}
