package io.roleform.plan;

import io.roleform.config.DesiredRole;
import io.roleform.config.DesiredSettings;
import io.roleform.config.DesiredState;
import io.roleform.config.RemovedRole;
import io.roleform.config.SourcePosition;
import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import io.roleform.portal.LiveUser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test support: desired states written compactly. Each role gets the position
 * {@code roles.yaml:<n*10>:3} (n = 1 for the first role) and each list entry
 * {@code roles.yaml:<n*10 + field offset>:<5 + index>}, so tests can assert where a problem points.
 */
final class Desired {

  private final List<DesiredRole> roles = new ArrayList<>();
  private final List<RemovedRole> removed = new ArrayList<>();
  private List<String> order;
  private DesiredSettings settings = DesiredSettings.UNMANAGED;

  static Desired config() {
    return new Desired();
  }

  Desired role(String name, java.util.function.UnaryOperator<Role> spec) {
    roles.add(spec.apply(new Role(name)).build(roles.size() + 1));
    return this;
  }

  Desired role(String name) {
    return role(name, r -> r);
  }

  Desired removed(String name, String moveMembersTo) {
    removed.add(new RemovedRole(name, moveMembersTo, new SourcePosition("removed.yaml", removed.size() + 1, 5)));
    return this;
  }

  Desired order(String... names) {
    order = List.of(names);
    return this;
  }

  Desired settings(String owner, Boolean allowView, Boolean notifyMembers) {
    settings = new DesiredSettings(owner, allowView, notifyMembers);
    return this;
  }

  DesiredState build() {
    return new DesiredState(roles, removed, order, settings, "sha256:test");
  }

  /** The position the builder gives to the role numbered {@code n} (1-based). */
  static SourcePosition rolePosition(int n) {
    return new SourcePosition("roles.yaml", n * 10, 3);
  }

  /** The position the builder gives to entry {@code index} of a list field of role {@code n}. */
  static SourcePosition entryPosition(int n, String field, int index) {
    return new SourcePosition("roles.yaml", n * 10 + Role.FIELDS.indexOf(field) + 1, 5 + index);
  }

  /** What an export would write: every role, field, member, the order and the settings managed. */
  static DesiredState exportOf(LiveState live) {
    Map<String, String> emails = new HashMap<>();
    for (LiveUser u : live.users()) emails.put(u.id(), u.email());
    Desired d = config();
    List<String> names = new ArrayList<>();
    for (LiveRole r : live.roles()) {
      names.add(r.name());
      List<String> members = live.members().getOrDefault(r.id(), java.util.Set.of()).stream().map(emails::get).sorted().toList();
      d.role(r.name(), x -> x.description(r.description()).permissions(r.permissions().toArray(String[]::new))
          .members(members.toArray(String[]::new)).caseActions(r.caseActions().toArray(String[]::new)));
    }
    d.order = names;
    var s = live.portal().settings();
    d.settings = new DesiredSettings(s.owner(), s.allowView(), s.notifyMembers());
    return d.build();
  }

  /** One desired role being written. */
  static final class Role {
    static final List<String> FIELDS = List.of("description", "permissions", "members", "formerNames", "copyFrom", "caseActions");
    private final String name;
    private String description;
    private List<String> permissions;
    private List<String> members;
    private List<String> formerNames = List.of();
    private String copyFrom;
    private List<String> caseActions;

    Role(String name) {
      this.name = name;
    }

    Role description(String d) {
      description = d;
      return this;
    }

    Role permissions(String... ids) {
      permissions = Arrays.asList(ids);
      return this;
    }

    Role members(String... emails) {
      members = Arrays.asList(emails);
      return this;
    }

    Role formerNames(String... names) {
      formerNames = Arrays.asList(names);
      return this;
    }

    Role copyFrom(String template) {
      copyFrom = template;
      return this;
    }

    Role caseActions(String... actions) {
      caseActions = Arrays.asList(actions);
      return this;
    }

    DesiredRole build(int n) {
      Map<String, SourcePosition> positions = new HashMap<>();
      positions.put("name", rolePosition(n));
      for (String field : FIELDS) {
        positions.put(field, new SourcePosition("roles.yaml", n * 10 + FIELDS.indexOf(field) + 1, 3));
      }
      list(positions, n, "permissions", permissions);
      list(positions, n, "members", members);
      list(positions, n, "formerNames", formerNames);
      list(positions, n, "caseActions", caseActions);
      return new DesiredRole(name, description, permissions, members, formerNames, copyFrom, caseActions,
          rolePosition(n), positions);
    }

    private static void list(Map<String, SourcePosition> positions, int n, String field, List<String> values) {
      if (values == null) return;
      for (int i = 0; i < values.size(); i++) positions.put(field + "/" + i, entryPosition(n, field, i));
    }
  }
}
