package io.roleform.diff;

import java.util.Objects;

/**
 * Something a reviewer should know that is not a change: an unmanaged role, a user in no role.
 *
 * @param kind a stable machine-readable kind ({@code unmanaged-role}, {@code user-in-no-role} ...)
 * @param message one sentence for people
 */
public record Warning(String kind, String message) {

  public Warning {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(message, "message == null");
  }
}
