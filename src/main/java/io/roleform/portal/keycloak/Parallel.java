package io.roleform.portal.keycloak;

import io.roleform.portal.PortalException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one function over many inputs with at most {@code concurrency} calls in flight. After the
 * first failure no new call starts; that failure is rethrown once the running calls finish.
 */
final class Parallel {

  private final ExecutorService executor;

  /** {@code executor} must not bound its threads below the largest concurrency asked for. */
  Parallel(ExecutorService executor) {
    this.executor = executor;
  }

  /** Results in the order of {@code inputs}. */
  <I, O> List<O> map(List<I> inputs, int concurrency, Function<I, O> fn) {
    List<O> results = new ArrayList<>(java.util.Collections.nCopies(inputs.size(), null));
    if (inputs.isEmpty()) return results;
    if (inputs.size() == 1 || concurrency <= 1) {
      for (int i = 0; i < inputs.size(); i++) results.set(i, fn.apply(inputs.get(i)));
      return results;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean failed = new AtomicBoolean();
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < Math.min(concurrency, inputs.size()); w++) {
      workers.add(executor.submit(() -> {
        for (int i; !failed.get() && (i = next.getAndIncrement()) < inputs.size(); ) {
          try {
            O out = fn.apply(inputs.get(i));
            synchronized (results) {
              results.set(i, out);
            }
          } catch (RuntimeException e) {
            failed.set(true);
            throw e;
          }
        }
        return null;
      }));
    }
    RuntimeException first = null;
    for (Future<?> f : workers) {
      try {
        f.get();
      } catch (ExecutionException e) {
        RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        if (first == null) first = cause;
        else if (first != cause) first.addSuppressed(cause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PortalException(PortalException.Kind.UNAVAILABLE, 0, "Interrupted while talking to Keycloak.");
      }
    }
    if (first != null) throw first;
    synchronized (results) {
      return results;
    }
  }

  /** Runs {@code action} for every input. */
  <I> void forEach(List<I> inputs, int concurrency, java.util.function.Consumer<I> action) {
    map(inputs, concurrency, i -> {
      action.accept(i);
      return null;
    });
  }
}
