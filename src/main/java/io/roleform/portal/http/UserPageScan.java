package io.roleform.portal.http;

import static io.roleform.portal.http.ScanBytes.ascii;
import static io.roleform.portal.http.ScanBytes.expect;
import static io.roleform.portal.http.ScanBytes.stringEnd;

import io.roleform.portal.LiveUser;
import io.roleform.portal.UserStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A users page read straight from its bytes when it has exactly the compact shape Portal API v1
 * servers write — {@code {"items":[{"id":"u1","email":"a@b","firstName":"A","lastName":null,
 * "status":"active","external":false,"departments":["d1"],"version":"1"},...],"nextCursor":"..."}},
 * no white space inside (trailing white space allowed), the eight fields all present and in that
 * order, every string of printable ASCII without escapes, {@code firstName}, {@code lastName} and
 * {@code version} a string or {@code null}, {@code id}, {@code email} and each department a string,
 * {@code status} one of {@code "active"}, {@code "pending"}, {@code "disabled"}, {@code external}
 * {@code true} or {@code false} — with no parser and no token: each string is made from its bytes
 * once. Anything else (another order, a missing or unknown field, white space, an escape, a
 * non-ASCII byte, a number or {@code null} where the shape has a string, another status spelling,
 * a malformed body) is "not this shape": nothing of the page is kept and the page goes to the
 * parser ({@link LiveItems#users}), whose answers and errors are the ones every page had before.
 *
 * <p>On the shape it accepts, the scan gives what the parser gives (UserPageScanTest checks this on
 * random pages): such a body is valid JSON with one {@code items} array and at most one {@code
 * nextCursor}, no duplicate keys and nothing after it; its users are the same values (departments
 * sorted, short names, versions and department ids shared across users as {@link SharedStrings}
 * shares them). Not thread-safe: one per list reader.
 */
final class UserPageScan {
  private static final byte[] OPEN = ascii("{\"items\":[");
  private static final byte[] ID = ascii("{\"id\":\"");
  private static final byte[] EMAIL = ascii(",\"email\":\"");
  private static final byte[] FIRST_NAME = ascii(",\"firstName\":");
  private static final byte[] LAST_NAME = ascii(",\"lastName\":");
  private static final byte[] STATUS = ascii(",\"status\":\"");
  private static final byte[] EXTERNAL = ascii(",\"external\":");
  private static final byte[] DEPARTMENTS = ascii(",\"departments\":[");
  private static final byte[] VERSION = ascii(",\"version\":");
  private static final byte[] NULL = ascii("null");
  private static final byte[] TRUE = ascii("true");
  private static final byte[] FALSE = ascii("false");
  private static final byte[] ACTIVE = ascii("active\"");
  private static final byte[] PENDING = ascii("pending\"");
  private static final byte[] DISABLED = ascii("disabled\"");
  /** Strings longer than this go to the parser (which has its own limits). */
  private static final int MAX_STRING = 100_000;
  /** Strings up to this length are shared across users ({@link #shared}). */
  private static final int MAX_SHARED = 40;

  private final List<LiveUser> staged = new ArrayList<>();
  private String[] departments = new String[8];
  private final String[] slots = new String[1 << 10];
  private final int[] hashes = new int[1 << 10];
  /** The string the last {@link #string} read ({@code null} for JSON {@code null}). */
  private String value;

  /**
   * If {@code b} is a page of the shape, adds its users to {@code out} and returns its {@code
   * nextCursor} ({@code null}: none); else adds nothing and returns {@link ListPage.Item#NOT_READ}.
   */
  String page(byte[] b, List<LiveUser> out) {
    staged.clear();
    String cursor = scan(b);
    if (cursor != ListPage.Item.NOT_READ) out.addAll(staged);
    staged.clear();
    return cursor;
  }

  private String scan(byte[] b) {
    String no = ListPage.Item.NOT_READ;
    int n = b.length;
    int i = expect(b, 0, OPEN);
    if (i < 0 || i >= n) return no;
    if (b[i] == ']') {
      i++;
    } else {
      while (true) {
        i = expect(b, i, ID);
        if (i < 0) return no;
        int e = stringEnd(b, i, MAX_STRING);
        if (e < 0) return no;
        String id = new String(b, i, e - i, StandardCharsets.ISO_8859_1);
        i = expect(b, e + 1, EMAIL);
        if (i < 0) return no;
        e = stringEnd(b, i, MAX_STRING);
        if (e < 0) return no;
        String email = new String(b, i, e - i, StandardCharsets.ISO_8859_1);
        i = string(b, expect(b, e + 1, FIRST_NAME));
        if (i < 0) return no;
        String firstName = value;
        i = string(b, expect(b, i, LAST_NAME));
        if (i < 0) return no;
        String lastName = value;
        i = expect(b, i, STATUS);
        if (i < 0) return no;
        UserStatus status;
        int s;
        if ((s = expect(b, i, ACTIVE)) >= 0) {
          status = UserStatus.ACTIVE;
        } else if ((s = expect(b, i, PENDING)) >= 0) {
          status = UserStatus.PENDING;
        } else if ((s = expect(b, i, DISABLED)) >= 0) {
          status = UserStatus.DISABLED;
        } else {
          return no;
        }
        i = expect(b, s, EXTERNAL);
        if (i < 0) return no;
        boolean external;
        if ((s = expect(b, i, TRUE)) >= 0) {
          external = true;
        } else if ((s = expect(b, i, FALSE)) >= 0) {
          external = false;
        } else {
          return no;
        }
        i = expect(b, s, DEPARTMENTS);
        if (i < 0 || i >= n) return no;
        int count = 0;
        if (b[i] == ']') {
          i++;
        } else {
          while (true) {
            if (b[i] != '"') return no;
            i = string(b, i);
            if (i < 0 || i >= n) return no;
            if (count == departments.length) departments = Arrays.copyOf(departments, count * 2);
            departments[count++] = value;
            byte next = b[i++];
            if (next == ']') break;
            if (next != ',' || i >= n) return no;
          }
        }
        i = string(b, expect(b, i, VERSION));
        if (i < 0 || i + 1 >= n || b[i] != '}') return no;
        staged.add(new LiveUser(id, email, firstName, lastName, status, external, sorted(count), value));
        byte next = b[i + 1];
        i += 2;
        if (next == ']') break;
        if (next != ',') return no;
      }
    }
    // After the items: the end of the object, or the cursor (a string or null) and then the end.
    String cursor = ScanBytes.pageEnd(b, i, MAX_STRING);
    if (cursor == ScanBytes.NOT_AN_END) return no;
    return cursor;
  }

  /** The staged departments sorted, as an immutable list, as {@link LiveItems} makes it. */
  private List<String> sorted(int count) {
    if (count == 0) return List.of();
    if (count == 1) return List.of(departments[0]);
    String[] a = Arrays.copyOf(departments, count);
    Arrays.sort(a);
    return List.of(a);
  }

  /**
   * At {@code i} ({@code -1}: nothing to read), a shared string or {@code null} into {@link #value};
   * the index after it, or -1.
   */
  private int string(byte[] b, int i) {
    if (i < 0 || i >= b.length) return -1;
    if (b[i] != '"') {
      value = null;
      return expect(b, i, NULL);
    }
    int e = stringEnd(b, i + 1, MAX_STRING);
    if (e < 0) return -1;
    value = shared(b, i + 1, e - i - 1);
    return e + 1;
  }

  /**
   * The string of the ASCII bytes at {@code off}: for a short one, the one made for the same bytes
   * before if it is still in its slot of a small direct-mapped cache (else made and kept there).
   */
  private String shared(byte[] b, int off, int length) {
    if (length > MAX_SHARED) return new String(b, off, length, StandardCharsets.ISO_8859_1);
    int h = length;
    for (int k = 0; k < length; k++) h = 31 * h + b[off + k];
    int slot = (h * 0x9E3779B9) >>> 22;
    String s = slots[slot];
    if (s != null && hashes[slot] == h && s.length() == length) {
      boolean same = true;
      for (int k = 0; k < length && same; k++) same = s.charAt(k) == b[off + k];
      if (same) return s;
    }
    s = new String(b, off, length, StandardCharsets.ISO_8859_1);
    slots[slot] = s;
    hashes[slot] = h;
    return s;
  }
}
