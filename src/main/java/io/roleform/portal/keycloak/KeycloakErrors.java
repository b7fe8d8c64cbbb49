package io.roleform.portal.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roleform.portal.PortalException;
import io.roleform.portal.PortalException.Kind;

/**
 * Turns a Keycloak error answer into a one-paragraph {@link PortalException}. Keycloak's bodies
 * ({@code {"errorMessage": ...}}, {@code {"error": ..., "error_description": ...}}) never carry a
 * token; request headers are never echoed.
 */
final class KeycloakErrors {

  private static final ObjectMapper JSON = new ObjectMapper();

  private KeycloakErrors() {}

  static PortalException forStatus(String call, int status, String body) {
    String detail = detail(body);
    String said = detail.isEmpty() ? "" : ": " + detail;
    return switch (status) {
      case 401 -> new PortalException(Kind.UNAUTHORIZED, status, "Keycloak rejected the access token for "
          + call + said + ". Check the ROLEFORM_KEYCLOAK_* credentials.");
      case 403 -> new PortalException(Kind.FORBIDDEN, status, "Keycloak refused " + call + " (HTTP 403)" + said
          + ". The service account lacks a realm-management role: it needs manage-users and view-realm"
          + " (and view-clients when the catalog is a client's roles).");
      case 404 -> new PortalException(Kind.NOT_FOUND, status, "Keycloak has no such object for " + call + said
          + ". It may have been deleted since it was read; run plan again.");
      case 409 -> new PortalException(Kind.CONFLICT, status, "Keycloak refused " + call + " as a conflict" + said + ".");
      case 400, 422 -> new PortalException(Kind.INVALID, status, "Keycloak refused " + call + " as invalid (HTTP "
          + status + ")" + said + ".");
      case 429, 500, 502, 503, 504 -> unavailable(call, "HTTP " + status + said);
      default -> new PortalException(Kind.PROTOCOL, status, "Keycloak answered " + call + " with an unexpected HTTP "
          + status + said + ".");
    };
  }

  static PortalException unavailable(String call, String why) {
    return new PortalException(Kind.UNAVAILABLE, 0, "Keycloak did not complete " + call + " (" + why
        + ") even after retries. Check that the server is up and reachable, then run the command again.");
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
