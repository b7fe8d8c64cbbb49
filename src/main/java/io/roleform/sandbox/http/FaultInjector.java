package io.roleform.sandbox.http;

import io.roleform.sandbox.FaultSpec;
import java.util.Random;

/**
 * Decides, per API request, which fault to inject. Deterministic for a seed and a request order:
 * every decision draws the same number of random values.
 */
final class FaultInjector {
  enum Kind {
    NONE,
    TOO_MANY_REQUESTS,
    ERROR_BEFORE,
    ERROR_AFTER,
    RESET_BEFORE,
    RESET_AFTER
  }

  /**
   * One request's faults.
   *
   * @param status the injected 5xx status (500, 502 or 503) for the ERROR kinds
   * @param latencyMs added latency
   */
  record Decision(Kind kind, int status, int latencyMs) {}

  private static final int[] STATUSES = {500, 502, 503};
  private static final Decision NONE = new Decision(Kind.NONE, 0, 0);

  private final FaultSpec spec;
  private final Random random;

  FaultInjector(FaultSpec spec, long seed) {
    this.spec = spec == null ? FaultSpec.NONE : spec;
    this.random = new Random(seed);
  }

  /**
   * The faults of the next request. For writes, half of the injected 5xx and resets happen AFTER
   * the write committed (the change happened; the client sees an error).
   */
  synchronized Decision decide(boolean write) {
    if (spec.isNone()) {
      return NONE;
    }
    double x = random.nextDouble();
    boolean after = random.nextBoolean();
    int status = STATUSES[random.nextInt(STATUSES.length)];
    int span = spec.latencyMaxMs() - spec.latencyMinMs();
    int latency = spec.latencyMinMs() + (span > 0 ? random.nextInt(span + 1) : 0);
    after = after && write;
    Kind kind;
    if (x < spec.serverError()) {
      kind = after ? Kind.ERROR_AFTER : Kind.ERROR_BEFORE;
    } else if (x < spec.serverError() + spec.tooManyRequests()) {
      kind = Kind.TOO_MANY_REQUESTS;
    } else if (x < spec.serverError() + spec.tooManyRequests() + spec.reset()) {
      kind = after ? Kind.RESET_AFTER : Kind.RESET_BEFORE;
    } else {
      kind = Kind.NONE;
    }
    return new Decision(kind, status, latency);
  }
}
