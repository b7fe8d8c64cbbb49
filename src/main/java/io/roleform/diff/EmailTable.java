package io.roleform.diff;

import io.roleform.portal.LiveUser;
import java.util.List;

/**
 * The live users by email, case-insensitively ({@link LiveIndex#key}): each email's index in the
 * users list. Answers as a {@code HashMap} from lower-cased email to user filled in list order
 * would: where two users' emails are equal case-insensitively, the later one.
 *
 * <p>Why not that {@code HashMap}: the diff looks up one email per membership (2,000,000 at XL) in
 * a table of all users (500,000), and each look-up there reads an entry, its key string and the
 * key's bytes, scattered over the heap: a few cache misses each. Here a key of up to {@value
 * #PACKED} ASCII characters (most emails) is packed, lower-cased, into three longs, once per live
 * user and in one pass over each email looked up; a look-up reads an int slot, the user's hash and
 * its three words, all in flat arrays, and compares them as longs. Longer or non-ASCII keys are
 * compared as strings. {@link #indexesOf} looks up a whole list: it packs every email first and
 * then probes, so that the probes' memory reads overlap. Immutable once built: safe to read from
 * several threads.
 */
final class EmailTable {

  /** Keys of at most this many ASCII characters are packed (the 24th byte of the words is the length). */
  static final int PACKED = 23;
  /** The third word of a key that is not packed (a packed key's third word starts with its length, at most 23). */
  private static final long NOT_PACKED = -1L;

  /** Each user's index + 1, at the slot its hash leads to (0: empty); at most half full. */
  private final int[] slots;
  private final int shift;
  /** Each user's key hash, by index. */
  private final int[] hashes;
  /** Each user's packed key, three words per index ({@link #NOT_PACKED} third word: see {@link #keys}). */
  private final long[] words;
  /** Each user's lower-cased email, by index, where it is not packed ({@code null} where it is). */
  private final String[] keys;

  EmailTable(List<LiveUser> users) {
    int n = users.size();
    int bits = 1;
    while ((1 << bits) < 2 * n && bits < 30) bits++;
    shift = 32 - bits;
    slots = new int[1 << bits];
    hashes = new int[n];
    words = new long[3 * n];
    keys = new String[n];
    for (int i = 0; i < n; i++) {
      int hash = pack(users.get(i).email(), words, i, keys);
      hashes[i] = hash;
      int mask = slots.length - 1;
      for (int s = slot(hash); ; s = (s + 1) & mask) {
        int at = slots[s];
        if (at == 0 || matches(at - 1, hash, words, i, keys[i])) {
          slots[s] = i + 1; // a later user with the same key replaces the earlier one
          break;
        }
      }
    }
  }

  /** The index of the user whose email equals {@code email} case-insensitively (the last such), or -1. */
  int indexOf(String email) {
    long[] w = new long[3];
    String[] key = new String[1];
    int hash = pack(email, w, 0, key);
    return probe(hash, w, 0, key[0]);
  }

  /** {@code out[i] = indexOf(emails.get(i))} for every email of {@code emails}. */
  void indexesOf(List<String> emails, int[] out) {
    int n = emails.size();
    int[] hash = new int[n];
    long[] w = new long[3 * n];
    String[] key = new String[n];
    for (int i = 0; i < n; i++) hash[i] = pack(emails.get(i), w, i, key);
    for (int i = 0; i < n; i++) out[i] = probe(hash[i], w, i, key[i]);
  }

  private int probe(int hash, long[] w, int i, String key) {
    int mask = slots.length - 1;
    for (int s = slot(hash); ; s = (s + 1) & mask) {
      int at = slots[s];
      if (at == 0) return -1;
      if (matches(at - 1, hash, w, i, key)) return at - 1;
    }
  }

  /** Whether user {@code u}'s key is the one packed at {@code w[3i..]} (or {@code key}, if not packed). */
  private boolean matches(int u, int hash, long[] w, int i, String key) {
    if (hashes[u] != hash) return false;
    long third = w[3 * i + 2];
    if (third == NOT_PACKED) return words[3 * u + 2] == NOT_PACKED && keys[u].equals(key);
    return words[3 * u] == w[3 * i] && words[3 * u + 1] == w[3 * i + 1] && words[3 * u + 2] == third;
  }

  /**
   * Packs the key of {@code email} (lower-cased) into {@code w[3i..3i+2]} and returns its hash; a
   * key that cannot be packed gets {@link #NOT_PACKED} as third word, its string in {@code
   * key[i]}. A key is packed exactly when it is ASCII of at most {@value #PACKED} characters, so the
   * same key, however spelled, always gives the same words and hash.
   */
  static int pack(String email, long[] w, int i, String[] key) {
    if (packAscii(email, w, i)) return hash(w, i);
    // Non-ASCII or long: lower-cased as a string (which may then be short ASCII: the Kelvin sign).
    String lower = LiveIndex.key(email);
    if (lower != email && packAscii(lower, w, i)) return hash(w, i);
    key[i] = lower;
    w[3 * i] = 0;
    w[3 * i + 1] = 0;
    w[3 * i + 2] = NOT_PACKED;
    return lower.hashCode();
  }

  /** Packs {@code s} with A-Z lower-cased into {@code w[3i..3i+2]}, if it is ASCII of at most {@value #PACKED} characters. */
  private static boolean packAscii(String s, long[] w, int i) {
    int n = s.length();
    if (n > PACKED) return false;
    long a = 0;
    long b = 0;
    long c = (long) n << 56;
    for (int k = 0; k < n; k++) {
      int ch = s.charAt(k);
      if (ch >= 0x80) return false;
      if (ch >= 'A' && ch <= 'Z') ch += 'a' - 'A';
      long v = (long) ch << ((k & 7) << 3);
      if (k < 8) a |= v;
      else if (k < 16) b |= v;
      else c |= v;
    }
    w[3 * i] = a;
    w[3 * i + 1] = b;
    w[3 * i + 2] = c;
    return true;
  }

  private static int hash(long[] w, int i) {
    long h = w[3 * i] * 0x9E3779B97F4A7C15L ^ w[3 * i + 1] * 0xC2B2AE3D27D4EB4FL ^ w[3 * i + 2] * 0x165667B19E3779F9L;
    return (int) (h ^ (h >>> 32));
  }

  /** The home slot of {@code hash}: its top bits after a multiplicative mix. */
  private int slot(int hash) {
    return (hash * 0x9E3779B9) >>> shift;
  }
}
