package io.roleform.sandbox;

/**
 * Which faults the sandbox injects into {@code /api/v1} requests, and how often.
 *
 * <p>Probabilities are per request and independent of the endpoint; their sum is at most 1. A
 * request gets at most one of: an injected 5xx (500, 502 or 503), a 429 with {@code Retry-After},
 * or a reset (the connection is closed without a response). Latency, when set, is added to every
 * request, uniformly distributed in {@code [latencyMinMs, latencyMaxMs]}.
 *
 * @param serverError probability of an injected 5xx
 * @param tooManyRequests probability of an injected 429
 * @param reset probability of a dropped connection
 * @param latencyMinMs smallest added latency in milliseconds
 * @param latencyMaxMs largest added latency in milliseconds
 */
public record FaultSpec(
    double serverError, double tooManyRequests, double reset, int latencyMinMs, int latencyMaxMs) {

  /** No faults at all. */
  public static final FaultSpec NONE = new FaultSpec(0, 0, 0, 0, 0);

  public FaultSpec {
    checkProbability("5xx", serverError);
    checkProbability("429", tooManyRequests);
    checkProbability("reset", reset);
    if (serverError + tooManyRequests + reset > 1.0 + 1e-9) {
      throw new IllegalArgumentException(
          "fault probabilities add up to more than 1 (5xx + 429 + reset = "
              + (serverError + tooManyRequests + reset)
              + ")");
    }
    if (latencyMinMs < 0 || latencyMaxMs < latencyMinMs || latencyMaxMs > 60_000) {
      throw new IllegalArgumentException(
          "latency must be MIN..MAX milliseconds with 0 <= MIN <= MAX <= 60000, got "
              + latencyMinMs
              + ".."
              + latencyMaxMs);
    }
  }

  /** Whether this spec injects anything at all. */
  public boolean isNone() {
    return serverError == 0 && tooManyRequests == 0 && reset == 0 && latencyMaxMs == 0;
  }

  /**
   * Parses {@code "5xx=0.1,429=0.05,reset=0.05,latency=5..50"}; every key is optional, an empty
   * string means no faults. {@code latency=N} means exactly N ms.
   *
   * @throws IllegalArgumentException naming the part that is wrong
   */
  public static FaultSpec parse(String spec) {
    if (spec == null) {
      throw new IllegalArgumentException("fault spec is missing");
    }
    double serverError = 0, tooMany = 0, reset = 0;
    int min = 0, max = 0;
    for (SpecParts.Part part : SpecParts.of(spec, p -> "fault '" + p + "' has no value; expected KEY=VALUE, e.g. 5xx=0.1")) {
      String key = part.key();
      String value = part.value();
      switch (key) {
        case "5xx" -> serverError = probability(key, value);
        case "429" -> tooMany = probability(key, value);
        case "reset" -> reset = probability(key, value);
        case "latency" -> {
          int dots = value.indexOf("..");
          min = millis(dots < 0 ? value : value.substring(0, dots));
          max = dots < 0 ? min : millis(value.substring(dots + 2));
        }
        default -> throw new IllegalArgumentException(
            "unknown fault '" + key + "'; expected 5xx, 429, reset or latency");
      }
    }
    return new FaultSpec(serverError, tooMany, reset, min, max);
  }

  private static double probability(String key, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "fault " + key + "=" + value + " is not a probability between 0 and 1");
    }
  }

  private static int millis(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "latency '" + value + "' is not a whole number of milliseconds; expected e.g. latency=5..50");
    }
  }

  private static void checkProbability(String key, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(
          "fault " + key + "=" + p + " is not a probability between 0 and 1");
    }
  }
}
