package io.roleform.plan;

import java.util.Objects;

/**
 * What the live portal looked like when a plan was made: its {@code stateVersion} plus a SHA-256
 * of a canonical form of everything read. A saved plan is applied only if both still match.
 */
public record Fingerprint(long stateVersion, String liveHash) {

  public Fingerprint {
    Objects.requireNonNull(liveHash, "liveHash == null");
  }
}
