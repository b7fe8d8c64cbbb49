package io.roleform.sandbox.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Finds the route of a request. Literal templates win over parameterised ones when listed first
 * (e.g. {@code /roles/order} before {@code /roles/{id}}). Unknown path → 404; known path, other
 * method → 405 with {@code Allow}.
 */
final class Router {
  /** A matched route and its decoded path parameters. */
  record Match(Route route, Map<String, String> params) {}

  private final List<Route> routes;

  Router(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  List<Route> routes() {
    return routes;
  }

  Match match(String method, String path) {
    Set<String> allowed = new LinkedHashSet<>();
    for (Route r : routes) {
      Matcher m = r.pattern().matcher(path);
      if (!m.matches()) {
        continue;
      }
      // A literal route (PUT /roles/order) shadows the parameterised ones ({id}) for its path.
      if (!r.paramNames().isEmpty() && literalMatch(path)) {
        continue;
      }
      if (!r.method().equals(method)) {
        allowed.add(r.method());
        continue;
      }
      Map<String, String> params = new HashMap<>();
      for (int i = 0; i < r.paramNames().size(); i++) {
        try {
          params.put(r.paramNames().get(i), URLDecoder.decode(m.group(i + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          throw ApiProblem.badRequest(null, "The path is not validly percent-encoded.");
        }
      }
      return new Match(r, params);
    }
    if (allowed.isEmpty()) {
      throw ApiProblem.notFound("There is no resource at " + path + ".");
    }
    throw ApiProblem.methodNotAllowed(String.join(", ", allowed));
  }

  private boolean literalMatch(String path) {
    return routes.stream().anyMatch(r -> r.paramNames().isEmpty() && r.pattern().matcher(path).matches());
  }
}
