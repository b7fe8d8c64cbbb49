package io.roleform.diff;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * When access written {@code {email, until: DAY}} ends: at the end of DAY in UTC, that is at
 * 00:00 UTC the day after. On DAY itself the user is still a member.
 */
public final class Expiry {
  private Expiry() {}

  /** How the reason of every expiry removal begins ({@link #reason}). */
  public static final String REASON_PREFIX = "access expired on ";

  /** Whether access that lasts {@code until} the end of that day has ended at {@code now}. */
  public static boolean expired(LocalDate until, Instant now) {
    return !now.isBefore(until.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** The reason of the removal: {@code access expired on 2027-01-31}. */
  public static String reason(LocalDate until) {
    return REASON_PREFIX + until;
  }
}
