package io.roleform.portal;

import java.util.List;

/**
 * An optional view of one role's member set (a value of {@link LiveState#members()}): its members
 * as their indexes in a users list, ascending. A reader that knows them without extra work (the
 * HTTP reader: it sorts each role's members as such numbers anyway) offers it, so that the diff can
 * compare a role's members as ints instead of looking up ids; every other set (Keycloak, tests) is
 * compared by its ids, with the same result.
 *
 * <p>Guarantee: when {@link #rankedUsers()} is the very list (the same instance) a {@link LiveState}
 * holds as {@link LiveState#users()}, the set's members are exactly the ids {@code
 * rankedUsers().get(r).id()} for the ranks {@code r} this view holds, and the ids of that list are
 * distinct. Any other list: the ranks say nothing about that state.
 */
public interface MemberRanks {

  /** The users the ranks index (rank {@code r}: {@code rankedUsers().get(r)}), or {@code null} if this set has none. */
  List<LiveUser> rankedUsers();

  /**
   * Whether this role's member ranks are exactly {@code ranks[0, length)}, which the caller gives
   * ascending ({@code false} whenever the number differs).
   */
  boolean ranksEqual(int[] ranks, int length);
}
