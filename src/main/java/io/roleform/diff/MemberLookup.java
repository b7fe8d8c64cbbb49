package io.roleform.diff;

import io.roleform.config.DesiredRole;
import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveUser;
import io.roleform.portal.MemberRanks;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The read-only half of the member diff, done before {@link MemberDiffer} walks the roles in config
 * order: each managed role's member emails resolved to live users, and whether the role's members
 * change at all (checked against its current members: live ones plus those moved in from deleted
 * roles). This is the diff's bulk — one look-up
 * of an email among all live users per membership ({@link EmailTable}), 2,000,000 at XL in a table
 * of 500,000, then the role's members compared as the users' indexes where the live members offer
 * theirs ({@link io.roleform.portal.MemberRanks}) — and each role's share depends on nothing but the
 * role, so big configs spread it over the machine's cores. The result is the same whichever thread resolves
 * which role; problems, warnings and operations are still made by the one walk in config order.
 */
final class MemberLookup {

  /** Below this many members in all, one thread: starting another would cost more than it saves. */
  static final int PARALLEL_FROM = 50_000;
  /** Roles handed to a thread at a time. */
  private static final int CHUNK = 16;
  /** At most this many threads (the main one included). */
  private static final int MAX_THREADS = 4;

  /**
   * One role's look-ups.
   *
   * @param users for each config member (by index), its live user, or {@code null} if no live user
   *     has that email (case-insensitively); {@code null} as a whole when {@code unchanged} and no
   *     member is disabled (the walk then has nothing to look at)
   * @param unchanged the role's members need no change: every member resolves to a distinct live
   *     user who is a current member, none has expired, every current member is listed, and the
   *     plan invites nobody
   * @param anyDisabled a member is a disabled live user (the walk warns about each)
   */
  record Resolved(LiveUser[] users, boolean unchanged, boolean anyDisabled) {}

  private MemberLookup() {}

  /**
   * The look-ups of every role of {@code roles} whose members are managed; {@code null} at the
   * index of a role whose members are not.
   *
   * @param movedIn user ids each role (by lower-cased final name) receives from deleted roles
   */
  static Resolved[] resolve(List<DesiredRole> roles, DiffContext ctx, Map<String, Set<String>> movedIn,
      boolean invites) {
    long members = 0;
    for (DesiredRole d : roles) if (d.members() != null) members += d.members().size();
    int threads = members < PARALLEL_FROM ? 1
        : Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    return resolve(roles, ctx, movedIn, invites, threads);
  }

  /** {@link #resolve(List, DiffContext, Map, boolean)} on {@code threads} threads (the calling one included). */
  static Resolved[] resolve(List<DesiredRole> roles, DiffContext ctx, Map<String, Set<String>> movedIn,
      boolean invites, int threads) {
    Resolved[] out = new Resolved[roles.size()];
    AtomicInteger next = new AtomicInteger();
    Runnable work = () -> {
      for (int from; (from = next.getAndAdd(CHUNK)) < roles.size(); ) {
        for (int r = from; r < Math.min(roles.size(), from + CHUNK); r++) {
          out[r] = one(roles.get(r), ctx, movedIn, invites);
        }
      }
    };
    if (threads == 1) {
      work.run();
      return out;
    }
    Thread[] helpers = new Thread[threads - 1];
    Throwable[] failure = new Throwable[1];
    for (int t = 0; t < helpers.length; t++) {
      helpers[t] = new Thread(work, "roleform-diff-" + (t + 1));
      helpers[t].setDaemon(true);
      helpers[t].setUncaughtExceptionHandler((th, e) -> {
        synchronized (failure) {
          failure[0] = e;
        }
      });
      helpers[t].start();
    }
    work.run();
    boolean interrupted = false;
    for (Thread h : helpers) {
      while (true) {
        try {
          h.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
    synchronized (failure) {
      if (failure[0] instanceof RuntimeException e) throw e;
      if (failure[0] instanceof Error e) throw e;
    }
    // Thread.join orders every write of the helpers before this read (JLS 17.4.5).
    return out;
  }

  private static Resolved one(DesiredRole d, DiffContext ctx, Map<String, Set<String>> movedIn, boolean invites) {
    if (d.members() == null) return null;
    List<String> emails = d.members();
    LiveIndex index = ctx.index;
    int[] found = new int[emails.size()];
    index.emails.indexesOf(emails, found);
    boolean anyDisabled = false;
    boolean allFound = true;
    for (int k : found) {
      if (k < 0) allFound = false;
      else if (index.disabled(k)) anyDisabled = true;
    }
    boolean unchanged = !invites && allFound && unchanged(d, found, ctx, movedIn);
    return new Resolved(unchanged && !anyDisabled ? null : users(found, index), unchanged, anyDisabled);
  }

  /** The live users at the indexes {@code found} (-1: {@code null}). */
  private static LiveUser[] users(int[] found, LiveIndex index) {
    List<LiveUser> all = index.live.users();
    LiveUser[] users = new LiveUser[found.length];
    for (int i = 0; i < found.length; i++) users[i] = found[i] < 0 ? null : all.get(found[i]);
    return users;
  }

  /**
   * See {@link Resolved#unchanged}, for members that all resolved (to the users at the indexes
   * {@code found}). When the role's current members are its live members only and those offer their
   * ranks over the same users list ({@link LiveIndex#ranked}), the indexes sorted must equal them;
   * otherwise each current id is ticked off once by exactly one config member. The same answer.
   */
  private static boolean unchanged(DesiredRole d, int[] found, DiffContext ctx, Map<String, Set<String>> movedIn) {
    LiveRole live = ctx.matching.liveOf(d);
    Set<String> current = live == null ? Set.of() : ctx.index.membersOf(live);
    Set<String> moved = movedIn.isEmpty() ? null : movedIn.get(LiveIndex.key(d.name()));
    MemberRanks ranks = moved == null ? ctx.index.ranked(current) : null;
    if (ranks != null && current.size() != found.length) return false;
    if (anyExpired(d, ctx)) return false;
    if (ranks != null) {
      int[] sorted = found.clone();
      Arrays.sort(sorted);
      return ranks.ranksEqual(sorted, sorted.length);
    }
    Set<String> remaining = new HashSet<>(current);
    if (moved != null) remaining.addAll(moved);
    if (remaining.size() != found.length) return false;
    List<LiveUser> users = ctx.index.live.users();
    for (int k : found) {
      if (!remaining.remove(users.get(k).id())) return false;
    }
    return remaining.isEmpty();
  }

  /** Whether a member of {@code d} has expired (its {@code until} day ended before the plan's instant). */
  private static boolean anyExpired(DesiredRole d, DiffContext ctx) {
    if (d.until().isEmpty()) return false;
    for (String email : d.members()) {
      LocalDate until = d.untilOf(email);
      if (until != null && Expiry.expired(until, ctx.now)) return true;
    }
    return false;
  }
}
