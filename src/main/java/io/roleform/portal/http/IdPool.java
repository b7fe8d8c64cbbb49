package io.roleform.portal.http;

import java.util.Arrays;

/**
 * The distinct ids of a list, each numbered once, looked up straight from the parser's buffer: the
 * 2,000,000 memberships of an XL portal name 500,000 users, so a membership is an int and no
 * throw-away string is made per look-up. Not thread-safe (one list's pages are parsed on one
 * thread).
 *
 * <p>Short ids — 1 to 8 ASCII characters, none of them NUL, as {@code u123456} — are their own key:
 * the characters packed into a {@code long} (first character in the low byte; no NUL, so the length
 * is where the zero bytes start), kept in the hash table next to their number. A look-up is then one
 * probe of one table slot (key and number share a cache line) and no comparison of characters
 * elsewhere in memory: at XL the table is far larger than the caches, and the former table (hashes,
 * numbers and each id's {@code char[]} in three places) cost three or four cache misses per
 * look-up — a third of the read's CPU. Other ids (longer, non-ASCII) go to a second table of hashes
 * and character arrays. Both tables are open-addressed with linear probing and Fibonacci hashing.
 */
final class IdPool {
  /** Pairs (packed key, number); key 0: empty. */
  private long[] packed = new long[2 << 12];
  private int packedShift = 64 - 12;
  private int packedSize;

  /** Other ids: slot to number + 1 (0: empty), and the slot's string hash. */
  private int[] slots = new int[1 << 6];
  private int[] hashes = new int[1 << 6];
  private int shift = 32 - 6;
  private int otherSize;

  /** Per number: its packed key, or 0 with its characters in {@link #chars}. */
  private long[] keys = new long[1 << 10];
  private char[][] chars = new char[1 << 10][];
  private int size;

  /** The number of the id {@code text[offset, offset + length)}, numbered from 0 as first seen. */
  int of(char[] text, int offset, int length) {
    long key = pack(text, offset, length);
    return key != 0 ? ofPacked(key) : ofOther(text, offset, length);
  }

  /**
   * As {@link #of(char[], int, int)} for an id of ASCII bytes {@code utf8[offset, offset + length)}
   * (each byte 0x01–0x7F: the caller checked), without decoding it to characters.
   */
  int ofAscii(byte[] utf8, int offset, int length) {
    long key = packAscii(utf8, offset, length);
    if (key != 0) return ofPacked(key);
    char[] text = new char[length];
    for (int i = 0; i < length; i++) text[i] = (char) utf8[offset + i];
    return ofOther(text, 0, length);
  }

  /** The packed key of the ASCII id {@code utf8[offset, offset + length)} (bytes 0x01–0x7F), or 0 if it is not short. */
  static long packAscii(byte[] utf8, int offset, int length) {
    if (length < 1 || length > 8) return 0;
    long key = 0;
    for (int i = offset + length - 1; i >= offset; i--) key = (key << 8) | utf8[i];
    return key;
  }

  /**
   * For each {@code k < count} with {@code numbers[k] < 0}: {@code numbers[k] =} the number of the
   * short id packed in {@code keys[k]} ({@link #packAscii}). A page's look-ups together: first every
   * key's table slot is read in a loop of independent loads, so that their cache misses overlap
   * instead of coming one after the other (at XL the table is far larger than the caches), then
   * each key is looked up (and added) as by {@link #of}.
   */
  void ofPacked(long[] keys, int[] numbers, int count) {
    long[] table = packed;
    long touched = 0;
    for (int k = 0; k < count; k++) {
      if (numbers[k] < 0) touched += table[packedSlot(keys[k])];
    }
    sink = touched;
    for (int k = 0; k < count; k++) {
      if (numbers[k] < 0) numbers[k] = ofPacked(keys[k]);
    }
  }

  /** Keeps the loads of {@link #ofPacked(long[], int[], int)}'s first loop from being optimised away. */
  private long sink;

  /**
   * {@code out[k] = find(ids[k])} for {@code from <= k < to}, a chunk's table slots read together
   * first (as {@link #ofPacked(long[], int[], int)}). Adds nothing, so several threads may call it
   * at once on disjoint ranges once no thread adds.
   */
  void find(String[] ids, int from, int to, int[] out) {
    long[] chunk = new long[256];
    long[] table = packed;
    for (int start = from; start < to; start += chunk.length) {
      int end = Math.min(to, start + chunk.length);
      long touched = 0;
      for (int k = start; k < end; k++) {
        long key = pack(ids[k]);
        chunk[k - start] = key;
        if (key > 0) touched += table[packedSlot(key)];
      }
      if (touched == 1) out[start] = 0; // keeps the loads; overwritten below
      for (int k = start; k < end; k++) {
        long key = chunk[k - start];
        out[k] = key > 0 ? findPacked(key) : find(ids[k]);
      }
    }
  }

  /** The packed key of {@code id}, or -1 if it is not a short ASCII id without NUL. */
  private static long pack(String id) {
    int length = id.length();
    if (length < 1 || length > 8) return -1;
    long key = 0;
    for (int i = length - 1; i >= 0; i--) {
      char c = id.charAt(i);
      if (c == 0 || c > 0x7F) return -1;
      key = (key << 8) | c;
    }
    return key;
  }

  /** The number of the id {@code id}, or -1 if it was never seen. Adds nothing. */
  int find(String id) {
    int length = id.length();
    long key = pack(id);
    if (key > 0) return findPacked(key);
    int h = id.hashCode();
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
    long key = keys[n];
    if (key == 0) return new String(chars[n]);
    char[] c = new char[8];
    int length = 0;
    for (; key != 0; key >>>= 8) c[length++] = (char) (key & 0x7F);
    return new String(c, 0, length);
  }

  /** The packed key of a short ASCII id without NUL, or 0. */
  private static long pack(char[] text, int offset, int length) {
    if (length < 1 || length > 8) return 0;
    long key = 0;
    for (int i = offset + length - 1; i >= offset; i--) {
      char c = text[i];
      if (c == 0 || c > 0x7F) return 0;
      key = (key << 8) | c;
    }
    return key;
  }

  private int packedSlot(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> packedShift) << 1;
  }

  private int ofPacked(long key) {
    long[] table = packed;
    int mask = table.length - 1;
    int slot = packedSlot(key);
    for (long k; (k = table[slot]) != 0; slot = (slot + 2) & mask) {
      if (k == key) return (int) table[slot + 1];
    }
    int n = add(key, null);
    table[slot] = key;
    table[slot + 1] = n;
    if (++packedSize * 4 > table.length) growPacked();
    return n;
  }

  private int findPacked(long key) {
    long[] table = packed;
    int mask = table.length - 1;
    for (int slot = packedSlot(key); table[slot] != 0; slot = (slot + 2) & mask) {
      if (table[slot] == key) return (int) table[slot + 1];
    }
    return -1;
  }

  private int ofOther(char[] text, int offset, int length) {
    int h = 0;
    for (int i = 0; i < length; i++) h = 31 * h + text[offset + i];
    int mask = slots.length - 1;
    int slot = slot(h);
    for (int n; (n = slots[slot]) != 0; slot = (slot + 1) & mask) {
      char[] c = chars[n - 1];
      if (hashes[slot] == h && Arrays.equals(c, 0, c.length, text, offset, offset + length)) return n - 1;
    }
    int n = add(0, Arrays.copyOfRange(text, offset, offset + length));
    slots[slot] = n + 1;
    hashes[slot] = h;
    if (++otherSize * 2 > slots.length) grow();
    return n;
  }

  private int add(long key, char[] text) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      chars = Arrays.copyOf(chars, size * 2);
    }
    keys[size] = key;
    chars[size] = text;
    return size++;
  }

  /**
   * Fibonacci hashing: ids such as {@code u1 … u50000} have string hashes in a narrow lattice, which
   * a mask of the low bits packs into long runs (6.6 probes per id on average at L, against 1.16).
   */
  private int slot(int h) {
    return (h * 0x9E3779B9) >>> shift;
  }

  private void growPacked() {
    long[] old = packed;
    packed = new long[old.length * 2];
    packedShift--;
    int mask = packed.length - 1;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] == 0) continue;
      int slot = packedSlot(old[i]);
      while (packed[slot] != 0) slot = (slot + 2) & mask;
      packed[slot] = old[i];
      packed[slot + 1] = old[i + 1];
    }
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
