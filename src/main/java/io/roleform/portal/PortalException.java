package io.roleform.portal;

/**
 * A portal call that failed for good (after any retries). The message is one paragraph that a user
 * can act on and never contains a token.
 */
public final class PortalException extends RuntimeException {

  /** Why the call failed, so that callers can map it to an exit code or a next step. */
  public enum Kind {
    /** The portal did not accept the credentials (missing, unknown or expired). */
    UNAUTHORIZED,
    /** The credentials are valid but may not do this. */
    FORBIDDEN,
    /** The role, user or portal addressed does not exist (any more). */
    NOT_FOUND,
    /** The portal refused the change as clashing with what it has (a name taken ...). */
    CONFLICT,
    /** The role or the portal changed since it was read: another writer; plan again. */
    PRECONDITION_FAILED,
    /** The portal refused the change as invalid; nothing of it was applied. */
    INVALID,
    /** The portal was unreachable, overloaded or failing for longer than the retries lasted. */
    UNAVAILABLE,
    /** The portal answered something its portal kind never answers (garbage, wrong shape, redirect). */
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

  /** The status the portal answered (an HTTP status for HTTP portals), or 0 when it did not answer. */
  public int status() {
    return status;
  }
}
