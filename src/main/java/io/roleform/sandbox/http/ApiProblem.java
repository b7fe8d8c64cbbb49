package io.roleform.sandbox.http;

import java.util.Map;

/**
 * A request that cannot be served, answered as RFC 9457 problem details. Thrown anywhere in a
 * handler; inside a write it rolls the transaction back. Messages never contain a token.
 */
final class ApiProblem extends RuntimeException {
  final int status;
  final String slug;
  final String title;
  final String field;
  final Map<String, String> headers;

  private ApiProblem(
      int status, String slug, String title, String detail, String field, Map<String, String> headers) {
    super(detail, null, false, false);
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.field = field;
    this.headers = Map.copyOf(headers);
  }

  String detail() {
    return getMessage();
  }

  static ApiProblem badRequest(String field, String detail) {
    return new ApiProblem(400, "bad-request", "Bad request", detail, field, Map.of());
  }

  static ApiProblem unauthorized() {
    return new ApiProblem(
        401,
        "unauthorized",
        "Unauthorized",
        "A valid bearer token is required (header Authorization: Bearer <token>); the one sent is"
            + " missing or unknown.",
        null,
        Map.of("WWW-Authenticate", "Bearer"));
  }

  static ApiProblem forbidden(String detail) {
    return new ApiProblem(403, "forbidden", "Forbidden", detail, null, Map.of());
  }

  static ApiProblem notFound(String detail) {
    return new ApiProblem(404, "not-found", "Not found", detail, null, Map.of());
  }

  static ApiProblem methodNotAllowed(String allow) {
    return new ApiProblem(
        405,
        "method-not-allowed",
        "Method not allowed",
        "This path accepts " + allow + ".",
        null,
        Map.of("Allow", allow));
  }

  static ApiProblem idempotencyConflict() {
    return new ApiProblem(
        409,
        "idempotency-key-reuse",
        "Idempotency key reused",
        "This Idempotency-Key was already used for a different request (method, path or body);"
            + " use a new key for a new request.",
        null,
        Map.of());
  }

  /** 409: the resource is not in a state that allows the request (e.g. a user not disabled yet). */
  static ApiProblem conflict(String slug, String detail) {
    return new ApiProblem(409, slug, "Conflict", detail, null, Map.of());
  }

  static ApiProblem preconditionFailed(String detail) {
    return new ApiProblem(412, "precondition-failed", "Precondition failed", detail, null, Map.of());
  }

  static ApiProblem invariant(String field, String detail) {
    return new ApiProblem(422, "invariant-violated", "Invariant violated", detail, field, Map.of());
  }

  static ApiProblem tooManyRequests(String detail) {
    return new ApiProblem(
        429, "too-many-requests", "Too many requests", detail, null, Map.of("Retry-After", "1"));
  }

  static ApiProblem serverError(int status, String detail) {
    String title = switch (status) {
      case 502 -> "Bad gateway";
      case 503 -> "Service unavailable";
      default -> "Internal server error";
    };
    return new ApiProblem(status, "server-error", title, detail, null, Map.of());
  }
}
