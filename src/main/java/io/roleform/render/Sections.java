package io.roleform.render;

import static io.roleform.render.Text.clean;
import static io.roleform.render.Text.quote;

import io.roleform.diff.Action;
import io.roleform.diff.Change;
import io.roleform.diff.Operation;
import io.roleform.diff.Operation.ApproveApplier;
import io.roleform.diff.Operation.ChangeMembers;
import io.roleform.diff.Operation.CreateRole;
import io.roleform.diff.Operation.DeleteRole;
import io.roleform.diff.Operation.ReorderRoles;
import io.roleform.diff.Operation.TransferOwner;
import io.roleform.diff.Operation.UpdateRole;
import io.roleform.diff.Operation.UpdateSettings;
import io.roleform.diff.RoleRef;
import io.roleform.diff.UserRef;
import io.roleform.render.PlanView.Entry;
import io.roleform.render.PlanView.Line;
import io.roleform.render.PlanView.Section;
import io.roleform.render.PlanView.Topic;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sorts a plan's operations into the sections of {@link Topic}. An {@link UpdateRole} that changes
 * several things of one role shows up once per thing (its rename under renames, its permissions
 * under permission changes ...), each time with its reason; every other operation shows up once.
 * No operation is left out.
 */
final class Sections {

  private final Map<Topic, List<Entry>> entries = new EnumMap<>(Topic.class);

  private Sections() {}

  static List<Section> of(List<Operation> operations) {
    Sections sections = new Sections();
    operations.forEach(sections::add);
    List<Section> result = new ArrayList<>();
    sections.entries.forEach((topic, list) -> result.add(new Section(topic, List.copyOf(list))));
    return List.copyOf(result);
  }

  private void add(Operation op) {
    String reason = op.reason() == null ? "" : clean(op.reason());
    op.accept(new Operation.Visitor<Void>() {
      @Override
      public Void createRole(CreateRole c) {
        put(Topic.CREATE, op.action(), "role " + quote(c.name()), reason, createLines(c));
        return null;
      }

      @Override
      public Void updateRole(UpdateRole u) {
        addUpdate(u, reason);
        return null;
      }

      @Override
      public Void approveApplier(ApproveApplier a) {
        put(Topic.APPROVALS, op.action(),
            "approve " + email(a.user()) + " into role " + quote(a.role().name()), reason, List.of());
        return null;
      }

      @Override
      public Void deleteRole(DeleteRole d) {
        put(Topic.DELETIONS, op.action(), "role " + quote(d.role().name()), reason,
            List.of(new Line(null, deletionRemark(d))));
        return null;
      }

      @Override
      public Void changeMembers(ChangeMembers m) {
        put(Topic.MEMBERS, op.action(), "members of role " + quote(m.role().name()) + ": "
            + orEmpty(m.add()).size() + " to add, " + orEmpty(m.remove()).size() + " to remove", reason, memberLines(m));
        return null;
      }

      @Override
      public Void reorderRoles(ReorderRoles r) {
        put(Topic.ORDER, op.action(), "role order", reason, List.of(
            new Line(Action.DELETE, names(r.before())), new Line(Action.CREATE, names(r.after()))));
        return null;
      }

      @Override
      public Void updateSettings(UpdateSettings s) {
        put(Topic.SETTINGS, op.action(), "settings", reason, settingLines(s));
        return null;
      }

      @Override
      public Void transferOwner(TransferOwner t) {
        put(Topic.SETTINGS, op.action(), "owner " + email(t.from()) + " -> " + email(t.to()), reason, List.of());
        return null;
      }

      @Override
      public Void createDepartment(Operation.CreateDepartment c) {
        put(Topic.DEPARTMENTS, op.action(), "department " + quote(c.name()), reason, List.of());
        return null;
      }

      @Override
      public Void renameDepartment(Operation.RenameDepartment r) {
        put(Topic.DEPARTMENTS, op.action(), "department " + quote(r.name().before()) + " -> "
            + quote(r.name().after()), reason, List.of());
        return null;
      }

      @Override
      public Void deleteDepartment(Operation.DeleteDepartment d) {
        put(Topic.DEPARTMENT_DELETIONS, op.action(), "department " + quote(d.department().name()), reason,
            d.usersLeft() == 0 ? List.of() : List.of(new Line(null, d.usersLeft() + " user(s) still in it")));
        return null;
      }

      @Override
      public Void inviteUser(Operation.InviteUser i) {
        put(Topic.INVITES, op.action(), "user " + clean(i.email()), reason, inviteLines(i));
        return null;
      }

      @Override
      public Void updateUser(Operation.UpdateUser u) {
        put(Topic.USER_CHANGES, op.action(), "user " + email(u.user()), reason, userLines(u));
        return null;
      }

      @Override
      public Void disableUser(Operation.DisableUser d) {
        put(Topic.DISABLES, op.action(), "user " + email(d.user()), reason,
            List.of(new Line(null, "login disabled; the account and its roles stay")));
        return null;
      }

      @Override
      public Void deleteUser(Operation.DeleteUser d) {
        put(Topic.USER_DELETIONS, op.action(), "user " + email(d.user()), reason, d.roles().isEmpty()
            ? List.of(new Line(null, "in no role"))
            : List.of(new Line(null, "leaves " + d.roles().stream().map(Text::quote).collect(Collectors.joining(", ")))));
        return null;
      }

      @Override
      public Void denyApplier(Operation.DenyApplier d) {
        put(Topic.DENIALS, op.action(), "deny " + email(d.user()), reason, List.of());
        return null;
      }
    });
  }

  private void addUpdate(UpdateRole u, String reason) {
    String name = u.name() != null && u.name().after() != null ? u.name().after() : u.role().name();
    String subject = "role " + quote(name);
    boolean any = false;
    if (u.name() != null) {
      String before = u.name().before() != null ? u.name().before() : u.role().name();
      put(Topic.RENAME, Action.UPDATE, "role " + quote(before) + " -> " + quote(name), reason, List.of());
      any = true;
    }
    if (u.permissions() != null) {
      put(Topic.PERMISSIONS, Action.UPDATE, subject, reason, setLines(u.permissions()));
      any = true;
    }
    if (u.description() != null) {
      put(Topic.DESCRIPTIONS, Action.UPDATE, subject, reason, List.of(
          new Line(Action.DELETE, quote(u.description().before())),
          new Line(Action.CREATE, quote(u.description().after()))));
      any = true;
    }
    if (u.caseActions() != null) {
      put(Topic.CASE_ACTIONS, Action.UPDATE, subject, reason, setLines(u.caseActions()));
      any = true;
    }
    if (!any) put(Topic.OTHER_UPDATES, Action.UPDATE, subject, reason, List.of());
  }

  private void put(Topic topic, Action action, String subject, String reason, List<Line> lines) {
    entries.computeIfAbsent(topic, t -> new ArrayList<>())
        .add(new Entry(action, subject, reason, List.copyOf(lines)));
  }

  private static List<Line> createLines(CreateRole c) {
    List<Line> lines = new ArrayList<>();
    if (c.copyFrom() != null) lines.add(new Line(null, "copied from role " + quote(c.copyFrom().name())));
    if (c.description() != null && !c.description().isEmpty()) {
      lines.add(new Line(Action.CREATE, "description: " + quote(c.description())));
    }
    if (c.permissions() != null) lines.add(new Line(Action.CREATE, "permissions: " + list(c.permissions())));
    if (c.caseActions() != null) lines.add(new Line(Action.CREATE, "caseActions: " + list(c.caseActions())));
    return lines;
  }

  /** {@code + x} for each value added, then {@code - y} for each value removed. */
  private static List<Line> setLines(Change<List<String>> change) {
    Set<String> before = change.before() == null ? Set.of() : new LinkedHashSet<>(change.before());
    Set<String> after = change.after() == null ? Set.of() : new LinkedHashSet<>(change.after());
    List<Line> lines = new ArrayList<>();
    after.stream().filter(v -> !before.contains(v)).forEach(v -> lines.add(new Line(Action.CREATE, clean(v))));
    before.stream().filter(v -> !after.contains(v)).forEach(v -> lines.add(new Line(Action.DELETE, clean(v))));
    return lines;
  }

  private static List<Line> memberLines(ChangeMembers m) {
    List<Line> lines = new ArrayList<>(orEmpty(m.add()).size() + orEmpty(m.remove()).size());
    orEmpty(m.add()).forEach(u -> lines.add(new Line(Action.CREATE, email(u) + (u.id() == null ? " (invited by this plan)" : ""))));
    orEmpty(m.remove()).forEach(u -> lines.add(new Line(Action.DELETE, email(u))));
    return lines;
  }

  private static List<Line> settingLines(UpdateSettings s) {
    List<Line> lines = new ArrayList<>();
    if (s.allowView() != null) lines.add(new Line(Action.UPDATE, "allowView: " + flip(s.allowView())));
    if (s.notifyMembers() != null) {
      lines.add(new Line(Action.UPDATE, "notifyMembers: " + flip(s.notifyMembers())));
    }
    return lines;
  }

  private static String deletionRemark(DeleteRole d) {
    if (d.memberCount() == 0) return "it has no members";
    boolean one = d.memberCount() == 1;
    String members = one ? "its 1 member" : "its " + d.memberCount() + " members";
    if (d.moveMembersTo() != null) {
      return members + (one ? " moves" : " move") + " to role " + quote(d.moveMembersTo().name());
    }
    return members + (one ? " loses" : " lose") + " this role (other roles are unaffected)";
  }

  private static String flip(Change<Boolean> change) {
    return (change.before() == null ? "(unset)" : change.before()) + " -> " + change.after();
  }

  private static String email(UserRef user) {
    return user == null ? "(none)" : clean(user.toString());
  }

  private static List<Line> inviteLines(Operation.InviteUser i) {
    List<Line> lines = new ArrayList<>();
    String name = (nz(i.firstName()) + " " + nz(i.lastName())).strip();
    if (!name.isEmpty()) lines.add(new Line(Action.CREATE, "name: " + quote(name)));
    if (!i.departments().isEmpty()) lines.add(new Line(Action.CREATE, "departments: " + departments(i.departments())));
    lines.add(new Line(null, "no e-mail is sent by roleform"));
    return lines;
  }

  private static List<Line> userLines(Operation.UpdateUser u) {
    List<Line> lines = new ArrayList<>();
    if (u.firstName() != null) lines.add(new Line(Action.UPDATE, "firstName: " + quote(u.firstName().before())
        + " -> " + quote(u.firstName().after())));
    if (u.lastName() != null) lines.add(new Line(Action.UPDATE, "lastName: " + quote(u.lastName().before())
        + " -> " + quote(u.lastName().after())));
    if (u.departments() != null) lines.add(new Line(Action.UPDATE, "departments: "
        + departments(u.departments().before()) + " -> " + departments(u.departments().after())));
    if (u.status() != null) lines.add(new Line(Action.UPDATE, "status: " + u.status().before() + " -> "
        + u.status().after()));
    return lines;
  }

  private static String departments(List<io.roleform.diff.DepartmentRef> refs) {
    if (refs.isEmpty()) return "(none)";
    return refs.stream().map(r -> quote(r.name())).collect(Collectors.joining(", "));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static String names(List<RoleRef> roles) {
    return orEmpty(roles).stream().map(r -> quote(r.name())).collect(Collectors.joining(", "));
  }

  private static String list(List<String> values) {
    if (values.isEmpty()) return "(none)";
    return values.stream().map(v -> clean(Objects.toString(v))).collect(Collectors.joining(", "));
  }
}
