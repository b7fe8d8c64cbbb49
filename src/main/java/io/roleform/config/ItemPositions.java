package io.roleform.config;

import java.util.Arrays;

/**
 * Where each item of one YAML sequence was written, packed as (line, column) pairs in one int
 * array: a large export has 200,000+ list items, and a {@link SourcePosition} plus a pointer string
 * and a map entry per item were most of the loader's garbage. A position object is made only when
 * one is asked for.
 */
final class ItemPositions {
  private final String file;
  private int[] packed = new int[16];
  private int size;
  private boolean complete = true;

  ItemPositions(String file) {
    this.file = file;
  }

  void add(int line, int column) {
    if (2 * size + 2 > packed.length) packed = Arrays.copyOf(packed, packed.length * 2);
    packed[2 * size] = line;
    packed[2 * size + 1] = column;
    size++;
  }

  /** An item whose position is kept elsewhere (the document's value map): a mapping, list or alias. */
  void addElsewhere() {
    add(0, 0);
    complete = false;
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
    if (index < 0 || index >= size || packed[2 * index] == 0) return null;
    return new SourcePosition(file, packed[2 * index], packed[2 * index + 1]);
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
