package io.roleform.config;

import java.util.Arrays;

/**
 * Where each item of one YAML sequence was written, packed in one int array — one int per item
 * while lines and columns are small enough (every export's), else a (line, column) pair — trimmed
 * to its size once the list is read: a large export has 2,000,000 list items, and a {@link
 * SourcePosition} plus a pointer string and a map entry per item were most of the loader's garbage.
 * A position object is made only when one is asked for.
 */
final class ItemPositions {
  /** Bits of a column in the one-int form (columns up to 2,047: every list item of an export). */
  private static final int COLUMN_BITS = 11;
  private static final int COLUMN_MASK = (1 << COLUMN_BITS) - 1;
  /** Largest line of the one-int form. */
  private static final int MAX_NARROW_LINE = (1 << (31 - COLUMN_BITS)) - 1;

  private final String file;
  /**
   * Per item {@code line << COLUMN_BITS | column} (one int: 0 for an item kept elsewhere) while every
   * line and column fits; once one does not, (line, column) pairs ({@link #wide}).
   */
  private int[] packed = new int[8];
  private boolean wide;
  private int size;
  private boolean complete = true;

  ItemPositions(String file) {
    this.file = file;
  }

  void add(int line, int column) {
    if (!wide && (line > MAX_NARROW_LINE || column > COLUMN_MASK)) widen();
    int stride = wide ? 2 : 1;
    if (stride * (size + 1) > packed.length) packed = Arrays.copyOf(packed, Math.max(8, packed.length * 2));
    if (wide) {
      packed[2 * size] = line;
      packed[2 * size + 1] = column;
    } else {
      packed[size] = line << COLUMN_BITS | column;
    }
    size++;
  }

  /** Switches to (line, column) pairs, keeping the items so far. */
  private void widen() {
    int[] pairs = new int[Math.max(8, 2 * packed.length)];
    for (int i = 0; i < size; i++) {
      pairs[2 * i] = packed[i] >>> COLUMN_BITS;
      pairs[2 * i + 1] = packed[i] & COLUMN_MASK;
    }
    packed = pairs;
    wide = true;
  }

  /** An item whose position is kept elsewhere (the document's value map): a mapping, list or alias. */
  void addElsewhere() {
    add(0, 0);
    complete = false;
  }

  /** Drops the room kept for more items: called once the list is read (the positions live as long as the config). */
  void trim() {
    int used = wide ? 2 * size : size;
    if (packed.length > used) packed = Arrays.copyOf(packed, used);
  }

  int size() {
    return size;
  }

  /** Whether every item's position is here (no {@link #addElsewhere} item). */
  boolean complete() {
    return complete;
  }

  /** The position of item {@code index}, or {@code null} if there is no such item or it is kept elsewhere. */
  SourcePosition get(int index) {
    if (index < 0 || index >= size) return null;
    int line = wide ? packed[2 * index] : packed[index] >>> COLUMN_BITS;
    int column = wide ? packed[2 * index + 1] : packed[index] & COLUMN_MASK;
    return line == 0 ? null : new SourcePosition(file, line, column);
  }

  /** The index in {@code pointer}'s last step when it is a plain list index, else -1. */
  static int index(String step) {
    if (step.isEmpty() || step.length() > 9 || (step.length() > 1 && step.charAt(0) == '0')) return -1;
    int n = 0;
    for (int i = 0; i < step.length(); i++) {
      char c = step.charAt(i);
      if (c < '0' || c > '9') return -1;
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
