package io.roleform.portal.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import io.roleform.plan.Fingerprints;
import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import io.roleform.portal.LiveUser;
import io.roleform.portal.PortalInfo;
import io.roleform.portal.PortalSettings;
import io.roleform.portal.UserStatus;
import org.junit.jupiter.api.Test;

/** A role's member ids: sorted, distinct, and copied out into arrays of any size as a set's must be. */
class SortedIdsTest {

  @Test
  void sortedDistinctAndCopiedOutLikeAnySet() {
    SortedIds ids = SortedIds.of(new String[] {"u3", "u10", "u1", "u3", "u2"});
    TreeSet<String> expected = new TreeSet<>(List.of("u1", "u10", "u2", "u3"));
    assertEquals(expected, ids);
    assertEquals(List.copyOf(expected), List.copyOf(ids));
    String[] small = ids.toArray(new String[0]);
    assertArrayEquals(new String[] {"u1", "u10", "u2", "u3"}, small);
    small[0] = "changed";
    assertTrue(ids.contains("u1"), "the copy is not the set's own array");
    String[] exact = new String[4];
    assertSame(exact, ids.toArray(exact));
    assertArrayEquals(new String[] {"u1", "u10", "u2", "u3"}, exact);
    String[] big = {"x", "x", "x", "x", "x", "x"};
    assertSame(big, ids.toArray(big));
    assertArrayEquals(new String[] {"u1", "u10", "u2", "u3", null, "x"}, big);
    Object[] objects = ids.toArray(new Object[0]);
    assertEquals(Object[].class, objects.getClass());
    assertNull(SortedIds.of(new String[0]).toArray(new String[] {"a"})[0]);
  }

  @Test
  void aSortedSetInNaturalOrderAsTreeSetIs() {
    Random rnd = new Random(5);
    String[] raw = new String[200];
    for (int i = 0; i < raw.length; i++) raw[i] = "u" + rnd.nextInt(150);
    TreeSet<String> tree = new TreeSet<>(List.of(raw));
    SortedIds ids = SortedIds.of(raw.clone());
    assertNull(ids.comparator());
    assertEquals(tree.first(), ids.first());
    assertEquals(tree.last(), ids.last());
    for (int k = 0; k < 50; k++) {
      String a = "u" + rnd.nextInt(160);
      String b = "u" + rnd.nextInt(160);
      String from = a.compareTo(b) <= 0 ? a : b;
      String to = a.compareTo(b) <= 0 ? b : a;
      assertEquals(List.copyOf(tree.subSet(from, to)), List.copyOf(ids.subSet(from, to)), from + ".." + to);
      assertEquals(List.copyOf(tree.headSet(a)), List.copyOf(ids.headSet(a)), "head " + a);
      assertEquals(List.copyOf(tree.tailSet(a)), List.copyOf(ids.tailSet(a)), "tail " + a);
    }
    assertThrows(IllegalArgumentException.class, () -> ids.subSet("u9", "u1"));
    assertThrows(NoSuchElementException.class, () -> SortedIds.of(new String[0]).first());
    assertThrows(NoSuchElementException.class, () -> SortedIds.of(new String[0]).last());
  }

  @Test
  void theFingerprintIsTheSameAsForAnyOtherSet() {
    List<LiveUser> users = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) users.add(new LiveUser("u" + i, "u" + i + "@acme.example", null, null, UserStatus.ACTIVE, false));
    List<LiveRole> roles = List.of(new LiveRole("r1", "A", "", List.of(), List.of(), 1, false, false, 3, "1"),
        new LiveRole("r2", "B", "", List.of(), List.of(), 2, false, false, 0, "1"));
    PortalInfo info = new PortalInfo("p", "secure-exchanges", PortalApiCapabilities.of("secure-exchanges"), 3,
        new PortalSettings(null, null, null), "r1", "perm", "u0", "u0@acme.example");
    String[] ids = {"u7", "u30", "u4", "u12", "u30"};
    LiveState sorted = new LiveState(info, List.of(), users, roles,
        Map.of("r1", SortedIds.of(ids.clone()), "r2", SortedIds.of(new String[0])));
    LiveState hashed = new LiveState(info, List.of(), users, roles,
        Map.of("r1", new HashSet<>(List.of(ids)), "r2", Set.of()));
    assertEquals(Fingerprints.of(hashed), Fingerprints.of(sorted));
    LiveState other = new LiveState(info, List.of(), users, roles,
        Map.of("r1", SortedIds.of(new String[] {"u7", "u30", "u4"}), "r2", SortedIds.of(new String[0])));
    assertTrue(!Fingerprints.of(other).equals(Fingerprints.of(sorted)));
  }
}
