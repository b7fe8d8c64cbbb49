package io.roleform.sandbox.store;

import io.roleform.sandbox.GenerateSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Adds a large synthetic portal on top of a profile's seed: users {@code u<n>} with
 * {@code user<n>@gen.example} (every 100th pending, every 50th external), user-defined roles
 * {@code Generated role <n>} with one to three random permissions, and distinct random memberships
 * of active users in those roles. Deterministic for a given seed; runs in the caller's transaction
 * with batched inserts.
 */
final class Generator {
  private Generator() {}

  static void generate(Connection c, Seeder.Seeded seeded, GenerateSpec spec, long seed)
      throws SQLException {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> userIds = new ArrayList<>(spec.users());
    List<String> activeUserIds = new ArrayList<>(spec.users());
    try (PreparedStatement s = UserTable.prepareInsert(c)) {
      for (int i = 0; i < spec.users(); i++) {
        long n = seeded.nextUser() + i;
        boolean pending = i % 100 == 99;
        String id = "u" + n;
        UserTable.addBatch(
            s,
            new UserRow(
                id,
                "user" + n + "@gen.example",
                "User",
                "Number " + n,
                pending ? UserRow.PENDING : UserRow.ACTIVE,
                spec.externals() ? i % 10 == 9 : i % 50 == 49,
                spec.departments() > 0 ? List.of("dg" + (i % spec.departments() + 1)) : List.of(),
                1));
        userIds.add(id);
        if (!pending) {
          activeUserIds.add(id);
        }
        if (i % 5000 == 4999) {
          s.executeBatch();
        }
      }
      s.executeBatch();
    }

    for (int i = 0; i < spec.departments(); i++) {
      DepartmentTable.insert(c, new DepartmentRow("dg" + (i + 1), String.format("Generated department %04d", i + 1), 1));
    }

    List<String> roleIds = new ArrayList<>(spec.roles());
    List<String> catalog = seeded.permissionIds();
    try (PreparedStatement s = RoleTable.prepareInsert(c)) {
      for (int i = 0; i < spec.roles(); i++) {
        String id = "r" + (seeded.nextRole() + i);
        List<String> shuffled = new ArrayList<>(catalog);
        Collections.shuffle(shuffled, new java.util.Random(random.nextLong()));
        List<String> permissions =
            shuffled.subList(0, 1 + random.nextInt(Math.min(3, shuffled.size()))).stream()
                .sorted()
                .toList();
        RoleTable.addBatch(
            s,
            new RoleRow(
                id,
                String.format("Generated role %05d", i + 1),
                "Synthetic role for benchmarks",
                permissions,
                List.of(),
                seeded.nextPosition() + i,
                false,
                false,
                0,
                1));
        roleIds.add(id);
      }
      s.executeBatch();
    }

    if (spec.memberships() > 0) {
      long users = activeUserIds.size();
      java.util.HashSet<Long> chosen = new java.util.HashSet<>(spec.memberships() * 2);
      while (chosen.size() < spec.memberships()) {
        chosen.add(random.nextLong(roleIds.size()) * users + random.nextLong(users));
      }
      long[] keys = chosen.stream().mapToLong(Long::longValue).sorted().toArray();
      try (PreparedStatement m =
          c.prepareStatement("INSERT INTO memberships (role_id, user_id) VALUES (?, ?)")) {
        for (int i = 0; i < keys.length; i++) {
          m.setString(1, roleIds.get((int) (keys[i] / users)));
          m.setString(2, activeUserIds.get((int) (keys[i] % users)));
          m.addBatch();
          if (i % 5000 == 4999) {
            m.executeBatch();
          }
        }
        m.executeBatch();
      }
      try (Statement s = c.createStatement()) {
        s.executeUpdate(
            "UPDATE roles SET member_count ="
                + " (SELECT COUNT(*) FROM memberships WHERE role_id = roles.id)");
      }
    }

    try (PreparedStatement s =
        c.prepareStatement("UPDATE portal SET next_role = ?, next_user = ? WHERE id = 1")) {
      s.setLong(1, seeded.nextRole() + spec.roles());
      s.setLong(2, seeded.nextUser() + spec.users());
      s.executeUpdate();
    }
    try (Statement s = c.createStatement()) {
      s.execute("ANALYZE");
    }
  }
}
