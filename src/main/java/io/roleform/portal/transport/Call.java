package io.roleform.portal.transport;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * One logical request: what to send, whether it may be repeated after a failure, and which
 * statuses other than 2xx the caller handles itself.
 *
 * <p>Repeatable ({@link RetryPolicy}): GET, HEAD, PUT, PATCH and DELETE by default; a POST only when
 * the portal kind says a repeat cannot apply twice ({@link #repeatable(boolean)}: an {@code
 * Idempotency-Key} the portal honours, or a write that is idempotent by nature).
 *
 * @param method the HTTP method
 * @param url where to send it
 * @param headers extra headers (never the credentials: the transport adds those)
 * @param body the body, or {@code null}
 * @param contentType the body's media type, or {@code null}
 * @param repeatable whether it is retried after a failure worth retrying
 * @param accepted non-2xx statuses answered to the caller instead of failing
 */
public record Call(
    String method,
    Url url,
    Map<String, String> headers,
    byte[] body,
    String contentType,
    boolean repeatable,
    Set<Integer> accepted) {

  private static final Set<String> REPEATABLE_METHODS = Set.of("GET", "HEAD", "PUT", "PATCH", "DELETE");

  public Call {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(url, "url == null");
    headers = Map.copyOf(headers);
    accepted = Set.copyOf(accepted);
  }

  public static Call get(Url url) {
    return of("GET", url, null, null);
  }

  /** A call with a JSON body (or none when {@code json} is {@code null}). */
  public static Call json(String method, Url url, byte[] json) {
    return of(method, url, json, json == null ? null : "application/json");
  }

  /** A form POST ({@code application/x-www-form-urlencoded}). */
  public static Call form(Url url, Map<String, String> fields) {
    StringJoiner body = new StringJoiner("&");
    fields.forEach((k, v) -> body.add(encode(k) + "=" + encode(v)));
    return of("POST", url, body.toString().getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
  }

  private static Call of(String method, Url url, byte[] body, String contentType) {
    return new Call(method, url, Map.of(), body, contentType, REPEATABLE_METHODS.contains(method), Set.of());
  }

  /** This call with one more header. */
  public Call header(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Call(method, url, more, body, contentType, repeatable, accepted);
  }

  /** This call, declared repeatable or not (see the class documentation). */
  public Call repeatable(boolean repeat) {
    return new Call(method, url, headers, body, contentType, repeat, accepted);
  }

  /** This call, answering these statuses to the caller rather than failing. */
  public Call accepting(Integer... statuses) {
    return new Call(method, url, headers, body, contentType, repeatable, Set.of(statuses));
  }

  /** {@code METHOD /path?query}, for messages and logs. */
  public String describe() {
    return method + " " + url.target();
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Shows no body (it may hold a secret, such as a client secret in a form). */
  @Override
  public String toString() {
    return "Call[" + describe() + "]";
  }
}
