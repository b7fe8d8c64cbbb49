package io.roleform.portal.keycloak;

import io.roleform.portal.PortalException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Repeats an HTTP attempt after connection failures and transient answers (429, 502, 503, 504),
 * with exponential backoff and full jitter, honouring {@code Retry-After} (capped). Only used for
 * requests whose repetition is harmless.
 */
final class Retrier {

  /** Waits; replaced in tests. */
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /** One attempt: either a result, or "transient status, try again". */
  interface Attempt<T> {
    Outcome<T> run(int attempt) throws IOException;
  }

  record Outcome<T>(T value, int status, String retryAfter, boolean done) {
    static <T> Outcome<T> done(T value) {
      return new Outcome<>(value, 0, null, true);
    }

    static <T> Outcome<T> retry(int status, String retryAfter) {
      return new Outcome<>(null, status, retryAfter, false);
    }
  }

  static final Retrier DEFAULT = new Retrier(5, Duration.ofMillis(200), Duration.ofSeconds(10), d -> Thread.sleep(d.toMillis()));

  private final int maxAttempts;
  private final Duration base;
  private final Duration cap;
  private final Sleeper sleeper;

  Retrier(int maxAttempts, Duration base, Duration cap, Sleeper sleeper) {
    this.maxAttempts = maxAttempts;
    this.base = base;
    this.cap = cap;
    this.sleeper = sleeper;
  }

  static boolean isTransient(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  /** Runs {@code attempt} until it is done or the attempts run out ({@code UNAVAILABLE}). */
  <T> T run(String call, Attempt<T> attempt) {
    String last = "no attempt";
    for (int n = 1; ; n++) {
      String retryAfter = null;
      try {
        Outcome<T> o = attempt.run(n);
        if (o.done()) return o.value();
        last = "HTTP " + o.status();
        retryAfter = o.retryAfter();
      } catch (IOException e) {
        last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      }
      if (n >= maxAttempts) throw KeycloakErrors.unavailable(call, last + ", " + n + " attempts");
      pause(call, n, retryAfter);
    }
  }

  private void pause(String call, int attempt, String retryAfter) {
    Duration wait = backoff(attempt);
    if (retryAfter != null) {
      try {
        Duration asked = Duration.ofSeconds(Long.parseLong(retryAfter.strip()));
        wait = asked.compareTo(cap) > 0 ? cap : asked;
      } catch (NumberFormatException e) {
        // an HTTP date or garbage: keep the computed backoff
      }
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PortalException(PortalException.Kind.UNAVAILABLE, 0, "Interrupted while waiting to retry " + call + ".");
    }
  }

  private Duration backoff(int attempt) {
    long max = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
    return Duration.ofMillis(max <= 0 ? 0 : ThreadLocalRandom.current().nextLong(max / 2, max + 1));
  }
}
