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
import io.roleform.portal.Permission;
import io.roleform.portal.PortalInfo;
import io.roleform.portal.PortalSettings;
import io.roleform.portal.UserStatus;
import io.roleform.portal.http.PortalApiCapabilities;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The member look-ups of a config big enough to be spread over threads (more than {@link
 * MemberLookup#PARALLEL_FROM} members): the same users and current members whatever the number of
 * threads, and the whole diff still the exact changes made to an export of the portal.
 */
class MemberLookupTest {

  private static final int USERS = 4_000;
  private static final int ROLES = 300;
  private static final int MEMBERSHIPS = 70_000;

  private final Random rnd = new Random(7);
  private final List<LiveUser> users = new ArrayList<>();
  private final Map<String, Set<String>> members = new HashMap<>();
  private final List<LiveRole> roles = new ArrayList<>();
  private final LiveState live;

  MemberLookupTest() {
    for (int i = 0; i < USERS; i++) {
      UserStatus status = i % 97 == 3 ? UserStatus.DISABLED : UserStatus.ACTIVE;
      // Some live emails have capitals: the config may spell them either way.
      String email = (i % 5 == 0 ? "User" : "user") + i + "@acme.example";
      users.add(new LiveUser("u" + i, email, "U", "" + i, status, false));
    }
    for (int r = 0; r < ROLES; r++) members.put("r" + r, new HashSet<>());
    for (int m = 0; m < MEMBERSHIPS; m++) members.get("r" + rnd.nextInt(ROLES)).add("u" + rnd.nextInt(USERS));
    members.get("r0").add("u0");
    for (int r = 0; r < ROLES; r++) {
      roles.add(new LiveRole("r" + r, r == 0 ? "Admin" : "Role " + r, "", List.of(), List.of(), r, r == 0, r == 0,
          members.get("r" + r).size(), "1"));
    }
    PortalInfo info = new PortalInfo("test", "secure-exchanges", PortalApiCapabilities.of("secure-exchanges"), 7,
        new PortalSettings(null, null, null), "r0", "perm-0", "u0", "User0@acme.example");
    live = new LiveState(info, List.of(new Permission("perm-0", null, null, null)), users, roles, members);
  }

  /** Every live member listed, spelled as live or upper-cased; role 7 unmanaged. */
  private List<DesiredRole> export() {
    List<DesiredRole> out = new ArrayList<>();
    for (LiveRole l : roles) {
      List<String> emails = null;
      if (!l.id().equals("r7")) {
        emails = new ArrayList<>();
        for (String id : new TreeSet<>(members.get(l.id()))) {
          String email = users.get(Integer.parseInt(id.substring(1))).email();
          emails.add(rnd.nextInt(10) == 0 ? email.toUpperCase(Locale.ROOT) : email);
        }
      }
      out.add(new DesiredRole(l.name(), null, null, emails, List.of(), null, null, null, Map.of()));
    }
    return out;
  }

  @Test
  void theSameLookupsOnOneThreadOrMany() {
    List<DesiredRole> desired = export();
    // Unknown emails and a member listed in another role too.
    List<String> withUnknown = new ArrayList<>(desired.get(10).members());
    withUnknown.add("nobody@acme.example");
    withUnknown.add(1, "USER3@ACME.EXAMPLE");
    desired.set(10, new DesiredRole(desired.get(10).name(), null, null, withUnknown, List.of(), null, null, null,
        Map.of()));
    DiffContext ctx = context(desired);
    assertTrue(desired.stream().mapToInt(d -> d.members() == null ? 0 : d.members().size()).sum()
        >= MemberLookup.PARALLEL_FROM);
    Map<String, Set<String>> movedIn = Map.of("role 12", Set.of("u1", "u2"));

    MemberLookup.Resolved[] one = MemberLookup.resolve(desired, ctx, movedIn, false, 1);
    for (int threads : new int[] {2, 3, 4}) {
      MemberLookup.Resolved[] many = MemberLookup.resolve(desired, ctx, movedIn, false, threads);
      assertEquals(one.length, many.length);
      for (int r = 0; r < one.length; r++) {
        if (one[r] == null) {
          assertNull(many[r], "role " + r);
          continue;
        }
        assertEquals(one[r].unchanged(), many[r].unchanged(), "role " + r);
        assertEquals(one[r].anyDisabled(), many[r].anyDisabled(), "role " + r);
        if (one[r].users() == null) {
          assertNull(many[r].users(), "role " + r);
          continue;
        }
        assertEquals(one[r].users().length, many[r].users().length);
        for (int i = 0; i < one[r].users().length; i++) assertSame(one[r].users()[i], many[r].users()[i]);
      }
    }
    assertNull(one[7], "unmanaged members: nothing looked up");
    MemberLookup.Resolved[] all = MemberLookup.resolve(desired, ctx, Map.of(), true, 2);
    for (int r = 0; r < one.length; r++) {
      if (one[r] == null) continue;
      // Unchanged: all but the role with the unknown and doubly listed emails, and the role that
      // receives members from a deleted one; never when the plan invites someone.
      assertEquals(r != 10 && r != 12, one[r].unchanged(), "role " + r);
      assertTrue(!all[r].unchanged() && all[r].users() != null);
      List<String> emails = desired.get(r).members();
      boolean disabled = false;
      for (int i = 0; i < emails.size(); i++) {
        LiveUser u = all[r].users()[i];
        if (emails.get(i).equals("nobody@acme.example")) assertNull(u);
        else assertTrue(u.email().equalsIgnoreCase(emails.get(i)), emails.get(i) + " -> " + u);
        disabled |= u != null && u.status() == UserStatus.DISABLED;
      }
      assertEquals(disabled, one[r].anyDisabled(), "role " + r);
      assertEquals(one[r].unchanged() && !disabled, one[r].users() == null, "role " + r);
    }
  }

  @Test
  void aBigDiffIsExactlyTheChangesMade() {
    List<DesiredRole> desired = export();
    // Role 20: one member more (someone not yet in it) and its first member less.
    List<String> changed = new ArrayList<>(desired.get(20).members());
    String dropped = changed.remove(0);
    String added = null;
    for (LiveUser u : users) {
      if (!members.get("r20").contains(u.id()) && u.status() == UserStatus.ACTIVE) {
        added = u.email();
        break;
      }
    }
    changed.add(added);
    desired.set(20, new DesiredRole(desired.get(20).name(), null, null, changed, List.of(), null, null, null, Map.of()));
    DiffResult result = Diff.compute(new DesiredState(desired, List.of(), null, new DesiredSettings(null, null, null),
        "digest"), live, false, false, Instant.parse("2026-11-26T00:00:00Z"));

    assertEquals(List.of(), result.problems());
    List<Operation.ChangeMembers> changes = new ArrayList<>();
    for (Operation op : result.operations()) if (op instanceof Operation.ChangeMembers c) changes.add(c);
    assertEquals(1, changes.size(), result.operations().toString());
    Operation.ChangeMembers c = changes.get(0);
    assertEquals("r20", c.role().id());
    assertEquals(List.of(added), c.add().stream().map(UserRef::email).toList());
    assertTrue(c.remove().size() == 1 && c.remove().get(0).email().equalsIgnoreCase(dropped), c.remove().toString());
    // Disabled users listed as members: one warning each, in config order.
    long disabledListed = 0;
    for (DesiredRole d : desired) {
      if (d.members() == null) continue;
      for (String e : d.members()) {
        int n = Integer.parseInt(e.toLowerCase(Locale.ROOT).replaceAll("[^0-9]", ""));
        if (users.get(n).status() == UserStatus.DISABLED) disabledListed++;
      }
    }
    assertEquals(disabledListed, result.warnings().stream().filter(w -> w.kind() == Warning.Kind.DISABLED_MEMBER).count());
  }

  private DiffContext context(List<DesiredRole> desired) {
    return new DiffContext(new DesiredState(desired, List.of(), null, new DesiredSettings(null, null, null), "digest"),
        new LiveIndex(live), false, Instant.parse("2026-11-26T00:00:00Z"));
  }
}
