package io.roleform.portal.http;

import io.roleform.portal.PortalException;
import io.roleform.portal.PortalException.Kind;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * The pages of one list parsed one after the other on a pool thread while the list's own thread
 * goes on asking for the next pages: the chain of requests (each page names the next) then never
 * waits for a parse or for a hand-over between threads, only for the portal.
 *
 * <p>Guarantees: tasks run in the order they were added, each after the one before it finished (an
 * item reader sees its pages in order, from one thread at a time, each task's writes visible to the
 * next and to {@link #await}'s caller); at most {@link #AHEAD} tasks are pending, so at most that
 * many page bodies wait in memory ({@link #add} blocks until one finishes); after a task fails no
 * later task runs, and {@link #add} and {@link #await} throw its failure; after {@link #abandon}
 * no task that has not started runs (the list failed elsewhere: nobody reads its items).
 */
final class PageParsing {
  /** Pages that may wait for their parse. */
  static final int AHEAD = 4;

  private final ExecutorService pool;
  private final ArrayDeque<CompletableFuture<Void>> pending = new ArrayDeque<>();
  private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
  private volatile boolean abandoned;

  PageParsing(ExecutorService pool) {
    this.pool = pool;
  }

  /** Queues {@code task} after every earlier one; first waits while {@link #AHEAD} are pending. */
  void add(Runnable task) {
    while (!pending.isEmpty() && (pending.size() >= AHEAD || pending.peekFirst().isDone())) {
      join(pending.pollFirst());
    }
    check();
    last = last.thenRunAsync(() -> {
      if (!abandoned) task.run();
    }, pool);
    pending.addLast(last);
  }

  /** Throws the failure of a task that has failed; never waits. */
  void check() {
    if (last.isCompletedExceptionally()) join(last);
  }

  /** Skips every task that has not started yet; never waits. */
  void abandon() {
    abandoned = true;
  }

  /** Waits for every task; throws the first failure. */
  void await() {
    join(last);
    pending.clear();
  }

  private static void join(CompletableFuture<Void> f) {
    try {
      f.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) throw re;
      if (cause instanceof Error er) throw er;
      throw new IllegalStateException(cause);
    } catch (java.util.concurrent.CancellationException e) {
      throw new PortalException(Kind.UNAVAILABLE, 0, "Reading the portal was interrupted.");
    }
  }
}
