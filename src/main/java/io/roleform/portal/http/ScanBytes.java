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

  /** The ASCII bytes of a word the scanners look for. */
  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
