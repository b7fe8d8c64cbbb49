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
 */
public record PlanOptions(
    boolean prune,
    int minAdmins,
    int maxDeletions,
    int maxMemberRemovals,
    int maxMemberRemovalPercent,
    boolean allowMemberRemoval,
    boolean pruneUsers,
    int maxUserRemovals) {

  /** {@link #maxUserRemovals()} when not given: 5 or 10 % of the users, whichever is larger. */
  public static final int DEFAULT_USER_REMOVALS = -1;

  public static final PlanOptions DEFAULTS = new PlanOptions(false, 1, 3, 50, 25, false);

  /** Options without user pruning, with the default user-removal limit. */
  public PlanOptions(boolean prune, int minAdmins, int maxDeletions, int maxMemberRemovals,
      int maxMemberRemovalPercent, boolean allowMemberRemoval) {
    this(prune, minAdmins, maxDeletions, maxMemberRemovals, maxMemberRemovalPercent, allowMemberRemoval,
        false, DEFAULT_USER_REMOVALS);
  }

  /** The user-removal limit for a portal of {@code liveUsers} users. */
  public int userRemovalLimit(int liveUsers) {
    if (maxUserRemovals >= 0) return maxUserRemovals;
    return Math.max(5, (int) Math.ceil(liveUsers * 0.10));
  }
}
