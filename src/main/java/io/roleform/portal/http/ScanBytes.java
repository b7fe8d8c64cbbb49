package io.roleform.portal.http;

import java.nio.charset.StandardCharsets;

/**
 * The byte-level steps of the compact-page scanners ({@link MemberPageScan}, {@link UserPageScan}):
 * an exact word at a position, and the end of a string of plain printable ASCII. Both answer -1
 * where the bytes are anything else, so that a scanner can decline the page and leave it to the
 * parser.
 */
final class ScanBytes {
  private ScanBytes() {}

  /** The index after {@code word} if {@code b} holds it at {@code i}, or -1 (also for {@code i < 0}). */
  static int expect(byte[] b, int i, byte[] word) {
    if (i < 0 || i + word.length > b.length) return -1;
    for (int k = 0; k < word.length; k++) {
      if (b[i + k] != word[k]) return -1;
    }
    return i + word.length;
  }

  /**
   * The index of the closing quote of a string of at most {@code maxLength} bytes of printable ASCII
   * without escapes starting at {@code i}, or -1 (a control byte, an escape, DEL, a non-ASCII byte,
   * no quote in reach).
   */
  static int stringEnd(byte[] b, int i, int maxLength) {
    int n = (int) Math.min(b.length, (long) i + maxLength + 1);
    for (; i < n; i++) {
      byte c = b[i];
      if (c == '"') return i;
      if (c < 0x20 || c == '\\' || c == 0x7F) return -1; // control, escape, DEL, or a non-ASCII byte (negative)
    }
    return -1;
  }

  /** What {@link #pageEnd} answers when the bytes are not the end of a compact page. */
  static final String NOT_AN_END = new String("\u0000not an end");

  private static final byte[] CURSOR = ascii(",\"nextCursor\":");
  private static final byte[] NULL = ascii("null");

  /**
   * The {@code nextCursor} of a compact page whose items end just before {@code i}: the bytes from
   * {@code i} are {@code }}, or {@code ,"nextCursor":} then a plain ASCII string of at most {@code
   * maxCursor} bytes or {@code null}, then {@code }}, then only white space. {@code null} for no
   * cursor or a {@code null} one; {@link #NOT_AN_END} (compare by identity) for anything else.
   */
  static String pageEnd(byte[] b, int i, int maxCursor) {
    int n = b.length;
    if (i < 0 || i >= n) return NOT_AN_END;
    String cursor = null;
    if (b[i] != '}') {
      i = expect(b, i, CURSOR);
      if (i < 0 || i >= n) return NOT_AN_END;
      if (b[i] == '"') {
        int e = stringEnd(b, i + 1, maxCursor);
        if (e < 0) return NOT_AN_END;
        cursor = new String(b, i + 1, e - i - 1, StandardCharsets.US_ASCII);
        i = e + 1;
      } else {
        i = expect(b, i, NULL);
        if (i < 0) return NOT_AN_END;
      }
      if (i >= n || b[i] != '}') return NOT_AN_END;
    }
    for (i++; i < n; i++) {
      byte w = b[i];
      if (w != ' ' && w != '\n' && w != '\r' && w != '\t') return NOT_AN_END;
    }
    return cursor;
  }

  /** The ASCII bytes of a word the scanners look for. */
  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
