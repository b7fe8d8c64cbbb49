package io.roleform.sandbox.store;

import java.util.Map;

/**
 * A response kept for an idempotency key.
 *
 * @param fingerprint identifies the request (method, path, query and canonical body)
 * @param headers the response headers as sent (content type included)
 * @param body the response body, or {@code null} for none
 */
public record StoredResponse(String fingerprint, int status, Map<String, String> headers, byte[] body) {
  public StoredResponse {
    headers = Map.copyOf(headers);
  }
}
