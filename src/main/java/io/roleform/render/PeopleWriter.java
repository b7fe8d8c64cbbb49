package io.roleform.render;

import io.roleform.portal.LiveDepartment;
import io.roleform.portal.LiveState;
import io.roleform.portal.LiveUser;
import io.roleform.portal.Capabilities.Feature;
import io.roleform.portal.UserStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code departments:} and {@code users:} sections of an export (DESIGN.md §7), so that a plan
 * of the exported config shows no changes: every department by name; every user who is not a
 * pending applier (appliers are approved or denied, not declared), sorted by email, with first and
 * last name, departments (on portals that have them), status, and {@code external: true} for a
 * collaborator of another organisation.
 */
final class PeopleWriter {

  private PeopleWriter() {}

  static String departments(LiveState live) {
    if (!live.has(Feature.DEPARTMENTS) || live.departments().isEmpty()) return "";
    List<LiveDepartment> sorted = new ArrayList<>(live.departments());
    sorted.sort(Comparator.comparing((LiveDepartment d) -> d.name().toLowerCase(Locale.ROOT)));
    StringBuilder out = new StringBuilder("departments:\n");
    for (LiveDepartment d : sorted) out.append("  - name: ").append(ConfigWriter.scalar(d.name())).append('\n');
    return out.toString();
  }

  static List<LiveUser> sorted(List<LiveUser> users) {
    List<LiveUser> out = new ArrayList<>(users);
    out.sort(Comparator.comparing((LiveUser u) -> u.email().toLowerCase(Locale.ROOT)).thenComparing(LiveUser::email));
    return out;
  }

  static String users(LiveState live, List<LiveUser> users) {
    Map<String, String> departmentNames = new HashMap<>();
    for (LiveDepartment d : live.departments()) departmentNames.put(d.id(), d.name());
    boolean departments = live.has(Feature.DEPARTMENTS);
    StringBuilder out = new StringBuilder();
    int written = 0;
    for (LiveUser u : sorted(users)) {
      if (u.status() == UserStatus.PENDING) continue;
      if (written++ == 0) out.append("users:\n");
      out.append("  - email: ").append(ConfigWriter.scalar(u.email())).append('\n');
      out.append("    firstName: ").append(ConfigWriter.scalar(u.firstName() == null ? "" : u.firstName())).append('\n');
      out.append("    lastName: ").append(ConfigWriter.scalar(u.lastName() == null ? "" : u.lastName())).append('\n');
      if (departments) {
        List<String> names = new ArrayList<>();
        for (String id : u.departments()) names.add(departmentNames.getOrDefault(id, id));
        names.sort(String.CASE_INSENSITIVE_ORDER);
        out.append("    departments: [");
        for (int i = 0; i < names.size(); i++) out.append(i == 0 ? "" : ", ").append(ConfigWriter.scalar(names.get(i)));
        out.append("]\n");
      }
      out.append("    status: ").append(u.status() == UserStatus.DISABLED ? "disabled" : "active").append('\n');
      if (u.external()) out.append("    external: true\n");
    }
    return out.toString();
  }
}
