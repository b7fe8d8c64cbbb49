package io.roleform.sandbox.http;

import java.util.Map;

/**
 * A routed API request.
 *
 * @param template the route's path template, e.g. {@code /api/v1/roles/{id}}
 * @param params path parameters by name
 * @param query query parameters (first value of each)
 * @param headers request headers by lower-case name (first value of each)
 * @param body the raw body (empty when none)
 * @param caller the authenticated caller
 */
record ApiRequest(
    String method,
    String path,
    String rawQuery,
    String template,
    Map<String, String> params,
    Map<String, String> query,
    Map<String, String> headers,
    byte[] body,
    Caller caller) {

  String param(String name) {
    return params.get(name);
  }

  String header(String lowerCaseName) {
    return headers.get(lowerCaseName);
  }
}
