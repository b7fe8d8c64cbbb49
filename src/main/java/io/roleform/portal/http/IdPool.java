package io.roleform.portal.http;

import java.util.Arrays;

/**
 * The distinct ids of a list, each numbered once, looked up straight from the parser's character
 * buffer: the 200,000 memberships of an L portal name 50,000 users, so a membership is an int and
 * no throw-away string is made per look-up. Open addressing, linear probing; not thread-safe (one
 * list's pages are parsed on one thread).
 */
final class IdPool {
  /** Slot to id number + 1 (0: empty). */
  private int[] slots = new int[1 << 12];
  private int[] hashes = new int[1 << 12];
  private char[][] chars = new char[1 << 10][];
  /** 32 minus log2 of the table's length: {@link #slot} takes the product's top bits. */
  private int shift = 32 - 12;
  private int size;

  /** The number of the id {@code text[offset, offset + length)}, numbered from 0 as first seen. */
  int of(char[] text, int offset, int length) {
    int h = 0;
    for (int i = 0; i < length; i++) h = 31 * h + text[offset + i];
    int mask = slots.length - 1;
    int slot = slot(h);
    for (int n; (n = slots[slot]) != 0; slot = (slot + 1) & mask) {
      char[] c = chars[n - 1];
      if (hashes[slot] == h && Arrays.equals(c, 0, c.length, text, offset, offset + length)) return n - 1;
    }
    if (size == chars.length) chars = Arrays.copyOf(chars, size * 2);
    chars[size] = Arrays.copyOfRange(text, offset, offset + length);
    slots[slot] = size + 1;
    hashes[slot] = h;
    if (++size * 2 > slots.length) grow();
    return size - 1;
  }

  /** The number of the id {@code id}, or -1 if it was never seen. Adds nothing. */
  int find(String id) {
    int length = id.length();
    int h = 0;
    for (int i = 0; i < length; i++) h = 31 * h + id.charAt(i);
    int mask = slots.length - 1;
    for (int slot = slot(h), n; (n = slots[slot]) != 0; slot = (slot + 1) & mask) {
      if (hashes[slot] != h) continue;
      char[] c = chars[n - 1];
      if (c.length != length) continue;
      boolean same = true;
      for (int i = 0; i < length && same; i++) same = c[i] == id.charAt(i);
      if (same) return n - 1;
    }
    return -1;
  }

  /** How many distinct ids. */
  int size() {
    return size;
  }

  /** The id numbered {@code n}. */
  String id(int n) {
    return new String(chars[n]);
  }

  /**
   * Fibonacci hashing: ids such as {@code u1 … u50000} have string hashes in a narrow lattice, which
   * a mask of the low bits packs into long runs (6.6 probes per id on average at L, against 1.16).
   */
  private int slot(int h) {
    return (h * 0x9E3779B9) >>> shift;
  }

  private void grow() {
    int[] oldSlots = slots;
    int[] oldHashes = hashes;
    slots = new int[oldSlots.length * 2];
    hashes = new int[oldSlots.length * 2];
    shift--;
    int mask = slots.length - 1;
    for (int i = 0; i < oldSlots.length; i++) {
      if (oldSlots[i] == 0) continue;
      int slot = slot(oldHashes[i]);
      while (slots[slot] != 0) slot = (slot + 1) & mask;
      slots[slot] = oldSlots[i];
      hashes[slot] = oldHashes[i];
    }
  }
}
