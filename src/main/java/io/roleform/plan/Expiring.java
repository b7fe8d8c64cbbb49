package io.roleform.plan;

import io.roleform.config.DesiredRole;
import io.roleform.config.DesiredState;
import io.roleform.diff.Expiry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Lists the memberships of a config that end within a number of days (not those already ended). */
final class Expiring {
  private Expiring() {}

  static final Comparator<ExpiringAccess> ORDER = Comparator.comparing(ExpiringAccess::until)
      .thenComparing(ExpiringAccess::role).thenComparing(ExpiringAccess::user);

  static List<ExpiringAccess> within(DesiredState desired, Instant now, int days) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    List<ExpiringAccess> out = new ArrayList<>();
    for (DesiredRole r : desired.roles()) {
      if (r.until().isEmpty() || r.members() == null) continue;
      for (String email : r.members()) {
        LocalDate until = r.untilOf(email);
        if (until == null || Expiry.expired(until, now)) continue;
        long left = ChronoUnit.DAYS.between(today, until);
        if (left <= days) out.add(new ExpiringAccess(r.name(), email, until.toString(), left));
      }
    }
    out.sort(ORDER);
    return out;
  }
}
