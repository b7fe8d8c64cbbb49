package io.roleform.cli;

import io.roleform.plan.PlanOptions;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Expiring access: how far ahead plans list memberships that expire, whether the plan holds only
 * the removals of expired memberships ({@code --only-expired}), and the clock that decides which
 * have expired. The clock is the system's, or — for tests only — the instant in {@code
 * ROLEFORM_NOW} ({@code 2027-01-31T12:00:00Z}, or a date for 00:00 UTC that day).
 */
final class ExpiryOptions {

  /** The environment variable that fixes the clock, for tests. */
  static final String NOW_VARIABLE = "ROLEFORM_NOW";

  @Option(
      names = "--expiring-within",
      paramLabel = "DAYS",
      defaultValue = "14",
      description = "List memberships that expire within DAYS days (default: ${DEFAULT-VALUE}).")
  int expiringWithinDays;

  @Option(
      names = "--only-expired",
      description = "Plan only the removal of expired memberships (members whose until: day has passed):"
          + " no other change, still checked by the safety limits and policies. For nightly jobs.")
  boolean onlyExpired;

  PlanOptions apply(PlanOptions options) {
    if (expiringWithinDays < 0) {
      throw new CliException(ExitCodes.ERROR, "--expiring-within must be 0 or more days.");
    }
    return options.withExpiringWithinDays(expiringWithinDays).withOnlyExpired(onlyExpired);
  }

  /** The system clock (UTC), or the fixed instant of {@code ROLEFORM_NOW}. */
  static Clock clock(Map<String, String> env) {
    String now = env.get(NOW_VARIABLE);
    if (now == null || now.isBlank()) return Clock.systemUTC();
    try {
      Instant instant = now.strip().length() == 10
          ? LocalDate.parse(now.strip()).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(now.strip());
      return Clock.fixed(instant, ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw new CliException(ExitCodes.ERROR, NOW_VARIABLE + " is not an instant such as 2027-01-31T12:00:00Z"
          + " or a date such as 2027-01-31: '" + now + "'. It is meant for tests only; unset it.");
    }
  }
}
