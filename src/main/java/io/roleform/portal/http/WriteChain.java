package io.roleform.portal.http;

import java.util.OptionalLong;

/**
 * The state version each write is conditional on. Off until {@link #guard(long)}; then every write
 * sends {@code If-State-Version: <current>} and moves {@code current} to the {@code State-Version}
 * its answer carries, so the client's own writes chain and anyone else's write breaks the chain
 * (the portal answers 412).
 */
final class WriteChain {

  private Long current;

  synchronized void guard(long stateVersion) {
    current = stateVersion;
  }

  /** The version the next write requires, if guarded. */
  synchronized OptionalLong current() {
    return current == null ? OptionalLong.empty() : OptionalLong.of(current);
  }

  /** After a successful write that left the portal at {@code stateVersion}. */
  synchronized void advance(long stateVersion) {
    if (current != null) {
      current = stateVersion;
    }
  }

  synchronized boolean isGuarded() {
    return current != null;
  }
}
