package io.roleform.portal.http;

import java.util.Arrays;

/**
 * One string per distinct id, looked up straight from the parser's character buffer: the 200,000
 * memberships of an L portal name 50,000 users, and each user id becomes one {@code String} (not
 * one per membership, and no throw-away string per look-up). Open addressing, linear probing; not
 * thread-safe (one list's pages are parsed on one thread).
 */
final class IdPool {
  private String[] table = new String[1 << 12];
  /** The characters of each pooled string, compared as arrays (cheaper than {@code charAt}). */
  private char[][] chars = new char[1 << 12][];
  private int[] hashes = new int[1 << 12];
  private int size;

  /** The pooled string equal to {@code chars[offset, offset + length)}. */
  String of(char[] text, int offset, int length) {
    int h = 0;
    for (int i = 0; i < length; i++) h = 31 * h + text[offset + i];
    int mask = table.length - 1;
    int slot = mix(h) & mask;
    for (char[] c; (c = chars[slot]) != null; slot = (slot + 1) & mask) {
      if (hashes[slot] == h && Arrays.equals(c, 0, c.length, text, offset, offset + length)) return table[slot];
    }
    char[] copy = Arrays.copyOfRange(text, offset, offset + length);
    String s = new String(copy);
    table[slot] = s;
    chars[slot] = copy;
    hashes[slot] = h;
    if (++size * 2 > table.length) grow();
    return s;
  }

  private static int mix(int h) {
    return h ^ (h >>> 16) ^ (h >>> 7);
  }

  private void grow() {
    String[] oldTable = table;
    char[][] oldChars = chars;
    int[] oldHashes = hashes;
    table = new String[oldTable.length * 2];
    chars = new char[oldTable.length * 2][];
    hashes = new int[oldTable.length * 2];
    int mask = table.length - 1;
    for (int i = 0; i < oldTable.length; i++) {
      if (oldTable[i] == null) continue;
      int slot = mix(oldHashes[i]) & mask;
      while (table[slot] != null) slot = (slot + 1) & mask;
      table[slot] = oldTable[i];
      chars[slot] = oldChars[i];
      hashes[slot] = oldHashes[i];
    }
  }
}
