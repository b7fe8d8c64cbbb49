package io.roleform.sandbox.store;

import java.util.List;

/**
 * One permission of the catalog.
 *
 * @param caseActions the case-action catalog (non-empty only for {@code cases} on case-portal)
 */
public record PermissionRow(String id, String name, String description, List<String> caseActions) {
  public PermissionRow {
    caseActions = List.copyOf(caseActions);
  }
}
