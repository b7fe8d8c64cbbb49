package io.roleform.portal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One {@code POST /roles/{id}/members} body: ids to add and to remove, sorted.
 *
 * <p>A change within the portal's limit is one batch; only a larger one is split, into as few
 * batches as the limit allows (adds first, then removes, each in id order).
 */
record MemberBatch(List<String> add, List<String> remove) {

  static List<MemberBatch> split(Set<String> add, Set<String> remove, int limit) {
    List<String> adds = new ArrayList<>(new TreeSet<>(add));
    List<String> removes = new ArrayList<>(new TreeSet<>(remove));
    List<MemberBatch> batches = new ArrayList<>();
    int a = 0;
    int r = 0;
    while (a < adds.size() || r < removes.size()) {
      int addCount = Math.min(limit, adds.size() - a);
      int removeCount = Math.min(limit - addCount, removes.size() - r);
      batches.add(
          new MemberBatch(
              List.copyOf(adds.subList(a, a + addCount)),
              List.copyOf(removes.subList(r, r + removeCount))));
      a += addCount;
      r += removeCount;
    }
    return batches;
  }
}
