package io.roleform.cli;

import io.roleform.plan.PlanOptions;
import picocli.CommandLine.Option;

/** The safety limits and pruning switch, shared by plan and apply. */
final class SafetyOptions {

  @Option(names = "--prune", description = "Delete live roles the config does not name (subject to the limits).")
  boolean prune;

  @Option(
      names = "--min-admins",
      paramLabel = "N",
      defaultValue = "1",
      description = "Refuse to leave the admin role with fewer members (default: ${DEFAULT-VALUE}).")
  int minAdmins;

  @Option(
      names = "--max-deletions",
      paramLabel = "N",
      defaultValue = "3",
      description = "Refuse to delete more roles than this in one run (default: ${DEFAULT-VALUE}).")
  int maxDeletions;

  @Option(
      names = "--max-member-removals",
      paramLabel = "N",
      defaultValue = "50",
      description = "Refuse to remove more memberships than this in one run (default: ${DEFAULT-VALUE}).")
  int maxMemberRemovals;

  @Option(
      names = "--max-member-removal-percent",
      paramLabel = "P",
      defaultValue = "25",
      description = "Refuse to remove more than P%% of any one role's members (default: ${DEFAULT-VALUE}).")
  int maxMemberRemovalPercent;

  @Option(
      names = "--allow-member-removal",
      description = "Allow deleting a role that has members without moveMembersTo (its members lose it).")
  boolean allowMemberRemoval;

  @Option(names = "--prune-users",
      description = "Delete live users the config does not list in users: (subject to --max-user-removals).")
  boolean pruneUsers;

  @Option(
      names = "--max-user-removals",
      paramLabel = "N",
      description = "Refuse to disable or delete more users than this in one run"
          + " (default: 5 or 10%% of the users, whichever is larger).")
  Integer maxUserRemovals;

  PlanOptions toPlanOptions() {
    if (maxUserRemovals != null && maxUserRemovals < 0) {
      throw new CliException(ExitCodes.ERROR, "--max-user-removals must be 0 or more.");
    }
    if (minAdmins < 0 || maxDeletions < 0 || maxMemberRemovals < 0
        || maxMemberRemovalPercent < 0 || maxMemberRemovalPercent > 100) {
      throw new CliException(ExitCodes.ERROR,
          "Safety limits must be 0 or more (and --max-member-removal-percent at most 100).");
    }
    return new PlanOptions(
        prune, minAdmins, maxDeletions, maxMemberRemovals, maxMemberRemovalPercent, allowMemberRemoval,
        pruneUsers, maxUserRemovals == null ? PlanOptions.DEFAULT_USER_REMOVALS : maxUserRemovals);
  }
}
