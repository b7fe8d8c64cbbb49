package io.roleform.portal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.roleform.portal.PortalException;
import io.roleform.portal.PortalException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Turns failed calls into {@link PortalException}s: the kind a caller acts on, and one paragraph
 * a user acts on — what was asked (method and path), what the portal said (its problem detail),
 * and what to check. No message ever contains the token: it is never given to this class except to
 * be blanked out of bodies the portal echoes.
 */
final class Failures {

  private static final Map<Integer, String> REASONS =
      Map.ofEntries(
          Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
          Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"),
          Map.entry(412, "Precondition Failed"), Map.entry(422, "Unprocessable Content"),
          Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"),
          Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
          Map.entry(504, "Gateway Timeout"));

  private final ObjectMapper json;
  private final String token;
  private volatile String roleManagementPermission;

  Failures(ObjectMapper json, String token) {
    this.json = json;
    this.token = token;
  }

  /** Named in 403 messages once known (from {@code GET /portal}). */
  void roleManagementPermission(String permission) {
    this.roleManagementPermission = permission;
  }

  /** An answer that is not a success. */
  PortalException fromReply(Reply reply) {
    int status = reply.status();
    String said =
        ProblemDetail.of(reply, json).map(ProblemDetail::summary).filter(s -> !s.isEmpty())
            .orElseGet(() -> "the answer was not a problem detail but " + describeBody(reply));
    String head = reply.request() + " was refused with " + status + " " + reason(reply) + ": " + said + ".";
    return switch (status) {
      case 401 -> new PortalException(Kind.UNAUTHORIZED, status, head
          + " The portal did not accept the API token: check that ROLEFORM_TOKEN (or the file given"
          + " with --token-file) holds a current token issued by this portal, and that --portal"
          + " points at that portal.");
      case 403 -> new PortalException(Kind.FORBIDDEN, status, head
          + " The token is valid but may not do this: changes need a token with the `write` scope"
          + " whose user holds the portal's role-management permission"
          + (roleManagementPermission == null ? "" : " (`" + roleManagementPermission + "`)")
          + " through one of their roles. Check the token's scope and that user's roles.");
      case 404 -> new PortalException(Kind.NOT_FOUND, status, head
          + " The role or user may have been deleted since the portal was read (run plan again),"
          + " or --portal is not the portal's base address.");
      case 409 -> new PortalException(Kind.CONFLICT, status, head
          + " The portal saw a conflicting request; run plan again.");
      case 412 -> new PortalException(Kind.PRECONDITION_FAILED, status, head
          + " The portal or the role changed since it was read (another writer?); run plan again.");
      case 422 -> new PortalException(Kind.INVALID, status, head
          + " The portal refused the change as invalid; nothing of this request was applied.");
      default -> otherStatus(reply, said, head);
    };
  }

  private PortalException otherStatus(Reply reply, String said, String head) {
    int status = reply.status();
    if (status == 429 || status >= 500) {
      return new PortalException(Kind.UNAVAILABLE, status, reply.request() + " failed after "
          + attempts(reply.attempts()) + ": the portal answered " + status + " " + reason(reply)
          + " (" + said + "). It is overloaded or unavailable; try again later — a re-run picks"
          + " up where this one stopped.");
    }
    if (status >= 300 && status < 400) {
      return new PortalException(Kind.PROTOCOL, status, reply.request() + " was answered with a"
          + " redirect (" + status + ")" + (reply.location() == null ? "" : " to " + reply.location())
          + ". roleform does not follow redirects, so that the token never goes to another address;"
          + " set --portal to the portal's actual base address.");
    }
    return new PortalException(Kind.PROTOCOL, status, head
        + " roleform and this portal disagree about Portal API v1 — check that --portal is a"
        + " Portal API v1 portal; if it is, this is a bug worth reporting.");
  }

  /** No answer at all, after {@code attempts} attempts. */
  PortalException noAnswer(String request, int attempts, IOException e) {
    return new PortalException(Kind.UNAVAILABLE, 0, request + " failed after " + attempts(attempts)
        + ": " + describe(e) + ". Check --portal and that the portal is reachable; it may be down"
        + " or overloaded. A re-run picks up where this one stopped.", e);
  }

  /** A success whose body or headers are not what Portal API v1 promises. */
  PortalException protocol(Reply reply, String problem) {
    return new PortalException(Kind.PROTOCOL, reply.status(), reply.request() + " was answered "
        + reply.status() + " but " + problem + ", which is not Portal API v1. Check that --portal is"
        + " the portal's base address (without /api/v1) and not a proxy or web page.");
  }

  /** "an HTML page", "an empty body", or the content type and a short, token-free excerpt. */
  String describeBody(Reply reply) {
    byte[] body = reply.body();
    if (body.length == 0) {
      return "an empty body";
    }
    String type = reply.contentType() == null ? "no content type" : reply.contentType();
    String text = new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8);
    if (type.toLowerCase(Locale.ROOT).contains("html") || text.stripLeading().startsWith("<")) {
      return "an HTML page";
    }
    String excerpt = text.replace(token, "[redacted]").replaceAll("\\s+", " ").strip();
    excerpt = excerpt.replaceAll("[^\\x20-\\x7e]", "?");
    if (excerpt.length() > 80) {
      excerpt = excerpt.substring(0, 80) + "…";
    }
    return type + " \"" + excerpt + "\"";
  }

  /** A short, stack-free description of a transport failure. */
  static String describe(IOException e) {
    IOException cause = e instanceof AttemptsFailedException f ? f.last() : e;
    if (cause instanceof SocketTimeoutException) {
      return "timed out waiting for the portal";
    }
    if (cause instanceof InterruptedIOException) {
      return "the call was cut off (" + (cause.getMessage() == null ? "timeout" : cause.getMessage()) + ")";
    }
    if (cause instanceof UnknownHostException) {
      return "unknown host " + cause.getMessage();
    }
    if (cause instanceof ConnectException) {
      return "could not connect (" + cause.getMessage() + ")";
    }
    String message = cause.getMessage();
    String name = cause.getClass().getSimpleName();
    return message == null || message.isBlank() ? name : name + ": " + message;
  }

  private static String attempts(int n) {
    return n == 1 ? "1 attempt" : n + " attempts";
  }

  private static String reason(Reply reply) {
    String known = REASONS.get(reply.status());
    if (known != null) {
      return known;
    }
    return reply.reason() == null ? "" : reply.reason();
  }
}
