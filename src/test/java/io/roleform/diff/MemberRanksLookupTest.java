package io.roleform.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roleform.config.DesiredRole;
import io.roleform.config.DesiredSettings;
import io.roleform.config.DesiredState;
import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import io.roleform.portal.LiveUser;
import io.roleform.portal.MemberRanks;
import io.roleform.portal.Permission;
import io.roleform.portal.PortalInfo;
import io.roleform.portal.PortalSettings;
import io.roleform.portal.UserStatus;
import io.roleform.portal.http.PortalApiCapabilities;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The member look-ups when the live member sets offer their ranks ({@link MemberRanks}: compared
 * as sorted ints) against the same sets without ranks (compared id by id) and against a plain
 * reference (a {@code HashMap} by lower-cased email, last user wins; each current member ticked
 * off once): on random live states and configs — case variants, unknown emails, members listed
 * twice, duplicate live emails, disabled users, expiring and expired members, members moved in
 * from deleted roles, roles not yet live, invitations — the same users, the same "unchanged" and
 * the same "any disabled" for every role.
 */
class MemberRanksLookupTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  @Property(tries = 300)
  void ranksGiveTheSameLookupsAsIds(@ForAll long seed) {
    Case c = new Case(new Random(seed));
    check(c);
  }

  @Test
  void theRankedPathIsTakenAndSaysBothUnchangedAndChanged() {
    int unchanged = 0;
    int changed = 0;
    long compared = 0;
    for (long seed = 0; seed < 200; seed++) {
      Case c = new Case(new Random(seed));
      MemberLookup.Resolved[] ranked = check(c);
      for (MemberLookup.Resolved r : ranked) {
        if (r == null) continue;
        if (r.unchanged()) unchanged++;
        else changed++;
      }
      compared += c.rankComparisons[0];
    }
    assertTrue(unchanged > 100 && changed > 100, unchanged + " unchanged, " + changed + " changed");
    assertTrue(compared > 100, "compared as ranks: " + compared);
  }

  @Test
  void anotherUsersListIsNotTrusted() {
    // Ranks over a list equal to the state's but not the same instance: the ids decide.
    Case c = new Case(new Random(3));
    List<LiveUser> copy = new ArrayList<>(c.users);
    LiveState live = c.state(copy);
    assertNull(new LiveIndex(live).ranked(live.members().get("r0")));
    LiveState same = c.state(c.users);
    assertSame(same.members().get("r0"), new LiveIndex(same).ranked(same.members().get("r0")));
  }

  /** The three ways agree on every role of {@code c}; returns the ranked way's look-ups. */
  private static MemberLookup.Resolved[] check(Case c) {
    LiveState ranked = c.state(c.users);
    LiveState plain = c.plainState();
    MemberLookup.Resolved[] a = MemberLookup.resolve(c.desired, context(c, ranked), c.movedIn, c.invites, 1);
    MemberLookup.Resolved[] b = MemberLookup.resolve(c.desired, context(c, plain), c.movedIn, c.invites, 2);
    for (int r = 0; r < c.desired.size(); r++) {
      DesiredRole d = c.desired.get(r);
      String at = "seed case, role " + d.name() + " " + d.members() + " live " + c.liveMembersOf(d.name());
      Expected e = c.reference(d);
      same(e, a[r], "ranked: " + at);
      same(e, b[r], "ids: " + at);
    }
    return a;
  }

  private static void same(Expected e, MemberLookup.Resolved got, String at) {
    if (e == null) {
      assertNull(got, at);
      return;
    }
    assertEquals(e.unchanged, got.unchanged(), "unchanged, " + at);
    assertEquals(e.anyDisabled, got.anyDisabled(), "anyDisabled, " + at);
    if (e.unchanged && !e.anyDisabled) {
      assertNull(got.users(), at);
      return;
    }
    assertEquals(e.users.length, got.users().length, at);
    for (int i = 0; i < e.users.length; i++) assertSame(e.users[i], got.users()[i], at + " member " + i);
  }

  private static DiffContext context(Case c, LiveState live) {
    return new DiffContext(new DesiredState(c.desired, List.of(), null, new DesiredSettings(null, null, null), "d"),
        new LiveIndex(live), false, NOW);
  }

  private record Expected(LiveUser[] users, boolean unchanged, boolean anyDisabled) {}

  /** One random live state and config. */
  private static final class Case {
    final Random rnd;
    final List<LiveUser> users;
    final List<LiveRole> roles = new ArrayList<>();
    final Map<String, TreeSet<String>> members = new LinkedHashMap<>();
    final List<DesiredRole> desired = new ArrayList<>();
    final Map<String, Set<String>> movedIn = new HashMap<>();
    final boolean invites;
    final long[] rankComparisons = new long[1];

    Case(Random rnd) {
      this.rnd = rnd;
      int n = 1 + rnd.nextInt(60);
      List<LiveUser> list = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        UserStatus status = rnd.nextInt(6) == 0 ? UserStatus.DISABLED
            : rnd.nextInt(8) == 0 ? UserStatus.PENDING : UserStatus.ACTIVE;
        // Now and then a user whose email another has too (case-insensitively): the later wins.
        String email = i > 0 && rnd.nextInt(15) == 0
            ? flipCase(list.get(rnd.nextInt(i)).email())
            : (rnd.nextBoolean() ? "user" : rnd.nextBoolean() ? "User" : "ÜSER") + i + "@acme.example";
        list.add(new LiveUser(String.format("u%03d", i), email, "U", "" + i, status, false));
      }
      users = List.copyOf(list); // in id order, each id once: what the ranks need
      int roleCount = 1 + rnd.nextInt(8);
      for (int r = 0; r < roleCount; r++) {
        TreeSet<String> ids = new TreeSet<>();
        int k = rnd.nextInt(n + 1);
        for (int m = 0; m < k; m++) ids.add(users.get(rnd.nextInt(n)).id());
        members.put("r" + r, ids);
        roles.add(new LiveRole("r" + r, "Role " + r, "", List.of(), List.of(), r, r == 0, r == 0, ids.size(), "1"));
      }
      for (int r = 0; r < roleCount; r++) desired.add(desiredRole("Role " + r, members.get("r" + r)));
      if (rnd.nextInt(3) == 0) desired.add(desiredRole("New role", randomIds(n)));
      if (rnd.nextInt(4) == 0) desired.add(DesiredRole.named("Unmanaged"));
      if (rnd.nextInt(3) == 0) {
        String to = rnd.nextBoolean() ? "role " + rnd.nextInt(roleCount) : "new role";
        movedIn.put(to, rnd.nextBoolean() ? Set.of() : randomIds(n));
      }
      invites = rnd.nextInt(6) == 0;
    }

    private TreeSet<String> randomIds(int n) {
      TreeSet<String> ids = new TreeSet<>();
      for (int m = rnd.nextInt(4); m > 0; m--) ids.add(users.get(rnd.nextInt(n)).id());
      return ids;
    }

    /** The role's members as an export would list them (emails of those ids), then perhaps changed in one way. */
    private DesiredRole desiredRole(String name, Set<String> ids) {
      List<String> emails = new ArrayList<>();
      for (String id : ids) emails.add(emailOf(id));
      java.util.Collections.shuffle(emails, rnd);
      switch (rnd.nextInt(10)) {
        case 0 -> { if (!emails.isEmpty()) emails.remove(rnd.nextInt(emails.size())); }
        case 1 -> emails.add(users.get(rnd.nextInt(users.size())).email());
        case 2 -> { if (!emails.isEmpty()) emails.add(flipCase(emails.get(rnd.nextInt(emails.size())))); }
        case 3 -> emails.add(rnd.nextInt(emails.size() + 1), "nobody" + rnd.nextInt(3) + "@acme.example");
        case 4 -> { if (!emails.isEmpty()) emails.set(rnd.nextInt(emails.size()), users.get(rnd.nextInt(users.size())).email()); }
        default -> { } // as live
      }
      for (int i = 0; i < emails.size(); i++) if (rnd.nextInt(4) == 0) emails.set(i, flipCase(emails.get(i)));
      Map<String, LocalDate> until = new HashMap<>();
      if (rnd.nextInt(3) == 0) {
        for (String e : emails) {
          if (rnd.nextInt(3) == 0) until.put(e.toLowerCase(Locale.ROOT), LocalDate.of(2026, 11, 20).plusDays(rnd.nextInt(12)));
        }
      }
      return new DesiredRole(name, null, null, emails, List.of(), null, null, until, null, Map.of());
    }

    /** The email of the user with {@code id}, as a config would name them (the last user with that email is who it finds). */
    private String emailOf(String id) {
      for (LiveUser u : users) if (u.id().equals(id)) return u.email();
      throw new AssertionError(id);
    }

    String liveMembersOf(String name) {
      for (LiveRole l : roles) if (l.name().equals(name)) return String.valueOf(members.get(l.id()));
      return "(not live)";
    }

    /** The state over {@code list}, each role's members a set with ranks over {@code list}. */
    LiveState state(List<LiveUser> list) {
      Map<String, Set<String>> sets = new HashMap<>();
      members.forEach((role, ids) -> sets.put(role, new RankedSet(ids, list, rankComparisons)));
      return new LiveState(info(), List.of(new Permission("perm-0", null, null, null)), list, roles, sets);
    }

    LiveState plainState() {
      Map<String, Set<String>> sets = new HashMap<>();
      members.forEach((role, ids) -> sets.put(role, new TreeSet<>(ids)));
      return new LiveState(info(), List.of(new Permission("perm-0", null, null, null)), users, roles, sets);
    }

    private PortalInfo info() {
      return new PortalInfo("test", "secure-exchanges", PortalApiCapabilities.of("secure-exchanges"), 7,
          new PortalSettings(null, null, null), "r0", "perm-0", "u000", users.get(0).email());
    }

    /** The reference: the look-ups as a HashMap of users by lower-cased email makes them. */
    Expected reference(DesiredRole d) {
      if (d.members() == null) return null;
      Map<String, LiveUser> byEmail = new HashMap<>();
      for (LiveUser u : users) byEmail.put(u.email().toLowerCase(Locale.ROOT), u);
      LiveUser[] found = new LiveUser[d.members().size()];
      boolean anyDisabled = false;
      for (int i = 0; i < found.length; i++) {
        found[i] = byEmail.get(d.members().get(i).toLowerCase(Locale.ROOT));
        anyDisabled |= found[i] != null && found[i].status() == UserStatus.DISABLED;
      }
      Set<String> remaining = new HashSet<>();
      for (LiveRole l : roles) if (l.name().equalsIgnoreCase(d.name())) remaining.addAll(members.get(l.id()));
      remaining.addAll(movedIn.getOrDefault(d.name().toLowerCase(Locale.ROOT), Set.of()));
      boolean unchanged = !invites && remaining.size() == found.length;
      for (int i = 0; i < found.length && unchanged; i++) {
        LocalDate until = d.untilOf(d.members().get(i));
        unchanged = found[i] != null && remaining.remove(found[i].id()) && (until == null || !Expiry.expired(until, NOW));
      }
      return new Expected(found, unchanged && remaining.isEmpty(), anyDisabled);
    }
  }

  private static String flipCase(String email) {
    StringBuilder b = new StringBuilder(email);
    for (int i = 0; i < b.length(); i++) {
      char ch = b.charAt(i);
      b.setCharAt(i, Character.isUpperCase(ch) ? Character.toLowerCase(ch) : Character.toUpperCase(ch));
    }
    return b.toString();
  }

  /** A member set offering its members' indexes in {@code users}; counts its comparisons. */
  private static final class RankedSet extends TreeSet<String> implements MemberRanks {
    private final List<LiveUser> users;
    private final int[] ranks;
    private final long[] comparisons;

    RankedSet(Set<String> ids, List<LiveUser> users, long[] comparisons) {
      super(ids);
      this.users = users;
      this.comparisons = comparisons;
      int[] r = new int[ids.size()];
      int k = 0;
      for (int i = 0; i < users.size(); i++) if (ids.contains(users.get(i).id())) r[k++] = i;
      this.ranks = r;
    }

    @Override
    public List<LiveUser> rankedUsers() {
      return users;
    }

    @Override
    public boolean ranksEqual(int[] other, int length) {
      synchronized (comparisons) {
        comparisons[0]++;
      }
      return length == ranks.length && Arrays.equals(ranks, 0, length, other, 0, length);
    }
  }
}
