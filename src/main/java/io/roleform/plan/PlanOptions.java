package io.roleform.plan;

/**
 * The switches a plan was made with; they are recorded in a saved plan so that applying it uses
 * the same ones.
 *
 * @param prune delete live roles the config does not name
 * @param minAdmins the admin role must keep at least this many members
 * @param maxDeletions at most this many role deletions per run
 * @param maxMemberRemovals at most this many member removals in total per run
 * @param maxMemberRemovalPercent at most this percentage of any one role's live members removed
 * @param allowMemberRemoval a role with members may be deleted without {@code moveMembersTo}
 * @param pruneUsers delete live users the config does not list in {@code users:}
 * @param maxUserRemovals at most this many users disabled or deleted per run; {@value
 *     #DEFAULT_USER_REMOVALS} (the default) means 5 or 10 % of the live users, whichever is larger
 * @param expiringWithinDays the plan lists memberships that expire within this many days
 * @param onlyExpired the plan holds only the removals of expired memberships ({@code --only-expired}):
 *     every other change the config asks for is left out, and the safety limits and policies are
 *     evaluated on the after-state of that reduced plan
 */
public record PlanOptions(
    boolean prune,
    int minAdmins,
    int maxDeletions,
    int maxMemberRemovals,
    int maxMemberRemovalPercent,
    boolean allowMemberRemoval,
    boolean pruneUsers,
    int maxUserRemovals,
    int expiringWithinDays,
    boolean onlyExpired) {

  /** {@link #maxUserRemovals()} when not given: 5 or 10 % of the users, whichever is larger. */
  public static final int DEFAULT_USER_REMOVALS = -1;

  /** The default of {@link #expiringWithinDays}. */
  public static final int EXPIRING_WITHIN_DAYS = 14;

  public static final PlanOptions DEFAULTS = new PlanOptions(false, 1, 3, 50, 25, false);

  /** Options without user pruning, with the default user-removal limit and expiry window. */
  public PlanOptions(boolean prune, int minAdmins, int maxDeletions, int maxMemberRemovals,
      int maxMemberRemovalPercent, boolean allowMemberRemoval) {
    this(prune, minAdmins, maxDeletions, maxMemberRemovals, maxMemberRemovalPercent, allowMemberRemoval,
        false, DEFAULT_USER_REMOVALS, EXPIRING_WITHIN_DAYS);
  }

  /** Options with the default expiry window. */
  public PlanOptions(boolean prune, int minAdmins, int maxDeletions, int maxMemberRemovals,
      int maxMemberRemovalPercent, boolean allowMemberRemoval, boolean pruneUsers, int maxUserRemovals) {
    this(prune, minAdmins, maxDeletions, maxMemberRemovals, maxMemberRemovalPercent, allowMemberRemoval,
        pruneUsers, maxUserRemovals, EXPIRING_WITHIN_DAYS);
  }

  /** Options planning every change the config asks for (not {@link #onlyExpired()}). */
  public PlanOptions(boolean prune, int minAdmins, int maxDeletions, int maxMemberRemovals,
      int maxMemberRemovalPercent, boolean allowMemberRemoval, boolean pruneUsers, int maxUserRemovals,
      int expiringWithinDays) {
    this(prune, minAdmins, maxDeletions, maxMemberRemovals, maxMemberRemovalPercent, allowMemberRemoval,
        pruneUsers, maxUserRemovals, expiringWithinDays, false);
  }

  /** These options listing memberships that expire within {@code days}. */
  public PlanOptions withExpiringWithinDays(int days) {
    return new PlanOptions(prune, minAdmins, maxDeletions, maxMemberRemovals, maxMemberRemovalPercent,
        allowMemberRemoval, pruneUsers, maxUserRemovals, days, onlyExpired);
  }

  /** These options planning only the removal of expired memberships ({@code only}), or everything. */
  public PlanOptions withOnlyExpired(boolean only) {
    return new PlanOptions(prune, minAdmins, maxDeletions, maxMemberRemovals, maxMemberRemovalPercent,
        allowMemberRemoval, pruneUsers, maxUserRemovals, expiringWithinDays, only);
  }

  /** The user-removal limit for a portal of {@code liveUsers} users. */
  public int userRemovalLimit(int liveUsers) {
    if (maxUserRemovals >= 0) return maxUserRemovals;
    return Math.max(5, (int) Math.ceil(liveUsers * 0.10));
  }
}
