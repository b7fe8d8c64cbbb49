package io.roleform.portal.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveUser;
import io.roleform.portal.PortalException;
import io.roleform.portal.PortalException.Kind;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The memberships list, gathered page by page as it is parsed: the user ids of each role as numbers
 * of an {@link IdPool}, no object and no string per membership. Pages list memberships grouped by
 * role, so consecutive items of the same role find its ids without a look-up or a new string.
 * {@link #byRole}, once the users and roles are read, turns each distinct id into the user's own
 * id string (one look-up per user, not per membership; the diff then compares equal ids by
 * identity) and checks that every membership names a listed role.
 */
final class MemberPages {
  /** From this many users on, {@link #byRole} shares its work with a helper thread. */
  static final int SPLIT = 20_000;

  private final Map<String, Ids> byRole = new HashMap<>();
  private final IdPool users = new IdPool();
  private final MemberPageScan scan = new MemberPageScan();
  private String lastRole;
  private Ids lastIds;

  /** The growing id numbers of one role. */
  private static final class Ids {
    int[] ids = new int[16];
    int size;

    void add(int id) {
      if (size == ids.length) ids = Arrays.copyOf(ids, size * 2);
      ids[size++] = id;
    }
  }

  ListPage.Item item() {
    return item(true);
  }

  /** The item reader; {@code scan}: pages of the compact shape read by {@link MemberPageScan} (false: all parsed, for tests). */
  ListPage.Item item(boolean scan) {
    return new ListPage.Item() {
      @Override
      public void read(JsonParser p, int index) throws IOException {
        MemberPages.this.read(p, index);
      }

      @Override
      public String page(byte[] body) {
        return scan ? MemberPages.this.page(body) : NOT_READ;
      }
    };
  }

  /** A page of the compact shape, read from its bytes; {@link ListPage.Item#NOT_READ} for any other. */
  private String page(byte[] body) {
    MemberPageScan s = scan;
    if (!s.scan(body, users)) return ListPage.Item.NOT_READ;
    for (int k = 0; k < s.count; k++) role(body, s.roleStart[k], s.roleEnd[k]).add(s.users[k]);
    return s.cursor;
  }

  /** The ids of the role whose id is the ASCII {@code b[start, end)}; the last one's without a look-up. */
  private Ids role(byte[] b, int start, int end) {
    String last = lastRole;
    int length = end - start;
    if (last != null && last.length() == length) {
      boolean same = true;
      for (int i = 0; i < length && same; i++) same = last.charAt(i) == b[start + i];
      if (same) return lastIds;
    }
    lastRole = new String(b, start, length, java.nio.charset.StandardCharsets.US_ASCII);
    lastIds = byRole.computeIfAbsent(lastRole, k -> new Ids());
    return lastIds;
  }

  private void read(JsonParser p, int index) throws IOException {
    Ids role = null;
    String roleId = null;
    int userId = -1;
    for (String f; (f = p.nextFieldName()) != null; ) {
      JsonToken t = p.nextToken();
      if (f.equals("roleId")) {
        if (t == JsonToken.VALUE_STRING) {
          role = role(p);
          roleId = lastRole;
        } else {
          roleId = ListPage.string(p, index, f);
          role = roleId == null ? null : byRole.computeIfAbsent(roleId, k -> new Ids());
        }
      } else if (f.equals("userId")) {
        String text = t == JsonToken.VALUE_STRING ? null : ListPage.string(p, index, f);
        userId = t == JsonToken.VALUE_STRING ? users.of(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())
            : text == null ? -1 : users.of(text.toCharArray(), 0, text.length());
      } else {
        p.skipChildren();
      }
    }
    if (role == null || userId < 0) throw unlisted(roleId);
    role.add(userId);
  }

  /** The ids of the role named by the current string token; the last one's without a look-up. */
  private Ids role(JsonParser p) throws IOException {
    char[] chars = p.getTextCharacters();
    int offset = p.getTextOffset();
    int length = p.getTextLength();
    String last = lastRole;
    if (last != null && last.length() == length) {
      boolean same = true;
      for (int i = 0; i < length && same; i++) same = last.charAt(i) == chars[offset + i];
      if (same) return lastIds;
    }
    lastRole = new String(chars, offset, length);
    lastIds = byRole.computeIfAbsent(lastRole, k -> new Ids());
    return lastIds;
  }

  /**
   * The user ids of every role of {@code roles} (sorted, each once; empty for a role without
   * members), as the strings of {@code liveUsers} where a user has that id. When {@code liveUsers}
   * lists its users in id order, each once, and every membership names one of them, the sets are
   * {@link io.roleform.portal.MemberRanks} over {@code liveUsers} (pass the list the {@link
   * io.roleform.portal.LiveState} will hold: an immutable one, which it keeps as it is).
   *
   * @throws PortalException if a membership names a role the roles list did not
   */
  Map<String, Set<String>> byRole(List<LiveRole> roles, List<LiveUser> liveUsers) {
    return byRole(roles, liveUsers, null);
  }

  /**
   * As {@link #byRole(List, List)}; with {@code helper}, a big read's look-ups and per-role sorting
   * are shared between the caller and one task on {@code helper} (at the end of the read the other
   * core is free: the portal has answered, the other lists are read).
   */
  Map<String, Set<String>> byRole(List<LiveRole> roles, List<LiveUser> liveUsers, ExecutorService helper) {
    ExecutorService two = liveUsers.size() >= SPLIT ? helper : null;
    // The users' ids in order (portals usually list users by id: then the sort is one pass), and
    // each pooled id's rank among them: a role's members then sort as ints, not as strings
    // (2,000,000 memberships at XL: a string sort per role cost more than all the look-ups).
    String[] sorted = new String[liveUsers.size()];
    for (int k = 0; k < sorted.length; k++) sorted[k] = liveUsers.get(k).id();
    Arrays.sort(sorted);
    int[] found = new int[sorted.length];
    halves(two, sorted.length, (from, to) -> users.find(sorted, from, to, found));
    int[] rank = new int[users.size()];
    Arrays.fill(rank, -1);
    for (int k = sorted.length - 1; k >= 0; k--) {
      if (found[k] >= 0) rank[found[k]] = k; // an id listed twice: its first place
    }
    int ranked = 0;
    for (int r : rank) if (r >= 0) ranked++;
    Map<String, Set<String>> members = new HashMap<>(roles.size() * 2);
    if (ranked < users.size()) {
      byIdStrings(roles, liveUsers, members); // memberships of users not listed: rare, slower
    } else {
      // Listed in id order, each id once (as portals usually list them): a member's rank is its
      // index in liveUsers, which the sets then offer the diff (MemberRanks).
      List<LiveUser> universe = inIdOrder(sorted, liveUsers) ? liveUsers : null;
      Set<String>[] sets = sets(roles.size());
      halves(two, roles.size(), (from, to) -> {
        for (int r = from; r < to; r++) sets[r] = members(byRole.get(roles.get(r).id()), rank, sorted, universe);
      });
      for (int r = 0; r < sets.length; r++) members.put(roles.get(r).id(), sets[r]);
    }
    for (String roleId : byRole.keySet()) {
      if (!members.containsKey(roleId)) throw unlisted(roleId);
    }
    return members;
  }

  /** Whether {@code users} lists the ids of {@code sorted} (their ids, sorted) in that order, each once. */
  private static boolean inIdOrder(String[] sorted, List<LiveUser> users) {
    for (int k = 0; k < sorted.length; k++) {
      if (sorted[k] != users.get(k).id() || k > 0 && sorted[k].equals(sorted[k - 1])) return false;
    }
    return true;
  }

  /**
   * A role's members as the users' sorted id strings, from their pooled numbers' ranks; with
   * {@code universe} (the users, listed in id order), also as those ranks.
   */
  private static SortedIds members(Ids numbers, int[] rank, String[] sorted, List<LiveUser> universe) {
    int size = numbers == null ? 0 : numbers.size;
    int[] ranks = new int[size];
    for (int i = 0; i < size; i++) ranks[i] = rank[numbers.ids[i]];
    Arrays.sort(ranks);
    int distinct = 0;
    for (int i = 0; i < size; i++) if (distinct == 0 || ranks[i] != ranks[distinct - 1]) ranks[distinct++] = ranks[i];
    String[] of = new String[distinct];
    for (int i = 0; i < distinct; i++) of[i] = sorted[ranks[i]];
    if (universe == null) return SortedIds.ofSorted(of);
    return SortedIds.ofRanks(of, distinct == size ? ranks : Arrays.copyOf(ranks, distinct), universe);
  }

  @SuppressWarnings("unchecked")
  private static Set<String>[] sets(int n) {
    return (Set<String>[]) new Set<?>[n];
  }

  private interface Range {
    void run(int from, int to);
  }

  /** {@code range} over {@code [0, n)}: the first half on {@code helper} (if any) while the caller does the second. */
  private static void halves(ExecutorService helper, int n, Range range) {
    if (helper == null) {
      range.run(0, n);
      return;
    }
    int mid = n / 2;
    Future<?> first = helper.submit(() -> range.run(0, mid));
    range.run(mid, n);
    try {
      first.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      if (e.getCause() instanceof Error er) throw er;
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PortalException(Kind.UNAVAILABLE, 0, "Reading the portal was interrupted.");
    }
  }

  /** The general case: each distinct id as the user's own string where there is one, sorted as strings. */
  private void byIdStrings(List<LiveRole> roles, List<LiveUser> liveUsers, Map<String, Set<String>> members) {
    Map<String, String> userIds = new HashMap<>(liveUsers.size() * 2);
    for (LiveUser u : liveUsers) userIds.put(u.id(), u.id());
    String[] ids = new String[users.size()];
    for (int n = 0; n < ids.length; n++) {
      String id = users.id(n);
      ids[n] = userIds.getOrDefault(id, id);
    }
    for (LiveRole role : roles) {
      Ids numbers = byRole.get(role.id());
      String[] of = new String[numbers == null ? 0 : numbers.size];
      for (int i = 0; i < of.length; i++) of[i] = ids[numbers.ids[i]];
      members.put(role.id(), SortedIds.of(of));
    }
  }

  private static PortalException unlisted(String roleId) {
    return new PortalException(Kind.PROTOCOL, 200, "GET /api/v1/memberships listed a membership"
        + " of role `" + roleId + "` that GET /api/v1/roles did not list (or one without a"
        + " user id), although both answered at the same state version; the portal's answers"
        + " are inconsistent, which Portal API v1 does not allow.");
  }
}
