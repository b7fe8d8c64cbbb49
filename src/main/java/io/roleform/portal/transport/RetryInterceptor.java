package io.roleform.portal.transport;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Retries a call that failed in a way worth retrying, as {@link RetryPolicy} says.
 *
 * <p>Retried: the statuses of {@link RetryPolicy#RETRIED_STATUSES}, and failures without an answer
 * (connection refused or reset, end of stream, timeouts, a body cut short) — but only for {@link
 * Call#repeatable() repeatable} calls. The request is repeated byte for byte, so an {@code
 * Idempotency-Key} is the same on every attempt. ({@link BufferingInterceptor}, further in, makes a
 * body cut short fail its attempt rather than surface later.)
 *
 * <p>Returns the last answer when attempts run out on a retryable status; throws {@link
 * AttemptsFailedException} when the last attempt had no answer.
 */
final class RetryInterceptor implements Interceptor {


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
    Call call = request.tag(Call.class);
    return call != null && call.repeatable();
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
      if (attempt >= max || !RetryPolicy.RETRIED_STATUSES.contains(response.code())) {
        return response;
      }
      Duration retryAfter = RetryAfter.parse(HeldRetryAfter.of(response), Instant.now());
      response.close();
      sleeper.sleep(policy.delayBefore(attempt, retryAfter, ThreadLocalRandom.current()));
    }
  }
}
