package io.roleform.cli;

import io.roleform.plan.PlanOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.ParseResult;

/**
 * The plan-shaping options given beside {@code apply --plan FILE}. A saved plan is applied with the
 * options it was made with (they are recorded in it), so an option given with it is never silently
 * ignored: each one given must agree with the recorded value, else the plan is refused (exit 3, as
 * a saved plan that does not match what is asked) before any request. Options not given take the
 * plan's values. The variables are checked the same way by {@link VerifiedPlan}.
 */
final class SavedPlanOptions {
  private SavedPlanOptions() {}

  /**
   * @throws CliException exit 1 for an invalid value (as without {@code --plan}: bad input, whatever
   *     the plan says); exit 3 naming every option given whose value differs from the plan's
   */
  static void check(Path file, ParseResult given, SafetyOptions safety, ExpiryOptions expiry, PlanOptions recorded) {
    expiry.apply(safety.toPlanOptions()); // validates the values given (exit 1), before comparing them
    if (expiry.onlyExpired && !recorded.onlyExpired()) {
      throw new CliException(ExitCodes.STALE, "Refused " + file + ": --only-expired was given, but the"
          + " saved plan was made without it (it may hold any change). Nothing was changed; make it with"
          + " 'plan --only-expired --out FILE'.");
    }
    List<String[]> differ = new ArrayList<>(); // {given, recorded}
    compare(differ, given, "--prune", safety.prune, recorded.prune());
    compare(differ, given, "--min-admins", safety.minAdmins, recorded.minAdmins());
    compare(differ, given, "--max-deletions", safety.maxDeletions, recorded.maxDeletions());
    compare(differ, given, "--max-member-removals", safety.maxMemberRemovals, recorded.maxMemberRemovals());
    compare(differ, given, "--max-member-removal-percent", safety.maxMemberRemovalPercent,
        recorded.maxMemberRemovalPercent());
    compare(differ, given, "--allow-member-removal", safety.allowMemberRemoval, recorded.allowMemberRemoval());
    compare(differ, given, "--prune-users", safety.pruneUsers, recorded.pruneUsers());
    compare(differ, given, "--max-user-removals", safety.maxUserRemovals, recorded.maxUserRemovals());
    compare(differ, given, "--expiring-within", expiry.expiringWithinDays, recorded.expiringWithinDays());
    if (differ.isEmpty()) return;
    List<String> phrases = differ.stream().map(d -> d[0] + " was given, but the plan was made with " + d[1]).toList();
    throw new CliException(ExitCodes.STALE, "Refused " + file + ": " + String.join("; ", phrases)
        + ". A saved plan is applied with the options it was made with, and an option given beside --plan must"
        + " agree with it. Nothing was changed; make the plan again with the options you want"
        + " ('plan CONFIG ... --out FILE'), or leave them out.");
  }

  private static void compare(List<String[]> differ, ParseResult given, String name, Object value, Object recorded) {
    if (!given.hasMatchedOption(name) || Objects.equals(value, recorded)) return;
    differ.add(new String[] {shown(name, value), shown(name, recorded)});
  }

  private static String shown(String name, Object value) {
    if (value instanceof Boolean b) return b ? name : "no " + name;
    if ("--max-user-removals".equals(name) && Integer.valueOf(PlanOptions.DEFAULT_USER_REMOVALS).equals(value)) {
      return name + " at its default (5 or 10% of the users)";
    }
    return name + " " + value;
  }
}
