package io.roleform.portal.http;

/**
 * One answer to a logical call, its body read in full.
 *
 * @param request what was asked, for messages: method and path, e.g. {@code GET /api/v1/roles}
 * @param status the HTTP status
 * @param reason the HTTP reason phrase (may be empty, e.g. on HTTP/2)
 * @param contentType the {@code Content-Type} header, or {@code null}
 * @param stateVersion the {@code State-Version} header, or {@code null}
 * @param location the {@code Location} header, or {@code null}
 * @param body the body bytes (empty when there was none)
 * @param attempts how many attempts the call took
 */
record Reply(
    String request,
    int status,
    String reason,
    String contentType,
    String stateVersion,
    String location,
    byte[] body,
    int attempts) {

  static Reply of(io.roleform.portal.transport.Answer a) {
    return new Reply(a.call(), a.status(), a.reason(), a.header("Content-Type"), a.header("State-Version"),
        a.header("Location"), a.body(), a.attempts());
  }

  boolean isSuccess() {
    return status >= 200 && status < 300;
  }
}
