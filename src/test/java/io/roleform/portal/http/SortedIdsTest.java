package io.roleform.portal.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;
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
}
