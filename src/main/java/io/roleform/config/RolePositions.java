package io.roleform.config;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The positions of one role's values ({@link DesiredRole#positions()}), immutable: the keys of the
 * role ({@code name}, {@code members} ...) in a small map, and the items of its lists ({@code
 * members/3}) read from the document's packed {@link ItemPositions} on demand, not copied one
 * entry per member. Behaves as the equivalent {@link Map} in every respect (iteration builds the
 * full map once).
 */
final class RolePositions extends AbstractMap<String, SourcePosition> {
  /** One list of the role: its items' positions and, when items were skipped, list index → item index. */
  record ListItems(ItemPositions positions, int[] indexes, int size) {
    SourcePosition get(int i) {
      if (i < 0 || i >= size) return null;
      return positions.get(indexes == null ? i : indexes[i]);
    }
  }

  private final Map<String, SourcePosition> keys;
  private final Map<String, ListItems> lists;
  private Map<String, SourcePosition> all;

  RolePositions(Map<String, SourcePosition> keys, Map<String, ListItems> lists) {
    this.keys = Map.copyOf(keys);
    this.lists = Map.copyOf(lists);
  }

  @Override
  public SourcePosition get(Object key) {
    if (!(key instanceof String k)) return null;
    SourcePosition p = keys.get(k);
    if (p != null) return p;
    int slash = k.indexOf('/');
    if (slash < 0) return null;
    ListItems list = lists.get(k.substring(0, slash));
    int index = ItemPositions.index(k.substring(slash + 1));
    return list == null || index < 0 ? null : list.get(index);
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public Set<Entry<String, SourcePosition>> entrySet() {
    if (all == null) {
      Map<String, SourcePosition> m = new HashMap<>(keys);
      lists.forEach((name, list) -> {
        for (int i = 0; i < list.size(); i++) m.put(name + "/" + i, list.get(i));
      });
      all = Collections.unmodifiableMap(m);
    }
    return all.entrySet();
  }
}
