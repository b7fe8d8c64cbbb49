package io.roleform.config;

import java.util.List;
import java.util.Objects;

/**
 * The desired state: every file of a config merged into one immutable value.
 *
 * <p>A {@code DesiredState} is only ever built from a config that passed validation, so its
 * internal references are consistent (unique names, no {@code copyFrom} cycles ...). References to
 * roles that may exist only in the live portal are checked later, at plan time.
 *
 * @param roles the declared roles, in the order the files were read
 * @param removed the explicit deletions
 * @param order the managed display order, or {@code null} when the order is not managed
 * @param settings portal settings; {@link DesiredSettings#UNMANAGED} when none are named
 * @param digest SHA-256 (hex) of the config files' bytes in path order, recorded in saved plans
 */
public record DesiredState(
    List<DesiredRole> roles,
    List<RemovedRole> removed,
    List<String> order,
    DesiredSettings settings,
    String digest) {

  public DesiredState {
    roles = List.copyOf(roles);
    removed = List.copyOf(removed);
    order = order == null ? null : List.copyOf(order);
    settings = settings == null ? DesiredSettings.UNMANAGED : settings;
    Objects.requireNonNull(digest, "digest == null");
  }
}
