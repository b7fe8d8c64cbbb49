package io.roleform.plan;

import java.util.Objects;

/**
 * A membership the config lets expire soon: written {@code {email, until}} with {@code until}
 * within the plan's {@code expiringWithinDays}. On the day after {@code until} a plan removes it.
 *
 * @param role the role's name
 * @param user the member's email
 * @param until the last day of access (UTC), {@code YYYY-MM-DD}
 * @param daysLeft days from the plan's day to {@code until}: 0 means today is the last day
 */
public record ExpiringAccess(String role, String user, String until, long daysLeft) {

  public ExpiringAccess {
    Objects.requireNonNull(role, "role == null");
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(until, "until == null");
  }
}
