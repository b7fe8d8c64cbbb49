package io.roleform.portal.http;

import static io.roleform.portal.http.ScanBytes.ascii;
import static io.roleform.portal.http.ScanBytes.expect;
import static io.roleform.portal.http.ScanBytes.stringEnd;

import java.nio.charset.StandardCharsets;

/**
 * A memberships page read straight from its bytes when it has exactly the compact shape Portal API
 * v1 servers write — {@code {"items":[{"roleId":"r1","userId":"u1"},...],"nextCursor":"..."}}, no
 * white space inside (trailing white space allowed), the two fields in that order, ids and cursor
 * of printable ASCII without escapes — with no parser, no token and no string per membership: each
 * user id goes to the {@link IdPool} from the bytes. Anything else (another order, an unknown field,
 * white space, an escape, a number, a non-ASCII byte, a malformed body) is "not this shape" and the
 * page goes to the parser, whose answers and errors are the ones every page had before. On the
 * shape it accepts, the scan gives what the parser gives (MemberPageScanTest checks this on random
 * pages): such a body is valid JSON with one {@code items} array and at most one {@code
 * nextCursor}, no duplicate keys and nothing after it.
 *
 * <p>The scan is one pass and stages the page (each item's role id as an offset range, its user id
 * packed into a {@code long} where it is short); the page's short ids are pooled together once the
 * whole page is accepted ({@link IdPool#ofPacked(long[], int[], int)}, which overlaps their cache
 * misses), and the caller then adds the staged items. Long user ids seen before a rejection stay
 * pooled: the parser reads the same ids again (or fails the read).
 */
final class MemberPageScan {
  private static final byte[] OPEN = ascii("{\"items\":[");
  private static final byte[] ROLE = ascii("{\"roleId\":\"");
  private static final byte[] USER = ascii("\",\"userId\":\"");
  /** Ids longer than this go to the parser (which has its own limits). */
  private static final int MAX_ID = 1_000;

  /** Items staged by the last accepted scan. */
  int count;
  int[] roleStart = new int[1024];
  int[] roleEnd = new int[1024];
  int[] users = new int[1024];
  /** The staged items' user ids packed ({@link IdPool#packAscii}), pooled all at once when the page is accepted. */
  long[] keys = new long[1024];
  /** The last accepted page's {@code nextCursor} ({@code null}: none). */
  String cursor;

  /** Whether {@code b} has the shape; if so, its items are staged and {@link #cursor} set. */
  boolean scan(byte[] b, IdPool pool) {
    count = 0;
    int n = b.length;
    int i = expect(b, 0, OPEN);
    if (i < 0 || i >= n) return false;
    if (b[i] == ']') {
      i++;
    } else {
      while (true) {
        i = expect(b, i, ROLE);
        if (i < 0) return false;
        int rs = i;
        i = stringEnd(b, i, Integer.MAX_VALUE);
        if (i < 0 || i - rs > MAX_ID) return false;
        int re = i;
        i = expect(b, i, USER);
        if (i < 0) return false;
        int us = i;
        i = stringEnd(b, i, Integer.MAX_VALUE);
        if (i < 0 || i - us > MAX_ID || i + 2 >= n || b[i + 1] != '}') return false;
        long key = IdPool.packAscii(b, us, i - us);
        stage(rs, re, key, key == 0 ? pool.ofAscii(b, us, i - us) : -1);
        i += 2;
        byte next = b[i++];
        if (next == ']') break;
        if (next != ',') return false;
      }
    }
    // After the items: the end of the object, or the cursor (a string or null) and then the end.
    String c = ScanBytes.pageEnd(b, i, Integer.MAX_VALUE);
    if (c == ScanBytes.NOT_AN_END) return false;
    pool.ofPacked(keys, users, count);
    cursor = c;
    return true;
  }

  /** Stages an item: its role id's range and its user's packed key ({@link IdPool#packAscii}) or, if none, number. */
  private void stage(int rs, int re, long key, int user) {
    if (count == users.length) {
      roleStart = java.util.Arrays.copyOf(roleStart, count * 2);
      roleEnd = java.util.Arrays.copyOf(roleEnd, count * 2);
      keys = java.util.Arrays.copyOf(keys, count * 2);
      users = java.util.Arrays.copyOf(users, count * 2);
    }
    roleStart[count] = rs;
    roleEnd[count] = re;
    keys[count] = key;
    users[count++] = user;
  }
}
