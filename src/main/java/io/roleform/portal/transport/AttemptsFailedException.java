package io.roleform.portal.transport;

import java.io.IOException;

/** The last attempt of a call failed without a response; carries how many attempts were made. */
final class AttemptsFailedException extends IOException {

  private static final long serialVersionUID = 1L;

  private final int attempts;

  AttemptsFailedException(int attempts, IOException last) {
    super(last.getMessage(), last);
    this.attempts = attempts;
  }

  int attempts() {
    return attempts;
  }

  /** The failure of the last attempt. */
  IOException last() {
    return (IOException) getCause();
  }
}
