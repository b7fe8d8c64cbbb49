package io.roleform.config;

import java.util.List;

/**
 * The SHA-256 of a config's files ({@link ConfigLoader#digest}), computed only when it is asked
 * for: {@code validate} never hashes (6 MB of config cost ~0.15 s of CPU under the launcher's
 * C1-only JVM, which has no SHA intrinsic), while {@code plan} and {@code apply} start it on a
 * thread of its own ({@link #start}) as soon as the config is loaded, so that it overlaps the
 * portal read and the diff.
 *
 * <p>Guarantees: {@link #value} is always the same string as {@link ConfigLoader#digest} of the
 * same files in the same order, whether or not {@link #start} was called, and is computed at most
 * once ({@link OnceHash}); safe to use from any thread. Two digests are equal when their values are.
 */
public final class ConfigDigest {
  private final OnceHash hash;
  // The files, in order (empty for a known digest), weakly: a digest kept with a plan does not keep
  // the config's bytes alive, and isOf compares the very objects (a caller passing them holds them).
  private final List<java.lang.ref.WeakReference<ConfigSource>> files;

  private ConfigDigest(OnceHash hash, List<ConfigSource> files) {
    this.hash = hash;
    this.files = files.stream().map(java.lang.ref.WeakReference::new).toList();
  }

  /** The digest of these files, computed when first needed. */
  public static ConfigDigest of(List<ConfigSource> sources) {
    List<ConfigSource> files = List.copyOf(sources);
    return new ConfigDigest(OnceHash.whenWanted(() -> ConfigLoader.digest(files), "roleform-digest"), files);
  }

  /** A digest already known (tests, states not read from files). */
  public static ConfigDigest known(String value) {
    return new ConfigDigest(OnceHash.known(value, "digest"), List.of());
  }

  /**
   * Whether this is {@link #of} these files (the same objects, by identity, in the same order), so
   * that it can stand for their digest without hashing them again: a guard against passing the
   * digest of other files, not a comparison of contents.
   */
  public boolean isOf(List<ConfigSource> sources) {
    if (sources.size() != files.size()) return false;
    for (int i = 0; i < files.size(); i++) {
      if (files.get(i).get() != sources.get(i)) return false;
    }
    return true;
  }

  /** Starts computing the digest on a daemon thread of its own, unless it is known or started. */
  public void start() {
    hash.start();
  }

  /** The SHA-256 (hex); waits for {@link #start}'s thread, or computes it here if not started. */
  public String value() {
    return hash.value();
  }

  /**
   * Whether the digest is known, computed or being computed: {@code false} only for a digest of
   * files that nobody has read nor started (tests of which commands and outputs hash).
   */
  public boolean requested() {
    return hash.requested();
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
