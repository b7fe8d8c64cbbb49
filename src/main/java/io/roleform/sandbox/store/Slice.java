package io.roleform.sandbox.store;

import java.util.List;

/**
 * One keyset page of rows.
 *
 * @param items at most the requested number of rows, in the list's order
 * @param more whether rows follow the last item
 */
public record Slice<T>(List<T> items, boolean more) {
  public Slice {
    items = List.copyOf(items);
  }

  /** Builds a slice from up to {@code limit + 1} fetched rows. */
  static <T> Slice<T> of(List<T> fetched, int limit) {
    boolean more = fetched.size() > limit;
    return new Slice<>(more ? fetched.subList(0, limit) : fetched, more);
  }
}
