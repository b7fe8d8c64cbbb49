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
 * user and in one pass over each email looked up (its characters copied out in bulk first); a
 * look-up reads an int slot, then the user's hash and three words side by side (one cache line),
 * and compares them as longs. Longer or non-ASCII keys are
 * compared as strings. {@link #indexesOf} looks up a whole list: it packs every email first and
 * then probes, so that the probes' memory reads overlap. Immutable once built: safe to read from
 * several threads.
 */
final class EmailTable {

  /** Keys of at most this many ASCII characters are packed (the 24th byte of the words is the length). */
  static final int PACKED = 23;
  /** The third word of a key that is not packed (a packed key's third word starts with its length, at most 23). */
  private static final long NOT_PACKED = -1L;
  /** From this many users on, the keys are packed on two threads. */
  static final int SPLIT = 50_000;
  /** Longs per user in {@link #entries}: the key's hash, then its three words. */
  private static final int STRIDE = 4;

  /** Each user's index + 1, at the slot its hash leads to (0: empty); at most half full. */
  private final int[] slots;
  private final int shift;
  /**
   * Per user (index {@code u} at {@code STRIDE * u}): the key's hash, then the packed key's three
   * words ({@link #NOT_PACKED} third word: see {@link #keys}).
   */
  private final long[] entries;
  /** Each user's lower-cased email, by index, where it is not packed ({@code null} where it is). */
  private final String[] keys;

  EmailTable(List<LiveUser> users) {
    int n = users.size();
    int bits = 1;
    while ((1 << bits) < 2 * n && bits < 30) bits++;
    shift = 32 - bits;
    slots = new int[1 << bits];
    entries = new long[STRIDE * n];
    keys = new String[n];
    // The keys are packed on two threads (each its own users), then placed in order on this one.
    if (n < SPLIT) {
      packAll(users, 0, n);
    } else {
      Throwable[] failure = new Throwable[1];
      Thread helper = new Thread(() -> {
        try {
          packAll(users, 0, n / 2);
        } catch (Throwable e) {
          failure[0] = e;
        }
      }, "roleform-emails");
      helper.setDaemon(true);
      helper.start();
      packAll(users, n / 2, n);
      join(helper); // orders the helper's writes before the reads below (JLS 17.4.5)
      if (failure[0] instanceof RuntimeException e) throw e;
      if (failure[0] instanceof Error e) throw e;
    }
    int mask = slots.length - 1;
    for (int i = 0; i < n; i++) {
      int hash = (int) entries[STRIDE * i];
      for (int s = slot(hash); ; s = (s + 1) & mask) {
        int at = slots[s];
        if (at == 0 || matches(at - 1, hash, entries, STRIDE * i + 1, keys[i])) {
          slots[s] = i + 1; // a later user with the same key replaces the earlier one
          break;
        }
      }
    }
  }

  /** Packs the keys of {@code users[from, to)} into {@link #entries} (and {@link #keys}). */
  private void packAll(List<LiveUser> users, int from, int to) {
    char[] chars = new char[PACKED];
    for (int i = from; i < to; i++) {
      entries[STRIDE * i] = pack(users.get(i).email(), chars, entries, STRIDE * i + 1, keys, i);
    }
  }

  private static void join(Thread helper) {
    boolean interrupted = false;
    while (true) {
      try {
        helper.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  /** The index of the user whose email equals {@code email} case-insensitively (the last such), or -1. */
  int indexOf(String email) {
    long[] w = new long[3];
    String[] key = new String[1];
    int hash = pack(email, new char[PACKED], w, 0, key, 0);
    return probe(hash, w, 0, key[0]);
  }

  /** {@code out[i] = indexOf(emails.get(i))} for every email of {@code emails}. */
  void indexesOf(List<String> emails, int[] out) {
    indexesOf(emails, out, new Scratch());
  }

  /**
   * {@code out[i] = indexOf(emails.get(i))} for every email of {@code emails}, with the working
   * arrays of {@code scratch} (one thread's, reused from list to list: no allocation per list).
   */
  void indexesOf(List<String> emails, int[] out, Scratch scratch) {
    int n = emails.size();
    scratch.fit(n);
    int[] hash = scratch.hash;
    long[] w = scratch.words;
    String[] key = scratch.keys;
    char[] chars = scratch.chars;
    for (int i = 0; i < n; i++) hash[i] = pack(emails.get(i), chars, w, 3 * i, key, i);
    for (int i = 0; i < n; i++) out[i] = probe(hash[i], w, 3 * i, key[i]);
  }

  /** The working arrays of {@link #indexesOf}, grown as needed; for one thread. */
  static final class Scratch {
    private int[] hash = new int[0];
    private long[] words = new long[0];
    private String[] keys = new String[0];
    private final char[] chars = new char[PACKED];

    private void fit(int n) {
      if (hash.length >= n) return;
      int size = Math.max(n, 2 * hash.length);
      hash = new int[size];
      words = new long[3 * size];
      keys = new String[size];
    }
  }

  private int probe(int hash, long[] w, int at, String key) {
    int mask = slots.length - 1;
    for (int s = slot(hash); ; s = (s + 1) & mask) {
      int u = slots[s];
      if (u == 0) return -1;
      if (matches(u - 1, hash, w, at, key)) return u - 1;
    }
  }

  /** Whether user {@code u}'s key is the one packed at {@code w[at..at+2]} (or {@code key}, if not packed). */
  private boolean matches(int u, int hash, long[] w, int at, String key) {
    int e = STRIDE * u;
    if ((int) entries[e] != hash) return false;
    long third = w[at + 2];
    if (third == NOT_PACKED) return entries[e + 3] == NOT_PACKED && keys[u].equals(key);
    return entries[e + 1] == w[at] && entries[e + 2] == w[at + 1] && entries[e + 3] == third;
  }

  /**
   * Packs the key of {@code email} (lower-cased) into {@code w[at..at+2]} and returns its hash; a
   * key that cannot be packed gets {@link #NOT_PACKED} as third word, its string in {@code
   * key[i]}. A key is packed exactly when it is ASCII of at most {@value #PACKED} characters, so the
   * same key, however spelled, always gives the same words and hash. {@code chars}: room for
   * {@value #PACKED} characters.
   */
  static int pack(String email, char[] chars, long[] w, int at, String[] key, int i) {
    if (packAscii(email, chars, w, at)) return hash(w, at);
    // Non-ASCII or long: lower-cased as a string (which may then be short ASCII: the Kelvin sign).
    String lower = LiveIndex.key(email);
    if (lower != email && packAscii(lower, chars, w, at)) return hash(w, at);
    key[i] = lower;
    w[at] = 0;
    w[at + 1] = 0;
    w[at + 2] = NOT_PACKED;
    return lower.hashCode();
  }

  /** Packs {@code s} with A-Z lower-cased into {@code w[at..at+2]}, if it is ASCII of at most {@value #PACKED} characters. */
  private static boolean packAscii(String s, char[] chars, long[] w, int at) {
    int n = s.length();
    if (n > PACKED) return false;
    s.getChars(0, n, chars, 0); // one bulk copy: cheaper than a bounds-checked charAt per character
    int all = 0;
    long a = 0;
    long b = 0;
    long c = (long) n << 56;
    for (int k = 0; k < n; k++) {
      int ch = chars[k];
      all |= ch;
      if (ch >= 'A' && ch <= 'Z') ch += 'a' - 'A';
      if (k < 8) a |= (long) ch << (k << 3);
      else if (k < 16) b |= (long) ch << ((k - 8) << 3);
      else c |= (long) ch << ((k - 16) << 3);
    }
    if (all >= 0x80) return false;
    w[at] = a;
    w[at + 1] = b;
    w[at + 2] = c;
    return true;
  }

  private static int hash(long[] w, int at) {
    long h = w[at] * 0x9E3779B97F4A7C15L ^ w[at + 1] * 0xC2B2AE3D27D4EB4FL ^ w[at + 2] * 0x165667B19E3779F9L;
    return (int) (h ^ (h >>> 32));
  }

  /** The home slot of {@code hash}: its top bits after a multiplicative mix. */
  private int slot(int hash) {
    return (hash * 0x9E3779B9) >>> shift;
  }
}
