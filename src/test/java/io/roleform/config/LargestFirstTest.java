package io.roleform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class LargestFirstTest {
  @RepeatedTest(20)
  void resultsComeInInputOrderAndEveryItemRunsOnce() {
    Random random = new Random();
    int n = random.nextInt(40);
    List<Long> sizes = new ArrayList<>();
    for (int i = 0; i < n; i++) sizes.add((long) random.nextInt(5));
    List<Integer> items = new ArrayList<>();
    for (int i = 0; i < n; i++) items.add(i);
    ConcurrentHashMap<Integer, AtomicInteger> runs = new ConcurrentHashMap<>();
    List<String> out = LargestFirst.map(items, i -> sizes.get(i), i -> {
      runs.computeIfAbsent(i, k -> new AtomicInteger()).incrementAndGet();
      return "r" + i;
    });
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < n; i++) expected.add("r" + i);
    assertThat(out).isEqualTo(expected);
    assertThat(runs).hasSize(n);
    assertThat(runs.values()).allMatch(c -> c.get() == 1);
  }

  @Test
  void theLargestItemsAreTakenFirstEqualSizesInInputOrder() {
    List<Long> sizes = List.of(3L, 9L, 1L, 9L, 5L, 3L);
    assertThat(LargestFirst.order(List.of(0, 1, 2, 3, 4, 5), sizes::get)).containsExactly(1, 3, 4, 0, 5, 2);
    assertThat(LargestFirst.order(List.of(), (Integer i) -> 0)).isEmpty();
  }

  @Test
  void aFailureIsRethrownAsThrownAfterEveryOtherItemRan() {
    AtomicInteger ran = new AtomicInteger();
    IllegalStateException boom = new IllegalStateException("boom");
    assertThatThrownBy(() -> LargestFirst.map(List.of(0, 1, 2, 3, 4, 5), i -> i, i -> {
      ran.incrementAndGet();
      if (i == 3) throw boom;
      return i;
    })).isSameAs(boom);
    assertThat(ran.get()).isEqualTo(6);
  }

  @Test
  void anErrorIsRethrownAsThrown() {
    StackOverflowError deep = new StackOverflowError("deep");
    assertThatThrownBy(() -> LargestFirst.map(List.of(0, 1, 2), i -> 0, i -> {
      if (i == 0) throw deep;
      return i;
    })).isSameAs(deep);
  }
}
