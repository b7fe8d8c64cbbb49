package io.roleform.portal.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roleform.portal.PortalException;
import io.roleform.portal.PortalException.Kind;
import io.roleform.portal.transport.Answer;
import io.roleform.portal.transport.Call;
import io.roleform.portal.transport.TokenSupplier;
import io.roleform.portal.transport.Transport;
import io.roleform.portal.transport.Url;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Obtains access tokens from Keycloak's token endpoint and keeps one until 30 s before it expires.
 * Thread-safe. The token and the secret never leave this class except as the bearer header value.
 */
final class TokenSource implements TokenSupplier {

  /** A token is renewed this long before Keycloak says it expires. */
  static final Duration EARLY = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KeycloakConfig config;
  private final Transport transport;
  private final Clock clock;
  private String token;
  private Instant renewAt = Instant.MIN;
  private JsonNode claims = JSON.createObjectNode();

  /** @param transport a transport without credentials of its own, to the token endpoint */
  TokenSource(KeycloakConfig config, Transport transport, Clock clock) {
    this.config = config;
    this.transport = transport;
    this.clock = clock;
  }

  /** A token valid for at least {@link #EARLY} (fetched when needed). */
  @Override
  public synchronized String token() {
    if (token == null || !clock.instant().isBefore(renewAt)) fetch();
    return token;
  }

  /** Forgets {@code stale} after a 401 so that the next {@link #token()} fetches a new one. */
  @Override
  public synchronized boolean renew(String stale) {
    if (stale != null && stale.equals(token)) token = null;
    return true;
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
    Url url = Url.of(config.serverUrl()).path("realms", realm, "protocol", "openid-connect", "token");
    Map<String, String> form = new LinkedHashMap<>();
    if (config.credentials() instanceof Credentials.ClientCredentials c) {
      form.put("grant_type", "client_credentials");
      form.put("client_id", c.clientId());
      form.put("client_secret", c.clientSecret());
    } else if (config.credentials() instanceof Credentials.AdminPassword p) {
      form.put("grant_type", "password");
      form.put("client_id", "admin-cli");
      form.put("username", p.username());
      form.put("password", p.password());
    }
    // Asking for a token changes nothing: repeatable. Refusals are answered here, in words about the grant.
    Call call = Call.form(url, form).repeatable(true).accepting(400, 401, 403);
    Instant asked = clock.instant();
    Answer answer = transport.send(call);
    if (answer.status() != 200) throw refused(realm, answer.status(), answer.text());
    JsonNode body = parse(call.describe(), answer.text());
    JsonNode accessToken = body.get("access_token");
    if (accessToken == null || !accessToken.isTextual()) throw KeycloakErrors.protocol(call.describe(), "no access_token");
    long expiresIn = body.path("expires_in").asLong(60);
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
