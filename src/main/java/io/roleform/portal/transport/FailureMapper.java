package io.roleform.portal.transport;

import io.roleform.portal.PortalException;
import io.roleform.portal.PortalException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/**
 * The one mapping from transport failures to {@link PortalException}s, for every portal kind:
 *
 * <pre>
 *   401 UNAUTHORIZED   403 FORBIDDEN   404 NOT_FOUND   409 CONFLICT   412 PRECONDITION_FAILED
 *   400, 422 INVALID   429, 5xx UNAVAILABLE (after the retries)   no answer UNAVAILABLE
 *   anything else (3xx, other 4xx) PROTOCOL
 * </pre>
 *
 * The words come from the portal kind's {@link MessageTable}.
 */
public final class FailureMapper {

  private FailureMapper() {}

  /** The kind of failure an answer with this status is. */
  public static Kind kindOf(int status) {
    return switch (status) {
      case 401 -> Kind.UNAUTHORIZED;
      case 403 -> Kind.FORBIDDEN;
      case 404 -> Kind.NOT_FOUND;
      case 409 -> Kind.CONFLICT;
      case 412 -> Kind.PRECONDITION_FAILED;
      case 400, 422 -> Kind.INVALID;
      default -> status == 429 || status >= 500 ? Kind.UNAVAILABLE : Kind.PROTOCOL;
    };
  }

  /** A failed answer. */
  static PortalException fromAnswer(Answer answer, MessageTable table) {
    Kind kind = kindOf(answer.status());
    return new PortalException(kind, answer.status(), table.refused(kind, answer, table.said(answer)));
  }

  /** No answer at all, after {@code attempts} attempts. */
  static PortalException noAnswer(String call, int attempts, IOException e, MessageTable table) {
    return new PortalException(Kind.UNAVAILABLE, 0, table.noAnswer(call, attempts, describe(e)), e);
  }

  /** A short, stack-free description of a transport failure. */
  public static String describe(IOException e) {
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
}
