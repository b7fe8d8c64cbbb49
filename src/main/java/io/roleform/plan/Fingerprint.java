package io.roleform.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.roleform.config.OnceHash;
import java.util.function.Supplier;

/**
 * What the live portal looked like when a plan was made: its {@code stateVersion} plus a SHA-256
 * of a canonical form of everything read. A saved plan is applied only if both still match.
 *
 * <p>A value, whose hash may be computed late: {@link Fingerprints#of} hashes at once, {@link
 * Fingerprints#lazy} only when {@link #liveHash} is first asked for (the text plan never shows
 * it: 2,000,000 memberships at XL are not hashed for nothing), or on a thread of its own from
 * {@link #start} (when the command knows its output shows it, so that the hashing overlaps the
 * diff).
 *
 * <p>Guarantees: {@link #liveHash} is the same string whether it was known, computed on the first
 * call or by {@link #start}, and is computed at most once ({@link OnceHash}); safe to use from any thread. Equal when
 * the state versions and the hashes are equal (which computes them). Its JSON form (in {@link
 * PlanJson}) is {@code {"stateVersion": N, "liveHash": "..."}}, as when it was a record.
 */
@JsonPropertyOrder({"stateVersion", "liveHash"})
public final class Fingerprint {
  private final long stateVersion;
  private final OnceHash hash;

  /** A fingerprint whose hash is known. */
  @JsonCreator
  public Fingerprint(@JsonProperty("stateVersion") long stateVersion, @JsonProperty("liveHash") String liveHash) {
    this(stateVersion, OnceHash.known(liveHash, "liveHash"));
  }

  private Fingerprint(long stateVersion, OnceHash hash) {
    this.stateVersion = stateVersion;
    this.hash = hash;
  }

  /** A fingerprint whose hash {@code hash} computes when first needed (it must never return null). */
  static Fingerprint computedWhenNeeded(long stateVersion, Supplier<String> hash) {
    return new Fingerprint(stateVersion, OnceHash.whenWanted(hash, "roleform-fingerprint"));
  }

  @JsonProperty("stateVersion")
  public long stateVersion() {
    return stateVersion;
  }

  /** The SHA-256 (hex); waits for {@link #start}'s thread, or computes it here if not started. */
  @JsonProperty("liveHash")
  public String liveHash() {
    return hash.value();
  }

  /**
   * Starts computing the hash on a daemon thread of its own, unless it is known or started; returns
   * this fingerprint.
   */
  public Fingerprint start() {
    hash.start();
    return this;
  }

  /**
   * Whether the hash is known, computed or being computed: {@code false} only for a {@link
   * Fingerprints#lazy} fingerprint that nobody has read nor started (tests of which outputs hash).
   */
  public boolean requested() {
    return hash.requested();
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Fingerprint other && stateVersion == other.stateVersion
        && liveHash().equals(other.liveHash());
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(stateVersion) + liveHash().hashCode();
  }

  @Override
  public String toString() {
    return "Fingerprint[stateVersion=" + stateVersion + ", liveHash=" + liveHash() + "]";
  }
}
