package io.roleform.portal.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roleform.portal.PortalException;
import io.roleform.portal.PortalException.Kind;
import io.roleform.portal.transport.Answer;
import io.roleform.portal.transport.MessageTable;

/**
 * Keycloak's message table: each failure the transport's mapper classifies, in one paragraph about
 * Keycloak. Keycloak's bodies ({@code {"errorMessage": ...}}, {@code {"error": ...,
 * "error_description": ...}}) never carry a token; request headers are never echoed.
 */
final class KeycloakErrors implements MessageTable {

  static final KeycloakErrors TABLE = new KeycloakErrors();

  private static final ObjectMapper JSON = new ObjectMapper();

  private KeycloakErrors() {}

  @Override
  public String said(Answer answer) {
    return detail(answer.text());
  }

  @Override
  public String refused(Kind kind, Answer answer, String detail) {
    String call = answer.call();
    int status = answer.status();
    String said = detail.isEmpty() ? "" : ": " + detail;
    return switch (kind) {
      case UNAUTHORIZED -> "Keycloak rejected the access token for " + call + said
          + ". Check the ROLEFORM_KEYCLOAK_* credentials.";
      case FORBIDDEN -> "Keycloak refused " + call + " (HTTP 403)" + said
          + ". The service account lacks a realm-management role: it needs manage-users and view-realm"
          + " (and view-clients when the catalog is a client's roles).";
      case NOT_FOUND -> "Keycloak has no such object for " + call + said
          + ". It may have been deleted since it was read; run plan again.";
      case CONFLICT -> "Keycloak refused " + call + " as a conflict" + said + ".";
      case PRECONDITION_FAILED -> "Keycloak refused " + call + " (HTTP 412)" + said
          + ": it changed since it was read; run plan again.";
      case INVALID -> "Keycloak refused " + call + " as invalid (HTTP " + status + ")" + said + ".";
      case UNAVAILABLE -> unavailable(call, "HTTP " + status + said + ", " + answer.attempts() + " attempts");
      case PROTOCOL -> "Keycloak answered " + call + " with an unexpected HTTP " + status + said + ".";
    };
  }

  @Override
  public String noAnswer(String call, int attempts, String why) {
    return unavailable(call, why + ", " + attempts + (attempts == 1 ? " attempt" : " attempts"));
  }

  private static String unavailable(String call, String why) {
    return "Keycloak did not complete " + call + " (" + why
        + ") even after retries. Check that the server is up and reachable, then run the command again.";
  }

  static PortalException protocol(String call, String why) {
    return new PortalException(Kind.PROTOCOL, 0, "Keycloak answered " + call + " with something roleform cannot"
        + " read (" + why + "). Is the address a Keycloak server (26.x)?");
  }

  /** The server's own words, on one line, at most 300 characters; empty for HTML or nothing. */
  static String detail(String body) {
    if (body == null || body.isBlank()) return "";
    String text = body.strip();
    try {
      JsonNode n = JSON.readTree(text);
      if (n != null && n.isObject()) {
        StringBuilder b = new StringBuilder();
        for (String field : new String[] {"errorMessage", "error", "error_description"}) {
          JsonNode v = n.get(field);
          if (v != null && v.isTextual() && !v.asText().isBlank()) {
            if (b.length() > 0) b.append(" — ");
            b.append(v.asText());
          }
        }
        text = b.length() > 0 ? b.toString() : text;
      }
    } catch (java.io.IOException e) {
      if (text.startsWith("<")) return "";
    }
    text = text.replaceAll("\\s+", " ");
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
