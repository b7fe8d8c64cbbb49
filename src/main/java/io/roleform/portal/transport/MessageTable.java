package io.roleform.portal.transport;

import io.roleform.portal.PortalException;

/**
 * A portal kind's words for failures: the transport's {@link FailureMapper} decides the {@link
 * PortalException.Kind} (the same for every kind), the table says it in the portal's own terms, in
 * one paragraph that a user can act on and that never holds a credential.
 */
public interface MessageTable {

  /**
   * The portal's own words about a failed answer (a problem detail, an {@code errorMessage} ...),
   * or a short description of the body; never a credential.
   */
  String said(Answer answer);

  /** The message for an answer that failed for good as {@code kind}. */
  String refused(PortalException.Kind kind, Answer answer, String said);

  /** The message for a call that got no answer in {@code attempts} attempts ({@code why}: what happened). */
  String noAnswer(String call, int attempts, String why);
}
