package io.roleform.portal.http;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Retries a call that failed in a way worth retrying, as {@link RetryPolicy} says.
 *
 * <p>Retried: answers 429, 500, 502, 503 and 504, and failures without an answer (connection refused or
 * reset, end of stream, timeouts, a body cut short) — but only for requests that are safe to repeat:
 * GET, HEAD, PUT, PATCH, DELETE, and a POST that carries an {@code Idempotency-Key} (the portal
 * answers its replay with the stored first response, so it never applies twice). The request is
 * repeated byte for byte, so the key is the same on every attempt. ({@link BufferingInterceptor},
 * further in, makes a body cut short fail its attempt rather than surface later.) A 500 is retried
 * too: portals answer it for transient trouble as often as 503, and since only repeatable requests
 * are retried, a 500 after the change committed is answered by the replay, never applied twice.
 *
 * <p>Returns the last answer when attempts run out on a retryable status; throws {@link
 * AttemptsFailedException} when the last attempt had no answer.
 */
final class RetryInterceptor implements Interceptor {

  static final Set<Integer> RETRY_STATUSES = Set.of(429, 500, 502, 503, 504);
  private static final Set<String> REPEATABLE = Set.of("GET", "HEAD", "PUT", "PATCH", "DELETE");

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final AtomicLong sent = new AtomicLong();

  RetryInterceptor(RetryPolicy policy, Sleeper sleeper) {
    this.policy = policy;
    this.sleeper = sleeper;
  }

  /** Requests handed to the network so far, every attempt counted. */
  long sent() {
    return sent.get();
  }

  static boolean isRepeatable(Request request) {
    return REPEATABLE.contains(request.method()) || request.header("Idempotency-Key") != null;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    int max = isRepeatable(request) ? policy.maxAttempts() : 1;
    for (int attempt = 1; ; attempt++) {
      Request tagged = request.newBuilder().tag(Attempt.class, new Attempt(attempt, max)).build();
      Response response;
      try {
        sent.incrementAndGet();
        response = chain.proceed(tagged);
      } catch (IOException e) {
        if (attempt >= max || chain.call().isCanceled()) {
          throw new AttemptsFailedException(attempt, e);
        }
        sleeper.sleep(policy.delayBefore(attempt, null, ThreadLocalRandom.current()));
        continue;
      }
      if (attempt >= max || !RETRY_STATUSES.contains(response.code())) {
        return response;
      }
      Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), Instant.now());
      response.close();
      sleeper.sleep(policy.delayBefore(attempt, retryAfter, ThreadLocalRandom.current()));
    }
  }
}
