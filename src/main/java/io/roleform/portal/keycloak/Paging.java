package io.roleform.portal.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a whole Keycloak list ({@code ?first=&max=}). Keycloak returns a plain JSON array and puts
 * no upper bound on {@code max}, so roleform asks for {@value #PAGE} items at once: every list of a
 * realm up to that size (users, a group's members, the managed groups, the catalog) is one request,
 * the fewest the Admin API allows. Only a page that comes back full is followed by another, so
 * larger lists are still read whole.
 */
final class Paging {

  /**
   * The page roleform asks for: larger than the lists of the realms it is measured on (50,000
   * users at the benchmark's L size), so that each is one request.
   */
  static final int PAGE = 100_000;

  private Paging() {}

  /**
   * Every item of the list {@code request} names, in pages of {@code page}: a page shorter than
   * {@code page} is the last one (a list of exactly {@code page} items costs one more, empty, page).
   */
  static List<JsonNode> all(AdminTransport transport, AdminRequest request, int page) {
    if (page < 1) throw new IllegalArgumentException("page < 1");
    List<JsonNode> items = new ArrayList<>();
    for (int first = 0; ; first += page) {
      AdminRequest call = request.query("first", first).query("max", page);
      JsonNode body = transport.get(call);
      if (body == null || !body.isArray()) {
        throw KeycloakErrors.protocol(call.describe("…"), "expected a JSON array");
      }
      body.forEach(items::add);
      if (body.size() < page) return items;
    }
  }
}
