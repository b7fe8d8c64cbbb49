package io.roleform.portal.transport;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One answer to a {@link Call}, its body read in full.
 *
 * @param call what was asked, for messages: {@code METHOD /path}
 * @param status the HTTP status
 * @param reason the reason phrase (may be empty, e.g. on HTTP/2)
 * @param headers the answer's headers, names lower-cased, first value of each
 * @param body the body bytes (empty when there was none)
 * @param attempts how many attempts the call took
 */
public record Answer(String call, int status, String reason, Map<String, String> headers, byte[] body, int attempts) {

  public Answer {
    headers = Map.copyOf(headers);
  }

  /** The header's first value, or {@code null}. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** The body as UTF-8 text. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
