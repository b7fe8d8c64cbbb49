package io.roleform.portal.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roleform.portal.transport.Answer;
import io.roleform.portal.transport.Call;
import io.roleform.portal.transport.Transport;
import io.roleform.portal.transport.Url;
import java.io.IOException;
import java.util.Map;

/**
 * Sends {@link AdminRequest}s to {@code /admin/realms/{realm}} over the shared {@link Transport}
 * (bearer token from {@link TokenSource}, renewed early and once more after a 401; retries of
 * repeatable requests; one log line per request; failures in {@link KeycloakErrors}' words).
 * Thread-safe.
 */
final class AdminTransport {

  static final ObjectMapper JSON = new ObjectMapper();

  private final Transport transport;
  private final Url base;

  AdminTransport(KeycloakConfig config, Transport transport) {
    this.transport = transport;
    this.base = Url.of(config.serverUrl()).path("admin", "realms", config.realm());
  }

  /** Sends the request; a 2xx or accepted status returns, anything else throws. */
  AdminReply send(AdminRequest req) {
    Url url = base.path(req.segments().toArray(String[]::new));
    for (Map.Entry<String, String> q : req.query().entrySet()) url = url.query(q.getKey(), q.getValue());
    Call call = Call.json(req.method(), url, req.body() == null ? null : write(req.body()))
        .header("Accept", "application/json")
        .repeatable(req.idempotent())
        .accepting(req.accepted().toArray(Integer[]::new));
    Answer answer = transport.send(call);
    return new AdminReply(answer.status(), parse(answer), answer.header("Location"), answer.attempts());
  }

  /** GET returning the JSON body. */
  JsonNode get(AdminRequest req) {
    return send(req).body();
  }

  private static byte[] write(JsonNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(Answer answer) {
    String text = answer.text();
    if (text.isBlank()) return null;
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw KeycloakErrors.protocol(answer.call(), "the body is not JSON");
    }
  }
}
