package io.roleform.portal.http;

import io.roleform.portal.LiveUser;
import io.roleform.portal.MemberRanks;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SortedSet;

/**
 * The member ids of one live role: an immutable set over a sorted array of distinct strings,
 * iterated in ascending order (as the {@code TreeSet} it replaces), {@code contains} by binary
 * search. One array slot per membership instead of a tree entry: 200,000 memberships at L. A
 * {@link SortedSet} in natural order, so that readers needing the ids sorted (the fingerprint) can
 * skip sorting them again.
 *
 * <p>Made by {@link MemberPages#byRole} over a users list in id order, it also knows its members'
 * indexes in that list ({@link MemberRanks}): the diff then compares members as ints.
 */
final class SortedIds extends AbstractSet<String> implements SortedSet<String>, MemberRanks {
  private final String[] ids;
  /** With {@link #ranks}: the list {@code ids[i]} is the id of element {@code ranks[i]} of; or {@code null}. */
  private final List<LiveUser> rankedUsers;
  private final int[] ranks;

  /** Sorts {@code ids} in place and keeps each id once. */
  static SortedIds of(String[] ids) {
    Arrays.sort(ids);
    int n = 0;
    for (int i = 0; i < ids.length; i++) {
      if (n == 0 || !ids[i].equals(ids[n - 1])) ids[n++] = ids[i];
    }
    return new SortedIds(n == ids.length ? ids : Arrays.copyOf(ids, n), null, null);
  }

  /** Over {@code ids} as they are: the caller guarantees them sorted and distinct. */
  static SortedIds ofSorted(String[] ids) {
    return new SortedIds(ids, null, null);
  }

  /**
   * Over {@code ids} as they are, with their indexes in {@code users}: the caller guarantees {@code
   * ids[i] == users.get(ranks[i]).id()}, {@code ranks} strictly ascending and the ids of {@code
   * users} distinct and ascending (so that {@code ids} is sorted too). Neither array is copied.
   */
  static SortedIds ofRanks(String[] ids, int[] ranks, List<LiveUser> users) {
    if (ids.length != ranks.length) throw new IllegalArgumentException(ids.length + " ids, " + ranks.length + " ranks");
    return new SortedIds(ids, ranks, users);
  }

  private SortedIds(String[] ids, int[] ranks, List<LiveUser> rankedUsers) {
    this.ids = ids;
    this.ranks = ranks;
    this.rankedUsers = rankedUsers;
  }

  @Override
  public List<LiveUser> rankedUsers() {
    return rankedUsers;
  }

  @Override
  public boolean ranksEqual(int[] other, int length) {
    return ranks != null && ranks.length == length && Arrays.equals(ranks, 0, length, other, 0, length);
  }

  /** {@code null}: natural order. */
  @Override
  public Comparator<? super String> comparator() {
    return null;
  }

  @Override
  public SortedSet<String> subSet(String fromElement, String toElement) {
    if (fromElement.compareTo(toElement) > 0) throw new IllegalArgumentException(fromElement + " > " + toElement);
    return range(fromElement, toElement);
  }

  @Override
  public SortedSet<String> headSet(String toElement) {
    return range(null, toElement);
  }

  @Override
  public SortedSet<String> tailSet(String fromElement) {
    return range(fromElement, null);
  }

  @Override
  public String first() {
    if (ids.length == 0) throw new NoSuchElementException();
    return ids[0];
  }

  @Override
  public String last() {
    if (ids.length == 0) throw new NoSuchElementException();
    return ids[ids.length - 1];
  }

  /** The ids from {@code from} (inclusive; null: the first) to {@code to} (exclusive; null: past the last), a copy. */
  private SortedIds range(String from, String to) {
    int start = from == null ? 0 : insertionPoint(from);
    int end = to == null ? ids.length : insertionPoint(to);
    return new SortedIds(Arrays.copyOfRange(ids, start, Math.max(start, end)), null, null);
  }

  private int insertionPoint(String id) {
    int i = Arrays.binarySearch(ids, java.util.Objects.requireNonNull(id));
    return i >= 0 ? i : -i - 1;
  }

  @Override
  public boolean contains(Object o) {
    return o instanceof String s && Arrays.binarySearch(ids, s) >= 0;
  }

  @Override
  public int size() {
    return ids.length;
  }

  @Override
  public Object[] toArray() {
    return ids.clone();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T[] toArray(T[] a) {
    // One array copy (the fingerprint copies every member list: 2,000,000 ids at XL), not an
    // iterator step per id as AbstractCollection's.
    if (a.length < ids.length) return (T[]) Arrays.copyOf(ids, ids.length, a.getClass());
    System.arraycopy(ids, 0, a, 0, ids.length);
    if (a.length > ids.length) a[ids.length] = null;
    return a;
  }

  @Override
  public Iterator<String> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < ids.length;
      }

      @Override
      public String next() {
        if (next >= ids.length) throw new NoSuchElementException();
        return ids[next++];
      }
    };
  }
}
