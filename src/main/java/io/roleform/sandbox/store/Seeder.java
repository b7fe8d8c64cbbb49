package io.roleform.sandbox.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a profile's seed data into an empty database, in the caller's transaction. */
public final class Seeder {
  private Seeder() {}

  /** What a seeded database holds beyond the profile, for the generator. */
  record Seeded(List<String> permissionIds, long nextUser, long nextRole, long nextPosition) {}

  /** Seeds {@code profile}: catalog, users, roles in order, memberships and the portal row. */
  static Seeded seed(Connection c, Profile profile) throws SQLException {
    List<String> permissionIds = new ArrayList<>();
    for (int i = 0; i < profile.permissions().size(); i++) {
      PermissionRow p = profile.permissions().get(i);
      PermissionTable.insert(c, i, p);
      permissionIds.add(p.id());
    }
    List<String> caseCatalog =
        profile.permissions().stream()
            .filter(p -> p.id().equals("cases"))
            .findFirst()
            .map(PermissionRow::caseActions)
            .orElse(List.of());

    List<UserRow> users = new ArrayList<>(Profiles.commonUsers());
    users.addAll(profile.extraUsers());
    Map<String, String> idByEmail = new HashMap<>();
    try (PreparedStatement s = UserTable.prepareInsert(c)) {
      for (UserRow u : users) {
        UserTable.addBatch(s, u);
        idByEmail.put(u.email().toLowerCase(Locale.ROOT), u.id());
      }
      s.executeBatch();
    }

    int d = 0;
    for (Map.Entry<String, List<String>> e : Profiles.departments(profile.name()).entrySet()) {
      String departmentId = "d" + (++d);
      DepartmentTable.insert(c, new DepartmentRow(departmentId, e.getKey(), 1));
      for (String email : e.getValue()) addToDepartment(c, idByEmail.get(email.toLowerCase(Locale.ROOT)), departmentId);
    }

    List<Profile.RoleSeed> roles = profile.roles();
    try (PreparedStatement s = RoleTable.prepareInsert(c);
        PreparedStatement m = MembershipTable.prepareInsert(c)) {
      for (int i = 0; i < roles.size(); i++) {
        Profile.RoleSeed seed = roles.get(i);
        String id = "r" + (i + 1);
        List<String> permissions =
            seed.permissions() == null ? permissionIds : seed.permissions();
        List<String> caseActions = seed.caseActions() == null ? caseCatalog : seed.caseActions();
        RoleTable.addBatch(
            s,
            new RoleRow(
                id,
                seed.name(),
                seed.description(),
                permissions.stream().sorted().toList(),
                caseActions,
                i,
                seed.builtIn(),
                seed.fixedPermissions(),
                seed.members().size(),
                1));
        for (String email : seed.members()) {
          m.setString(1, id);
          m.setString(2, idByEmail.get(email.toLowerCase(Locale.ROOT)));
          m.addBatch();
        }
      }
      s.executeBatch();
      m.executeBatch();
    }

    String ownerId =
        profile.ownerEmail() == null
            ? null
            : idByEmail.get(profile.ownerEmail().toLowerCase(Locale.ROOT));
    PortalTable.insert(
        c,
        new PortalRow(
            profile.displayName(),
            profile.name(),
            1,
            "r1",
            profile.roleManagementPermission(),
            profile.hasSettings(),
            ownerId,
            profile.allowView(),
            profile.notifyMembers(),
            1),
        roles.size() + 1,
        users.size() + 1);
    return new Seeded(permissionIds, users.size() + 1, roles.size() + 1, roles.size());
  }

  static void addToDepartment(Connection c, String userId, String departmentId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "UPDATE users SET departments = json_insert(departments, '$[#]', ?) WHERE id = ?")) {
      s.setString(1, departmentId);
      s.setString(2, userId);
      s.executeUpdate();
    }
  }
}
