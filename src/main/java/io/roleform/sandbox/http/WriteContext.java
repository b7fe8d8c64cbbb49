package io.roleform.sandbox.http;

import io.roleform.sandbox.store.PortalRow;
import java.sql.Connection;
import java.util.Set;

/**
 * What a write handler works with: the request, the write transaction's connection and the portal
 * as it is at the start of the transaction.
 */
record WriteContext(ApiRequest request, Connection c, PortalRow portal) {

  /** The body, parsed strictly (call after the precondition checks: 412 comes before 400). */
  Body body(Set<String> allowed) {
    return Body.parse(request.body(), allowed);
  }

  /**
   * 412 unless {@code If-Match} is absent, {@code *}, or equal to {@code version} (quotes and a
   * {@code W/} prefix ignored).
   */
  void checkIfMatch(String what, long version) {
    String header = request.header("if-match");
    if (header == null) {
      return;
    }
    for (String candidate : header.split(",")) {
      String v = candidate.trim();
      if (v.startsWith("W/")) {
        v = v.substring(2);
      }
      v = v.replace("\"", "").trim();
      if (v.equals("*") || v.equals(Long.toString(version))) {
        return;
      }
    }
    throw ApiProblem.preconditionFailed(
        "If-Match " + header + " does not match the current version \"" + version + "\" of " + what
            + "; read it again and retry.");
  }
}
