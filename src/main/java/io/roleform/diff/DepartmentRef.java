package io.roleform.diff;

import java.util.Objects;

/**
 * A department named by an operation. {@code id} is {@code null} for a department this plan
 * creates; apply resolves it by name once the creation has run.
 */
public record DepartmentRef(String id, String name) {

  public DepartmentRef {
    Objects.requireNonNull(name, "name == null");
  }

  @Override
  public String toString() {
    return name;
  }
}
