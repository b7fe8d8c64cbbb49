package io.roleform.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Maps the files of a config in parallel, the largest first: the calling thread and as many of the
 * common pool's threads as there are other cores take the next file (by size, descending) until
 * none is left. On two cores a parallel stream split the 8 files of a large export into pairs in
 * path order, which could leave one thread with twice the bytes of the other; taking the largest
 * first keeps the two within one file of each other.
 *
 * <p>Guarantees: the results are in the order of the input, whatever order the work ran in; a
 * failure is rethrown on the caller as thrown (the first in input order, after every task has
 * finished).
 */
final class LargestFirst {
  private LargestFirst() {}

  static <T, R> List<R> map(List<T> items, ToLongFunction<T> size, Function<T, R> task) {
    int n = items.size();
    Integer[] order = order(items, size);
    Object[] results = new Object[n];
    Throwable[] failures = new Throwable[n];
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      for (int k; (k = next.getAndIncrement()) < n; ) {
        int i = order[k];
        try {
          results[i] = task.apply(items.get(i));
        } catch (RuntimeException | Error e) {
          failures[i] = e;
        }
      }
    };
    int helpers = Math.min(n, Runtime.getRuntime().availableProcessors()) - 1;
    List<ForkJoinTask<?>> started = new ArrayList<>();
    for (int h = 0; h < helpers; h++) started.add(ForkJoinPool.commonPool().submit(worker));
    worker.run();
    // A helper not started by now finds nothing left (join may even run it here); the worker
    // catches its tasks' failures, so joining throws nothing.
    for (ForkJoinTask<?> f : started) f.join();
    for (Throwable t : failures) {
      if (t instanceof RuntimeException r) throw r;
      if (t instanceof Error e) throw e;
    }
    List<R> out = new ArrayList<>(n);
    for (Object r : results) {
      @SuppressWarnings("unchecked")
      R typed = (R) r;
      out.add(typed);
    }
    return out;
  }

  /** The indexes of {@code items} by size, the largest first; equal sizes in input order. */
  static <T> Integer[] order(List<T> items, ToLongFunction<T> size) {
    Integer[] order = new Integer[items.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    // Arrays.sort of objects is stable: equal sizes keep their input order.
    Arrays.sort(order, Comparator.comparingLong((Integer i) -> size.applyAsLong(items.get(i))).reversed());
    return order;
  }
}
