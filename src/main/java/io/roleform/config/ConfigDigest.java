package io.roleform.config;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The SHA-256 of a config's files ({@link ConfigLoader#digest}), computed only when it is asked
 * for: {@code validate} never hashes (6 MB of config cost ~0.15 s of CPU under the launcher's
 * C1-only JVM, which has no SHA intrinsic), while {@code plan} and {@code apply} start it on a
 * thread of its own ({@link #start}) as soon as the config is loaded, so that it overlaps the
 * portal read and the diff.
 *
 * <p>Guarantees: {@link #value} is always the same string as {@link ConfigLoader#digest} of the
 * same files in the same order, whether or not {@link #start} was called, and is computed at most
 * once; safe to use from any thread. Two digests are equal when their values are.
 */
public final class ConfigDigest {
  private final List<ConfigSource> sources;
  private CompletableFuture<String> value;

  private ConfigDigest(List<ConfigSource> sources, String value) {
    this.sources = sources;
    this.value = value == null ? null : CompletableFuture.completedFuture(value);
  }

  /** The digest of these files, computed when first needed. */
  public static ConfigDigest of(List<ConfigSource> sources) {
    return new ConfigDigest(List.copyOf(sources), null);
  }

  /** A digest already known (tests, states not read from files). */
  public static ConfigDigest known(String value) {
    return new ConfigDigest(List.of(), Objects.requireNonNull(value, "digest == null"));
  }

  /** Starts computing the digest on a daemon thread of its own, unless it is known or started. */
  public synchronized void start() {
    if (value != null) return;
    value = CompletableFuture.supplyAsync(() -> ConfigLoader.digest(sources), task -> {
      Thread t = new Thread(task, "roleform-digest");
      t.setDaemon(true);
      t.start();
    });
  }

  /** The SHA-256 (hex); waits for {@link #start}'s thread, or computes it here if not started. */
  public String value() {
    CompletableFuture<String> v;
    synchronized (this) {
      if (value == null) value = CompletableFuture.completedFuture(ConfigLoader.digest(sources));
      v = value;
    }
    return v.join();
  }

  /**
   * Whether the digest is known, computed or being computed: {@code false} only for a digest of
   * files that nobody has read nor started (tests of which commands and outputs hash).
   */
  public synchronized boolean requested() {
    return value != null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfigDigest other && value().equals(other.value());
  }

  @Override
  public int hashCode() {
    return value().hashCode();
  }

  @Override
  public String toString() {
    return value();
  }
}
