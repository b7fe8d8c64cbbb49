package io.roleform.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The people part of a {@link ConfigModel}: every entry still tied to its document path, so that
 * cross-file checks can name both places. Internal to loading; {@link DesiredPeople} leaves the
 * package.
 *
 * @param appliers the {@code appliers:} mapping, or {@code null} when no document has one
 * @param deny the entries of {@code appliers.deny}
 */
record PeopleModel(
    List<ConfigModel.Entry<DesiredUser>> users,
    List<ConfigModel.Entry<String>> removedUsers,
    List<ConfigModel.Entry<DesiredDepartment>> departments,
    List<ConfigModel.Entry<String>> removedDepartments,
    ConfigModel.Entry<DesiredAppliers> appliers,
    List<ConfigModel.Entry<String>> deny) {

  static final PeopleModel NONE = new PeopleModel(List.of(), List.of(), List.of(), List.of(), null, List.of());

  /** The merged, position-carrying value handed to later stages. */
  DesiredPeople toDesired() {
    if (users.isEmpty() && removedUsers.isEmpty() && departments.isEmpty() && removedDepartments.isEmpty()
        && appliers == null) {
      return DesiredPeople.NONE;
    }
    Map<String, SourcePosition> positions = new HashMap<>();
    for (int i = 0; i < removedUsers.size(); i++) positions.put("removedUsers/" + i, removedUsers.get(i).position());
    for (int i = 0; i < removedDepartments.size(); i++) {
      positions.put("removedDepartments/" + i, removedDepartments.get(i).position());
    }
    for (int i = 0; i < deny.size(); i++) positions.put("appliers/deny/" + i, deny.get(i).position());
    if (appliers != null) {
      positions.put("appliers", appliers.position());
      if (appliers.value().denyUnlisted() != null) {
        positions.put("appliers/denyUnlisted", appliers.position("denyUnlisted"));
      }
    }
    return new DesiredPeople(
        users.stream().map(ConfigModel.Entry::value).toList(),
        removedUsers.stream().map(ConfigModel.Entry::value).toList(),
        departments.stream().map(ConfigModel.Entry::value).toList(),
        removedDepartments.stream().map(ConfigModel.Entry::value).toList(),
        appliers == null ? DesiredAppliers.UNMANAGED : appliers.value(),
        positions);
  }
}
