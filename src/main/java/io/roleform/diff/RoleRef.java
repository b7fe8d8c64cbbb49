package io.roleform.diff;

import java.util.Objects;

/**
 * A role named by an operation. {@code id} is {@code null} for a role that this plan creates; apply
 * resolves it by name once the creation has run.
 */
public record RoleRef(String id, String name) {

  public RoleRef {
    Objects.requireNonNull(name, "name == null");
  }

  @Override
  public String toString() {
    return name;
  }
}
