package io.roleform.portal;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the portal's permission catalog.
 *
 * @param id the stable id used in configs ({@code billing}, {@code cases} ...)
 * @param name the display name
 * @param description what the permission allows
 * @param caseActions the sub-permissions this permission can be narrowed to (only {@code cases} on
 *     a case-management portal has them); empty otherwise
 */
public record Permission(String id, String name, String description, List<String> caseActions) {

  public Permission {
    Objects.requireNonNull(id, "id == null");
    name = name == null ? id : name;
    description = description == null ? "" : description;
    caseActions = caseActions == null ? List.of() : List.copyOf(caseActions);
  }
}
