package io.roleform.portal.transport;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * How hard the transport retries a call that failed in a way worth retrying ({@link
 * #RETRIED_STATUSES}, connection failures), for every portal kind alike: at most {@code maxAttempts} attempts in all, waiting between them an
 * exponential backoff with full jitter — a random delay in {@code [0, min(maxBackoff,
 * initialBackoff * 2^(retry-1))]} — unless the portal said how long to wait with {@code
 * Retry-After}, which is honoured up to {@code maxRetryAfter}.
 *
 * @param maxAttempts attempts per logical call, including the first; at least 1
 * @param initialBackoff the upper bound of the first random wait
 * @param maxBackoff the largest upper bound any wait grows to
 * @param maxRetryAfter the longest {@code Retry-After} the client waits for; longer requests are
 *     cut down to this
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

  /**
   * The statuses retried (for repeatable calls only, see {@link Call}): 429 and the transient
   * server errors 500, 502, 503, 504. A 500 is retried too: portals answer it for transient trouble
   * as often as 503, and since only repeatable calls are retried, a 500 after the change committed
   * is answered by the replay (or finds its own earlier write), never applied twice.
   */
  public static final Set<Integer> RETRIED_STATUSES = Set.of(429, 500, 502, 503, 504);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    requireNonNegative(initialBackoff, "initialBackoff");
    requireNonNegative(maxBackoff, "maxBackoff");
    requireNonNegative(maxRetryAfter, "maxRetryAfter");
  }

  /** 6 attempts, backoff from 200 ms growing to at most 5 s, {@code Retry-After} up to 30 s. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(6, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));
  }

  /** The defaults, with at most {@code maxRetries} retries ({@code --max-retries}). */
  public static RetryPolicy withMaxRetries(int maxRetries) {
    RetryPolicy d = defaults();
    return new RetryPolicy(maxRetries + 1, d.initialBackoff(), d.maxBackoff(), d.maxRetryAfter());
  }

  /** A policy that never retries. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }

  /**
   * The wait before retry number {@code retry} (1 for the wait after the first attempt).
   *
   * @param retryAfter what the portal asked for, or {@code null}
   */
  public Duration delayBefore(int retry, Duration retryAfter, RandomGenerator random) {
    if (retryAfter != null) {
      return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
    }
    long initial = initialBackoff.toMillis();
    long cap = maxBackoff.toMillis();
    int shift = Math.min(retry - 1, 30);
    long ceiling = initial > (cap >> shift) ? cap : Math.min(cap, initial << shift);
    return ceiling <= 0 ? Duration.ZERO : Duration.ofMillis(random.nextLong(ceiling + 1));
  }

  /** The longest time all attempts of one call may take, waits included, at {@code timeout} each. */
  public Duration worstCase(Duration timeout) {
    Duration longestWait = maxBackoff.compareTo(maxRetryAfter) > 0 ? maxBackoff : maxRetryAfter;
    return timeout.multipliedBy(maxAttempts).plus(longestWait.multipliedBy(maxAttempts - 1L));
  }

  private static void requireNonNegative(Duration d, String name) {
    Objects.requireNonNull(d, name + " == null");
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + d);
    }
  }
}
