package io.roleform.portal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.roleform.portal.PortalException;
import io.roleform.portal.PortalException.Kind;
import io.roleform.portal.transport.Answer;
import io.roleform.portal.transport.MessageTable;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Portal API v1's message table: for each failure the transport's mapper classifies, one paragraph
 * a user acts on — what was asked (method and path), what the portal said (its problem detail),
 * and what to check; and the {@code PROTOCOL} failures of answers that are not Portal API v1. No message ever contains the token: it is never given to this class except to
 * be blanked out of bodies the portal echoes.
 */
final class Failures implements MessageTable {

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

  @Override
  public String said(Answer answer) {
    Reply reply = Reply.of(answer);
    return ProblemDetail.of(reply, json).map(ProblemDetail::summary).filter(s -> !s.isEmpty())
        .orElseGet(() -> "the answer was not a problem detail but " + describeBody(reply));
  }

  @Override
  public String refused(Kind kind, Answer answer, String said) {
    Reply reply = Reply.of(answer);
    int status = reply.status();
    String head = reply.request() + " was refused with " + status + " " + reason(reply) + ": " + said + ".";
    return switch (kind) {
      case UNAUTHORIZED -> head
          + " The portal did not accept the API token: check that ROLEFORM_TOKEN (or the file given"
          + " with --token-file) holds a current token issued by this portal, and that --portal"
          + " points at that portal.";
      case FORBIDDEN -> head
          + " The token is valid but may not do this: changes need a token with the `write` scope"
          + " whose user holds the portal's role-management permission"
          + (roleManagementPermission == null ? "" : " (`" + roleManagementPermission + "`)")
          + " through one of their roles. Check the token's scope and that user's roles.";
      case NOT_FOUND -> head
          + " The role or user may have been deleted since the portal was read (run plan again),"
          + " or --portal is not the portal's base address.";
      case CONFLICT -> head + " The portal saw a conflicting request; run plan again.";
      case PRECONDITION_FAILED -> head
          + " The portal or the role changed since it was read (another writer?); run plan again.";
      case INVALID -> head + " The portal refused the change as invalid; nothing of this request was applied.";
      case UNAVAILABLE -> reply.request() + " failed after " + attempts(reply.attempts()) + ": the portal answered "
          + status + " " + reason(reply) + " (" + said + "). It is overloaded or unavailable; try again later — a"
          + " re-run picks up where this one stopped.";
      case PROTOCOL -> status >= 300 && status < 400
          ? reply.request() + " was answered with a redirect (" + status + ")"
              + (reply.location() == null ? "" : " to " + reply.location())
              + ". roleform does not follow redirects, so that the token never goes to another address;"
              + " set --portal to the portal's actual base address."
          : head + " roleform and this portal disagree about Portal API v1 — check that --portal is a"
              + " Portal API v1 portal; if it is, this is a bug worth reporting.";
    };
  }

  @Override
  public String noAnswer(String call, int attempts, String why) {
    return call + " failed after " + attempts(attempts) + ": " + why + ". Check --portal and that the portal is"
        + " reachable; it may be down or overloaded. A re-run picks up where this one stopped.";
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
