package io.roleform.portal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy =
      new RetryPolicy(6, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));

  @Property
  void backoffIsFullJitterUnderAnExponentialCeiling(
      @ForAll @IntRange(min = 1, max = 60) int retry, @ForAll long seed) {
    long ceiling = Math.min(5000, 200L << Math.min(retry - 1, 30));
    Duration wait = policy.delayBefore(retry, null, new SplittableRandom(seed));
    assertThat(wait.toMillis()).isBetween(0L, ceiling);
  }

  @Test
  void jitterSpreadsTheWaitsOverTheWholeRange() {
    SplittableRandom random = new SplittableRandom(1);
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 1000; i++) {
      long ms = policy.delayBefore(3, null, random).toMillis();
      min = Math.min(min, ms);
      max = Math.max(max, ms);
    }
    assertThat(min).isLessThan(100);
    assertThat(max).isGreaterThan(700).isLessThanOrEqualTo(800);
  }

  @Test
  void retryAfterIsHonouredUpToTheCap() {
    assertThat(policy.delayBefore(1, Duration.ofSeconds(7), new SplittableRandom()))
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(policy.delayBefore(1, Duration.ofHours(1), new SplittableRandom()))
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
    Instant now = Instant.parse("2025-01-01T10:00:00Z");
    assertThat(RetryAfter.parse("3", now)).isEqualTo(Duration.ofSeconds(3));
    assertThat(RetryAfter.parse("Wed, 01 Jan 2025 10:00:12 GMT", now)).isEqualTo(Duration.ofSeconds(12));
    assertThat(RetryAfter.parse("Wed, 01 Jan 2025 09:00:00 GMT", now)).isEqualTo(Duration.ZERO);
    assertThat(RetryAfter.parse("soon", now)).isNull();
    assertThat(RetryAfter.parse(null, now)).isNull();
  }
}
