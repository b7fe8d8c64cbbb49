package io.roleform.portal;

/**
 * A portal call that failed for good (after any retries). The message is one paragraph that a user
 * can act on and never contains a token.
 */
public final class PortalException extends RuntimeException {

  /** Why the call failed, so that callers can map it to an exit code or a next step. */
  public enum Kind {
    /** 401: the token is missing, unknown or expired. */
    UNAUTHORIZED,
    /** 403: the token may not do this. */
    FORBIDDEN,
    /** 404. */
    NOT_FOUND,
    /** 409. */
    CONFLICT,
    /** 412: the role or the portal changed since it was read. */
    PRECONDITION_FAILED,
    /** 422: the portal refused the change as invalid. */
    INVALID,
    /** 429/5xx/connection failures that outlasted the retries. */
    UNAVAILABLE,
    /** The portal answered something that is not Portal API v1 (garbage, wrong shape). */
    PROTOCOL
  }

  private static final long serialVersionUID = 1L;

  private final Kind kind;
  private final int status;

  public PortalException(Kind kind, int status, String message) {
    super(message);
    this.kind = kind;
    this.status = status;
  }

  public PortalException(Kind kind, int status, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.status = status;
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status, or 0 when there was no response. */
  public int status() {
    return status;
  }
}
