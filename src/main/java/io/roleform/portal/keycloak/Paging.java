package io.roleform.portal.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a whole Keycloak list ({@code ?first=&max=}) page by page. Keycloak returns a plain JSON
 * array; a page shorter than {@code max} is the last one.
 */
final class Paging {

  /** The largest page roleform asks for. */
  static final int PAGE = 1000;

  private Paging() {}

  static List<JsonNode> all(AdminTransport transport, AdminRequest request) {
    return all(transport, request, PAGE);
  }

  static List<JsonNode> all(AdminTransport transport, AdminRequest request, int page) {
    List<JsonNode> items = new ArrayList<>();
    for (int first = 0; ; first += page) {
      AdminRequest call = request.query("first", first).query("max", page);
      JsonNode body = transport.get(call);
      if (!body.isArray()) {
        throw KeycloakErrors.protocol(call.describe("…"), "expected a JSON array");
      }
      body.forEach(items::add);
      if (body.size() < page) return items;
    }
  }
}
