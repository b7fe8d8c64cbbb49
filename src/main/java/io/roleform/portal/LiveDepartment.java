package io.roleform.portal;

import java.util.Objects;

/**
 * A department as read live. Users point at it by id, so a rename keeps them in it.
 *
 * @param version sent as {@code If-Match} on a rename or deletion; may be {@code null}
 */
public record LiveDepartment(String id, String name, String version) {

  public LiveDepartment {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(name, "name == null");
  }
}
