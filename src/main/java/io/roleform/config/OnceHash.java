package io.roleform.config;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A hash computed at most once, and only when wanted: read it ({@link #value}) and it is computed
 * there, or {@link #start} it on a daemon thread of its own so that it overlaps other work. The
 * one mechanism behind the config digest ({@link ConfigDigest}) and the live fingerprint ({@code
 * plan.Fingerprint}): on the launcher's C1-only JVM a SHA-256 of 60 MB costs ≈ 0.6 s of CPU, which
 * an output that never shows the hash should not pay.
 *
 * <p>Guarantees: {@link #value} is the same string whether it was known, computed on the first
 * call or by {@link #start}; the supplier runs at most once and must not return null; safe to use
 * from any thread.
 */
public final class OnceHash {
  private final String threadName;
  private Supplier<String> compute; // null once the value is known or started
  private CompletableFuture<String> value;

  private OnceHash(Supplier<String> compute, String threadName, String known) {
    this.compute = compute;
    this.threadName = threadName;
    this.value = known == null ? null : CompletableFuture.completedFuture(known);
  }

  /** A hash that {@code compute} makes when first wanted; {@link #start} names its thread {@code threadName}. */
  public static OnceHash whenWanted(Supplier<String> compute, String threadName) {
    return new OnceHash(Objects.requireNonNull(compute, "compute == null"), threadName, null);
  }

  /** A hash already known. */
  public static OnceHash known(String value, String what) {
    return new OnceHash(null, null, Objects.requireNonNull(value, what + " == null"));
  }

  /** Starts computing the hash on a daemon thread of its own, unless it is known or started. */
  public synchronized void start() {
    if (value != null) return;
    Supplier<String> c = compute;
    compute = null;
    value = CompletableFuture.supplyAsync(() -> checked(c), task -> {
      Thread t = new Thread(task, threadName);
      t.setDaemon(true);
      t.start();
    });
  }

  /** The hash; waits for {@link #start}'s thread, or computes it here if not started. */
  public String value() {
    CompletableFuture<String> v;
    synchronized (this) {
      if (value == null) {
        value = CompletableFuture.completedFuture(checked(compute));
        compute = null;
      }
      v = value;
    }
    return v.join();
  }

  /**
   * Whether the hash is known, computed or being computed: {@code false} only for one that nobody
   * has read nor started (tests of which commands and outputs hash).
   */
  public synchronized boolean requested() {
    return value != null;
  }

  private static String checked(Supplier<String> compute) {
    return Objects.requireNonNull(compute.get(), "hash == null");
  }
}
