package io.roleform.diff;

import io.roleform.config.DesiredDepartment;
import io.roleform.config.DesiredPeople;
import io.roleform.config.DesiredRole;
import io.roleform.config.DesiredUser;
import io.roleform.config.Diagnostic;
import io.roleform.portal.LiveDepartment;
import io.roleform.portal.LiveUser;
import io.roleform.portal.Capabilities.Feature;
import io.roleform.portal.UserStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Users, departments and appliers (DESIGN.md §7): invitations, user changes, disables, deletions,
 * department creations, renames and deletions, and applier denials. Emails and names match
 * case-insensitively. What the portal does not offer was refused before, by {@code
 * CapabilityCheck}.
 *
 * <p>Cheap when the config names no people: nothing is indexed and no operation is made, unless
 * {@code --prune-users} asks to delete every live user the config does not list.
 */
final class PeopleDiffer {

  /** What the people part of a diff gives to the rest of it. */
  record Result(List<Operation> operations, Map<String, UserRef> invited) {}

  private final DiffContext ctx;
  private final DesiredPeople people;
  private final boolean pruneUsers;
  private final List<Operation> ops = new ArrayList<>();
  /** Departments after the plan, by lower-cased name. */
  private final Map<String, DepartmentRef> departments = new HashMap<>();
  private final Map<String, LiveDepartment> liveDepartments = new HashMap<>();
  private final Map<String, String> departmentNamesById = new HashMap<>();
  private final Map<String, UserRef> invited = new LinkedHashMap<>();
  /** Live users this plan deletes, by id. */
  private final Set<String> leaving = new HashSet<>();
  /** Department ids each live user keeps after this plan's user changes, for users whose list changes. */
  private final Map<String, Set<String>> departmentsAfter = new HashMap<>();

  PeopleDiffer(DiffContext ctx, boolean pruneUsers) {
    this.ctx = ctx;
    this.people = ctx.desired.people();
    this.pruneUsers = pruneUsers;
  }

  Result diff() {
    if (people.isEmpty() && !pruneUsers) return new Result(List.of(), Map.of());
    departments();
    Set<String> listed = new HashSet<>();
    for (DesiredUser u : people.users()) {
      listed.add(LiveIndex.key(u.email()));
      user(u);
    }
    Set<String> removed = new HashSet<>();
    for (int i = 0; i < people.removedUsers().size(); i++) {
      String email = people.removedUsers().get(i);
      removed.add(LiveIndex.key(email));
      LiveUser live = ctx.index.userByEmail(email);
      if (live != null) remove(live, "in removedUsers");
    }
    if (pruneUsers) {
      for (LiveUser live : ctx.index.live.users()) {
        String key = LiveIndex.key(live.email());
        if (listed.contains(key) || removed.contains(key) || live.status() == UserStatus.PENDING) continue;
        remove(live, "not in config (--prune-users)");
      }
    }
    appliers();
    removedDepartments();
    return new Result(ops, invited);
  }

  private void departments() {
    if (!ctx.index.live.has(Feature.DEPARTMENTS)) return;
    for (LiveDepartment d : ctx.index.live.departments()) {
      liveDepartments.put(LiveIndex.key(d.name()), d);
      departmentNamesById.put(d.id(), d.name());
      departments.put(LiveIndex.key(d.name()), new DepartmentRef(d.id(), d.name()));
    }
    for (DesiredDepartment d : people.departments()) {
      LiveDepartment live = liveDepartments.get(LiveIndex.key(d.name()));
      String reason = null;
      if (live == null) {
        for (String former : d.formerNames()) {
          LiveDepartment old = liveDepartments.get(LiveIndex.key(former));
          if (old != null) {
            live = old;
            reason = "renamed from `" + old.name() + "` (formerNames)";
            break;
          }
        }
      } else if (!live.name().equals(d.name())) {
        reason = "name differs in case only";
      }
      if (live == null) {
        ops.add(new Operation.CreateDepartment(d.name(), "not in the live portal"));
        departments.put(LiveIndex.key(d.name()), new DepartmentRef(null, d.name()));
      } else if (reason != null) {
        DepartmentRef ref = new DepartmentRef(live.id(), live.name());
        ops.add(new Operation.RenameDepartment(ref, new Change<>(live.name(), d.name()), live.version(), reason));
        departments.remove(LiveIndex.key(live.name()));
        departments.put(LiveIndex.key(d.name()), new DepartmentRef(live.id(), d.name()));
      }
    }
  }

  private void user(DesiredUser d) {
    LiveUser live = ctx.index.userByEmail(d.email());
    List<DepartmentRef> wanted = departmentsOf(d);
    if (live == null && Boolean.TRUE.equals(d.external())) {
      ctx.problems.add(Diagnostic.at(d.locationOf("external"), "user " + d.email()
          + " does not exist and cannot be invited as an external collaborator")
          .withHint("collaborators join from their own organisation; drop `external: true` to invite an internal user"));
      return;
    }
    if (live != null && d.external() != null && d.external() != live.external()) {
      ctx.problems.add(Diagnostic.at(d.locationOf("external"), "user " + live.email()
          + (live.external() ? " is" : " is not") + " an external collaborator; roleform cannot change that")
          .withHint("write `external: " + live.external() + "` or leave it out"));
      return;
    }
    if (live == null) {
      UserRef ref = new UserRef(null, d.email());
      invited.put(LiveIndex.key(d.email()), ref);
      ops.add(new Operation.InviteUser(d.email(), d.firstName(), d.lastName(),
          wanted == null ? List.of() : wanted, "not in the live portal"));
      if (d.disabled()) ops.add(new Operation.DisableUser(ref, null, "status: disabled"));
      return;
    }
    UserRef ref = ref(live);
    Change<String> first = change(d.firstName(), nullToEmpty(live.firstName()));
    Change<String> last = change(d.lastName(), nullToEmpty(live.lastName()));
    Change<List<DepartmentRef>> depts = null;
    if (wanted != null) {
      List<DepartmentRef> before = liveDepartmentsOf(live);
      if (!idsOrNames(before).equals(idsOrNames(wanted))) depts = new Change<>(before, wanted);
    }
    Change<String> status = null;
    boolean disable = false;
    if (d.status() != null) {
      if (live.status() == UserStatus.PENDING) {
        ctx.problems.add(Diagnostic.at(d.locationOf("status"), "user " + live.email()
            + " is a pending applier; approve them through a role's `members` or deny them in `appliers`"));
        return;
      }
      if (d.disabled() && live.status() == UserStatus.ACTIVE) disable = true;
      if (!d.disabled() && live.status() == UserStatus.DISABLED) status = new Change<>("disabled", "active");
    }
    if (first != null || last != null || depts != null || status != null) {
      if (live.status() == UserStatus.PENDING) {
        ctx.problems.add(Diagnostic.at(d.location(), "user " + live.email()
            + " is a pending applier and cannot be changed; approve them through a role's `members` first"));
        return;
      }
      ops.add(new Operation.UpdateUser(ref, first, last, depts, status, live.version(), "config differs from live"));
      if (depts != null) {
        Set<String> keeps = new HashSet<>();
        for (DepartmentRef r : depts.after()) if (r.id() != null) keeps.add(r.id());
        departmentsAfter.put(live.id(), keeps);
      }
    }
    if (disable) ops.add(new Operation.DisableUser(ref, null, "status: disabled"));
  }

  /** A deletion, preceded by the disable the portal requires. */
  private void remove(LiveUser live, String reason) {
    UserRef ref = ref(live);
    if (ctx.index.live.has(Feature.DELETE_NEEDS_DISABLE) && live.status() != UserStatus.DISABLED) {
      ops.add(new Operation.DisableUser(ref, null, "disabled before deletion (" + reason + ")"));
    }
    List<String> roles = new ArrayList<>();
    for (var role : ctx.index.live.roles()) if (ctx.index.membersOf(role).contains(live.id())) roles.add(role.name());
    roles.sort(String.CASE_INSENSITIVE_ORDER);
    ops.add(new Operation.DeleteUser(ref, roles, reason));
    leaving.add(live.id());
  }

  private void appliers() {
    if (people.appliers().isUnmanaged()) return;
    Set<String> denied = new HashSet<>();
    List<String> deny = people.appliers().deny();
    for (int i = 0; i < deny.size(); i++) {
      LiveUser live = ctx.index.userByEmail(deny.get(i));
      if (live == null) continue; // already gone
      if (live.status() != UserStatus.PENDING) {
        ctx.problems.add(Diagnostic.at(people.locationOf("appliers/deny/" + i),
            "user " + live.email() + " is not a pending applier (" + live.status().name().toLowerCase(java.util.Locale.ROOT)
                + "); only appliers can be denied").withHint("to remove a user, list them in `removedUsers`"));
        continue;
      }
      denied.add(live.id());
      ops.add(new Operation.DenyApplier(ref(live), "in appliers.deny"));
    }
    if (!people.appliers().deniesUnlisted()) return;
    Set<String> approved = new HashSet<>();
    for (DesiredRole r : ctx.desired.roles()) {
      if (r.members() != null) for (String m : r.members()) approved.add(LiveIndex.key(m));
    }
    for (LiveUser live : ctx.index.live.users()) {
      if (live.status() != UserStatus.PENDING || denied.contains(live.id())) continue;
      if (approved.contains(LiveIndex.key(live.email()))) continue;
      ops.add(new Operation.DenyApplier(ref(live), "not approved by any role (appliers.denyUnlisted)"));
    }
  }

  private void removedDepartments() {
    List<String> removed = people.removedDepartments();
    for (String name : removed) {
      LiveDepartment live = liveDepartments.get(LiveIndex.key(name));
      if (live == null) continue; // already gone
      ops.add(new Operation.DeleteDepartment(new DepartmentRef(live.id(), live.name()),
          usersLeftIn(live.id()), "in removedDepartments"));
    }
  }

  /** Users still in a department once the plan's user changes and deletions ran. */
  private int usersLeftIn(String departmentId) {
    int left = 0;
    for (LiveUser u : ctx.index.live.users()) {
      if (!u.departments().contains(departmentId) || leaving.contains(u.id())) continue;
      Set<String> after = departmentsAfter.get(u.id());
      if (after == null || after.contains(departmentId)) left++;
    }
    return left;
  }

  /** The departments a user should be in, or {@code null} if unmanaged; unknown names are problems. */
  private List<DepartmentRef> departmentsOf(DesiredUser d) {
    if (d.departments() == null) return null;
    List<DepartmentRef> out = new ArrayList<>();
    for (int i = 0; i < d.departments().size(); i++) {
      String name = d.departments().get(i);
      DepartmentRef ref = departments.get(LiveIndex.key(name));
      if (ref == null) {
        ctx.problems.add(Diagnostic.at(d.locationOf("departments/" + i),
                "unknown department `" + name + "` (neither declared in `departments` nor in the live portal)")
            .withHint(Nearest.hint(name, namesOfDepartments())));
        continue;
      }
      out.add(ref);
    }
    out.sort(java.util.Comparator.comparing(r -> LiveIndex.key(r.name())));
    return out;
  }

  private List<String> namesOfDepartments() {
    List<String> names = new ArrayList<>();
    for (DepartmentRef r : departments.values()) names.add(r.name());
    return names;
  }

  private List<DepartmentRef> liveDepartmentsOf(LiveUser u) {
    List<DepartmentRef> out = new ArrayList<>();
    for (String id : u.departments()) {
      out.add(new DepartmentRef(id, departmentNamesById.getOrDefault(id, id)));
    }
    out.sort(java.util.Comparator.comparing(r -> LiveIndex.key(r.name())));
    return out;
  }

  /** Department identities: ids for live ones, {@code +name} for ones this plan creates. */
  private static Set<String> idsOrNames(List<DepartmentRef> refs) {
    Set<String> out = new HashSet<>();
    for (DepartmentRef r : refs) out.add(r.id() != null ? r.id() : "+" + LiveIndex.key(r.name()));
    return out;
  }

  private static Change<String> change(String desired, String live) {
    return desired == null || Objects.equals(desired, live) ? null : new Change<>(live, desired);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  static UserRef ref(LiveUser u) {
    return new UserRef(u.id(), u.email(), u.external());
  }
}
