package io.roleform.config;

import java.util.List;

/**
 * What to do with pending appliers ({@code appliers:}). Approving is done through role {@code
 * members}; this says whom to deny.
 *
 * @param deny emails of pending appliers to deny; never {@code null}
 * @param denyUnlisted deny every pending applier no role's {@code members} approves; {@code null}
 *     when not managed (= {@code false})
 */
public record DesiredAppliers(List<String> deny, Boolean denyUnlisted) {

  public static final DesiredAppliers UNMANAGED = new DesiredAppliers(List.of(), null);

  public DesiredAppliers {
    deny = deny == null ? List.of() : List.copyOf(deny);
  }

  public boolean isUnmanaged() {
    return deny.isEmpty() && denyUnlisted == null;
  }

  /** Whether every applier no role approves is denied. */
  public boolean deniesUnlisted() {
    return Boolean.TRUE.equals(denyUnlisted);
  }
}
