package io.roleform.render;

import io.roleform.plan.ExpiringAccess;
import io.roleform.policy.PolicyFinding;

/** The words every renderer uses for policy findings and expiring access, so that they agree. */
final class PolicyWords {
  private PolicyWords() {}

  /** {@code refused by policy NAME (FILE:LINE:COL, RULE)} and the like, without the message. */
  static String head(PolicyFinding f) {
    String where = " (" + (f.at().isEmpty() ? "" : f.at() + ", ") + f.rule() + ")";
    return switch (f.status()) {
      case INTRODUCED, WORSENED -> "refused by policy " + f.policy() + where;
      case PRE_EXISTING -> "policy " + f.policy() + where;
      case FIXED -> "policy " + f.policy() + where;
    };
  }

  /** What the plan does to the policy, as a phrase. */
  static String status(PolicyFinding f) {
    return switch (f.status()) {
      case INTRODUCED -> "introduced by this plan";
      case WORSENED -> "made worse by this plan";
      case PRE_EXISTING -> "already broken live, not made worse by this plan (warning)";
      case FIXED -> "fixed by this plan";
    };
  }

  /** The first ten items, then "and N more". */
  static String list(java.util.List<String> items) {
    String head = String.join(", ", items.subList(0, Math.min(10, items.size())));
    return items.size() > 10 ? head + " and " + (items.size() - 10) + " more" : head;
  }

  /** {@code dana@acme.example in "Billing" until 2026-12-01 (6 days left)}. */
  static String expiring(ExpiringAccess e) {
    String left = e.daysLeft() == 0 ? "last day today" : e.daysLeft() == 1 ? "1 day left" : e.daysLeft() + " days left";
    return e.user() + " in " + Text.quote(e.role()) + " until " + e.until() + " (" + left + ")";
  }
}
