package io.roleform.sandbox.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Reading requests from and writing responses to the JDK server's exchanges. */
final class Exchanges {
  private Exchanges() {}

  /**
   * The body, read only up to {@code max} bytes: a declared {@code Content-Length} over it is
   * refused before anything is read, and a body that turns out longer (chunked) as soon as it
   * passes the limit.
   */
  static byte[] readBody(InputStream in, String contentLength, int max) throws IOException {
    if (contentLength != null) {
      long declared;
      try {
        declared = Long.parseLong(contentLength.strip());
      } catch (NumberFormatException e) {
        throw ApiProblem.badRequest(null, "The Content-Length header is not a number.");
      }
      if (declared > max) throw tooLarge(max);
    }
    byte[] body = in.readNBytes(max + 1);
    if (body.length > max) throw tooLarge(max);
    return body;
  }

  private static ApiProblem tooLarge(int max) {
    return ApiProblem.badRequest(null, "The request body is larger than " + max + " bytes.");
  }

  static Map<String, String> headers(Headers h) {
    Map<String, String> out = new HashMap<>();
    h.forEach((k, v) -> {
      if (!v.isEmpty()) {
        out.put(k.toLowerCase(Locale.ROOT), v.get(0));
      }
    });
    return out;
  }

  static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String part : raw.split("&")) {
      int eq = part.indexOf('=');
      try {
        String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
        out.putIfAbsent(k, v);
      } catch (IllegalArgumentException e) {
        throw ApiProblem.badRequest(null, "The query string is not validly percent-encoded.");
      }
    }
    return out;
  }

  static int send(HttpExchange ex, ApiResponse r, long stateVersion) throws IOException {
    Headers h = ex.getResponseHeaders();
    r.headers().forEach(h::set);
    if (!h.containsKey("State-Version")) {
      h.set("State-Version", Long.toString(stateVersion));
    }
    if (r.body() == null) {
      ex.sendResponseHeaders(r.status(), -1);
    } else {
      ex.sendResponseHeaders(r.status(), r.body().length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(r.body());
      }
    }
    return r.status();
  }

  /** Drops the connection without any response: closing an exchange before its headers are sent
   * makes the JDK server close the socket. */
  static int reset(HttpExchange ex) {
    ex.close();
    return -1;
  }
}
