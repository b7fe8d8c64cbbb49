package io.roleform.apply;

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
import io.roleform.diff.DepartmentRef;
import io.roleform.diff.RoleRef;
import io.roleform.diff.UserRef;
import io.roleform.portal.NewRole;
import io.roleform.portal.NewUser;
import io.roleform.portal.UserPatch;
import io.roleform.portal.UserStatus;
import io.roleform.portal.PortalClient;
import io.roleform.portal.RolePatch;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Carries out one operation at a time through the client, one client call each, remembering what
 * the run so far created and touched:
 *
 * <ul>
 *   <li>a {@link RoleRef} without an id names a role this plan creates; it resolves (by name,
 *       case-insensitively) to the id its {@link CreateRole} returned;
 *   <li>an {@link UpdateRole}'s {@code expectedVersion} is sent as {@code If-Match} only while no
 *       earlier operation of this run has written to that role — after such a write the version
 *       read at plan time is stale by our own doing, and the client's state-version chain already
 *       guarantees that nobody else wrote in between.
 * </ul>
 *
 * One runner serves one apply.
 */
final class OperationRunner {

  /**
   * The plan does not fit the portal: a role reference this plan should have created earlier but
   * did not, or a change the portal's capabilities do not offer (the planner never makes such a
   * plan for this portal).
   */
  static final class InconsistentPlan extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InconsistentPlan(String message) {
      super(message);
    }
  }

  private final PortalClient client;
  private final Map<String, String> createdIds = new HashMap<>();
  private final Set<String> touched = new HashSet<>();
  private final Map<String, String> createdDepartments = new HashMap<>();
  private final Map<String, String> invitedIds = new HashMap<>();
  /** Users this run already wrote to: their plan-time version is stale by our own doing. */
  private final Set<String> touchedUsers = new HashSet<>();
  private boolean allTouched;

  OperationRunner(PortalClient client) {
    this.client = client;
  }

  /** Runs {@code op}; returns a note for the report, or {@code null}. */
  String run(Operation op) {
    return op.accept(calls);
  }

  /** One client call per operation kind. */
  private final Operation.Visitor<String> calls = new Operation.Visitor<>() {
    @Override
    public String createRole(CreateRole c) {
      String copyFrom = c.copyFrom() == null ? null : resolve(c.copyFrom());
      String id = client.createRole(
          new NewRole(c.name(), c.description(), c.permissions(), c.caseActions(), copyFrom));
      createdIds.put(key(c.name()), id);
      touched.add(id);
      return "created with id " + id;
    }

    @Override
    public String updateRole(UpdateRole u) {
      String id = resolve(u.role());
      RolePatch patch = new RolePatch(
          after(u.name()), after(u.description()), after(u.permissions()), after(u.caseActions()));
      String expected = allTouched || touched.contains(id) ? null : u.expectedVersion();
      client.updateRole(id, patch, expected);
      touched.add(id);
      return null;
    }

    @Override
    public String approveApplier(ApproveApplier a) {
      String roleId = resolve(a.role());
      client.applierWrites().orElseThrow(() -> notOffered(a)).approveUser(resolve(a.user()), roleId);
      touched.add(roleId);
      return null;
    }

    @Override
    public String deleteRole(DeleteRole d) {
      String id = resolve(d.role());
      String moveTo = d.moveMembersTo() == null ? null : resolve(d.moveMembersTo());
      client.deleteRole(id, moveTo);
      touched.add(id);
      if (moveTo != null) {
        touched.add(moveTo);
      }
      return null;
    }

    @Override
    public String changeMembers(ChangeMembers m) {
      String id = resolve(m.role());
      client.changeMembers(id, userIds(m.add()), userIds(m.remove()));
      touched.add(id);
      return null;
    }

    @Override
    public String reorderRoles(ReorderRoles r) {
      client.reorderRoles(r.after().stream().map(OperationRunner.this::resolve).toList());
      allTouched = true;
      return null;
    }

    @Override
    public String updateSettings(UpdateSettings s) {
      client.settingsWrites().orElseThrow(() -> notOffered(s))
          .updateSettings(after(s.allowView()), after(s.notifyMembers()));
      return null;
    }

    @Override
    public String transferOwner(TransferOwner t) {
      client.ownerWrites().orElseThrow(() -> notOffered(t)).transferOwner(t.to().id());
      return null;
    }

    @Override
    public String createDepartment(Operation.CreateDepartment c) {
      String id = departments(c).createDepartment(c.name());
      createdDepartments.put(key(c.name()), id);
      return "created with id " + id;
    }

    @Override
    public String renameDepartment(Operation.RenameDepartment r) {
      departments(r).renameDepartment(r.department().id(), r.name().after(), r.expectedVersion());
      return null;
    }

    @Override
    public String deleteDepartment(Operation.DeleteDepartment d) {
      departments(d).deleteDepartment(d.department().id());
      return null;
    }

    @Override
    public String inviteUser(Operation.InviteUser i) {
      String id = users(i).inviteUser(new NewUser(i.email(), i.firstName(), i.lastName(), departmentIds(i.departments())));
      invitedIds.put(key(i.email()), id);
      return "invited with id " + id;
    }

    @Override
    public String updateUser(Operation.UpdateUser u) {
      String id = resolve(u.user());
      UserPatch patch = new UserPatch(after(u.firstName()), after(u.lastName()),
          u.departments() == null ? null : departmentIds(u.departments().after()),
          u.status() == null ? null : UserStatus.ACTIVE);
      users(u).updateUser(id, patch, touchedUsers.add(id) ? u.expectedVersion() : null);
      return null;
    }

    @Override
    public String disableUser(Operation.DisableUser d) {
      String id = resolve(d.user());
      users(d).updateUser(id, new UserPatch(null, null, null, UserStatus.DISABLED),
          touchedUsers.add(id) ? d.expectedVersion() : null);
      return null;
    }

    @Override
    public String deleteUser(Operation.DeleteUser d) {
      users(d).deleteUser(resolve(d.user()));
      return null;
    }

    @Override
    public String denyApplier(Operation.DenyApplier d) {
      client.applierWrites().orElseThrow(() -> notOffered(d)).denyUser(resolve(d.user()));
      return null;
    }
  };

  private String resolve(UserRef ref) {
    if (ref.id() != null) return ref.id();
    String id = invitedIds.get(key(ref.email()));
    if (id == null) {
      throw new InconsistentPlan("The user " + ref.email() + " has no id yet: it should have been invited by"
          + " an earlier operation of this plan, but no such operation ran. The plan is inconsistent;"
          + " run plan again.");
    }
    return id;
  }

  private List<String> departmentIds(List<DepartmentRef> refs) {
    List<String> ids = new java.util.ArrayList<>();
    for (DepartmentRef r : refs) {
      String id = r.id() != null ? r.id() : createdDepartments.get(key(r.name()));
      if (id == null) {
        throw new InconsistentPlan("The department `" + r.name() + "` has no id yet: it should have been"
            + " created by an earlier operation of this plan, but no such operation ran. The plan is"
            + " inconsistent; run plan again.");
      }
      ids.add(id);
    }
    return ids;
  }

  private String resolve(RoleRef ref) {
    if (ref.id() != null) {
      return ref.id();
    }
    String id = createdIds.get(key(ref.name()));
    if (id == null) {
      throw new InconsistentPlan("The role `" + ref.name() + "` has no id yet: it should have been"
          + " created by an earlier operation of this plan, but no such operation ran. The plan is"
          + " inconsistent; run plan again.");
    }
    return id;
  }

  private static InconsistentPlan notOffered(Operation op) {
    return new InconsistentPlan("This portal kind does not support " + op.type() + "; the plan was made for"
        + " another portal. Run plan again against this one.");
  }

  private PortalClient.UserWrites users(Operation op) {
    return client.userWrites().orElseThrow(() -> notOffered(op));
  }

  private PortalClient.DepartmentWrites departments(Operation op) {
    return client.departmentWrites().orElseThrow(() -> notOffered(op));
  }

  private Set<String> userIds(List<UserRef> users) {
    Set<String> ids = new LinkedHashSet<>();
    if (users != null) {
      users.forEach(u -> ids.add(resolve(u)));
    }
    return ids;
  }

  private static <T> T after(Change<T> change) {
    return change == null ? null : change.after();
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
