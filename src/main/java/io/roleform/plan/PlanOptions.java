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
 * @param expiringWithinDays the plan lists memberships that expire within this many days
 */
public record PlanOptions(
    boolean prune,
    int minAdmins,
    int maxDeletions,
    int maxMemberRemovals,
    int maxMemberRemovalPercent,
    boolean allowMemberRemoval,
    int expiringWithinDays) {

  /** The default of {@link #expiringWithinDays}. */
  public static final int EXPIRING_WITHIN_DAYS = 14;

  public static final PlanOptions DEFAULTS = new PlanOptions(false, 1, 3, 50, 25, false);

  /** Options with the default {@link #expiringWithinDays}. */
  public PlanOptions(boolean prune, int minAdmins, int maxDeletions, int maxMemberRemovals,
      int maxMemberRemovalPercent, boolean allowMemberRemoval) {
    this(prune, minAdmins, maxDeletions, maxMemberRemovals, maxMemberRemovalPercent, allowMemberRemoval,
        EXPIRING_WITHIN_DAYS);
  }

  /** These options listing memberships that expire within {@code days}. */
  public PlanOptions withExpiringWithinDays(int days) {
    return new PlanOptions(prune, minAdmins, maxDeletions, maxMemberRemovals, maxMemberRemovalPercent,
        allowMemberRemoval, days);
  }
}
