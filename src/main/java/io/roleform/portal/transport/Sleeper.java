package io.roleform.portal.transport;

import java.io.InterruptedIOException;
import java.time.Duration;

/** Waits between attempts. Tests substitute one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

  void sleep(Duration duration) throws InterruptedIOException;

  /** Sleeps the calling thread; an interrupt ends the wait and the call. */
  Sleeper REAL =
      duration -> {
        try {
          Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while waiting to retry");
        }
      };
}
