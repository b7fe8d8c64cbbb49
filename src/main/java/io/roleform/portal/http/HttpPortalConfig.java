package io.roleform.portal.http;

import io.roleform.portal.transport.RetryPolicy;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where the portal is and how to talk to it.
 *
 * <p>Guarantees, checked on construction: the URL is an absolute {@code https://} URL, or
 * {@code http://} to a loopback host ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}), or
 * {@code http://} anywhere only with {@code insecureHttp} — because the bearer token would
 * otherwise cross the network in clear. {@link #toString()} never shows the token.
 *
 * @param portalUrl the portal's base URL, without {@code /api/v1} (a path prefix is kept)
 * @param token the bearer token; never printed, logged or put in an exception message
 * @param insecureHttp allow {@code http://} to a host that is not loopback ({@code --insecure-http})
 * @param timeout the connect, read and write timeout of each attempt
 * @param retry how failed requests are retried
 * @param verboseLog receives one line per request sent ({@code --verbose}), or {@code null}
 */
public record HttpPortalConfig(
    URI portalUrl,
    String token,
    boolean insecureHttp,
    Duration timeout,
    RetryPolicy retry,
    Consumer<String> verboseLog) {

  public HttpPortalConfig {
    Objects.requireNonNull(portalUrl, "portalUrl == null");
    Objects.requireNonNull(token, "token == null");
    Objects.requireNonNull(timeout, "timeout == null");
    Objects.requireNonNull(retry, "retry == null");
    checkUrl(portalUrl, insecureHttp);
    checkToken(token);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("The portal timeout must be positive, was " + timeout + ".");
    }
  }

  /** True for {@code localhost}, {@code 127.0.0.0/8} and {@code ::1}; never resolves names. */
  public static boolean isLoopback(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.equals("localhost.")) {
      return true;
    }
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    } else if (!h.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return false; // a name other than localhost: never trusted, never resolved
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress(); // a literal: no DNS lookup
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static void checkUrl(URI url, boolean insecureHttp) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new IllegalArgumentException(
          "The portal URL `" + url + "` is not an absolute http(s) URL with a host;"
              + " give the portal's base address, such as https://portal.example.com.");
    }
    if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "The portal URL must be a plain base address without user info, query or fragment;"
              + " pass the token through ROLEFORM_TOKEN or --token-file, never in the URL.");
    }
    if (scheme.equals("http") && !insecureHttp && !isLoopback(url.getHost())) {
      throw new IllegalArgumentException(
          "Refusing to connect to " + url + " over plain http://: the API token would cross the"
              + " network in clear, where anyone on the path can read and reuse it. Use an"
              + " https:// URL; plain http:// is accepted only for loopback hosts (localhost,"
              + " 127.0.0.1, ::1) such as the local sandbox. If you really mean it (a trusted"
              + " network, a TLS-terminating sidecar), pass --insecure-http.");
    }
  }

  private static void checkToken(String token) {
    if (token.isBlank()) {
      throw new IllegalArgumentException(
          "The API token is empty; set ROLEFORM_TOKEN or pass --token-file with the portal token.");
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        throw new IllegalArgumentException(
            "The API token contains whitespace or a character that cannot be sent in an HTTP"
                + " header (at position " + (i + 1) + "); check ROLEFORM_TOKEN or the token file"
                + " for stray spaces or line breaks.");
      }
    }
  }

  /** Shows everything but the token. */
  @Override
  public String toString() {
    return "HttpPortalConfig[portalUrl=" + portalUrl + ", token=[redacted], insecureHttp=" + insecureHttp
        + ", timeout=" + timeout + ", retry=" + retry + ", verboseLog=" + (verboseLog == null ? "off" : "on")
        + "]";
  }
}
