package io.roleform.faults;

import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import io.roleform.portal.LiveUser;
import io.roleform.portal.UserStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A config for an app-roles portal with generated data that exercises every kind of write: new
 * roles, description and permission updates, member adds and removes on every generated role, a
 * pending applier approved, a new order and changed settings. Deterministic for a seed.
 */
final class GeneratedConfig {
  private GeneratedConfig() {}

  private static final List<String> PERMISSIONS =
      List.of("view-records", "add-records", "edit-records", "delete-records", "export-records");

  /** Writes {@code dir/roleform.yaml} for {@code live} with {@code newRoles} new roles; returns dir. */
  static Path write(Path dir, LiveState live, int newRoles, long seed) {
    Random random = new Random(seed);
    List<String> active = live.users().stream()
        .filter(u -> u.status() == UserStatus.ACTIVE && u.email().endsWith("@gen.example"))
        .map(LiveUser::email).toList();
    Map<String, String> emailById = new java.util.HashMap<>();
    live.users().forEach(u -> emailById.put(u.id(), u.email()));
    StringBuilder y = new StringBuilder("apiVersion: roleform/v1\n");
    y.append("settings:\n  owner: alice@acme.example\n  allowView: true\n  notifyMembers: false\n");
    List<String> names = new ArrayList<>();
    StringBuilder roles = new StringBuilder("roles:\n");
    role(roles, "Admin", null, null, List.of("alice@acme.example", "bob@acme.example"));
    role(roles, "Editors", null, List.of("view-records", "add-records", "edit-records"),
        List.of("carol@acme.example", "dan@acme.example", "sybil@partner.example", pick(active, random)));
    role(roles, "Viewers", null, List.of("view-records"),
        List.of("erin@acme.example", "frank@acme.example", "victor@acme.example", pick(active, random)));
    names.add("Editors");
    names.add("Viewers");
    int i = 0;
    for (LiveRole r : live.roles()) {
      if (!r.name().startsWith("Generated role")) {
        continue;
      }
      Set<String> members = new TreeSet<>();
      for (String id : live.members().get(r.id())) {
        if (random.nextInt(10) < 7) {
          members.add(emailById.get(id));
        }
      }
      for (int k = 0; k < 3; k++) {
        members.add(pick(active, random));
      }
      String description = i % 3 == 0 ? "Changed by the fault suite" : r.description();
      List<String> permissions = i % 5 == 0 ? permissions(random) : r.permissions();
      role(roles, r.name(), description, permissions, new ArrayList<>(members));
      names.add(r.name());
      i++;
    }
    for (int n = 1; n <= newRoles; n++) {
      String name = String.format("Team %03d", n);
      Set<String> members = new TreeSet<>();
      int size = 2 + random.nextInt(12);
      for (int k = 0; k < size; k++) {
        members.add(pick(active, random));
      }
      role(roles, name, "Team number " + n, permissions(random), new ArrayList<>(members));
      names.add(name);
    }
    Collections.shuffle(names, random);
    y.append("order:\n  - \"Admin\"\n");
    names.forEach(n -> y.append("  - \"").append(n).append("\"\n"));
    y.append(roles);
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("roleform.yaml"), y);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  private static List<String> permissions(Random random) {
    Set<String> set = new LinkedHashSet<>();
    int n = 1 + random.nextInt(3);
    while (set.size() < n) {
      set.add(PERMISSIONS.get(random.nextInt(PERMISSIONS.size())));
    }
    return new ArrayList<>(new TreeSet<>(set));
  }

  private static String pick(List<String> from, Random random) {
    return from.get(random.nextInt(from.size()));
  }

  private static void role(StringBuilder b, String name, String description, List<String> permissions,
      List<String> members) {
    b.append("  - name: \"").append(name).append("\"\n");
    if (description != null && !description.isEmpty()) {
      b.append("    description: \"").append(description).append("\"\n");
    }
    if (permissions != null) {
      b.append("    permissions: [").append(String.join(", ", permissions)).append("]\n");
    }
    b.append("    members:\n");
    new TreeSet<>(members).forEach(m -> b.append("      - \"").append(m).append("\"\n"));
  }
}
