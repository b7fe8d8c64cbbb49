package io.roleform.plan;

import io.roleform.diff.Operation;
import io.roleform.diff.RoleRef;
import io.roleform.diff.UserRef;
import io.roleform.diff.Change;
import io.roleform.portal.NewRole;
import io.roleform.portal.PortalClient;
import io.roleform.portal.RolePatch;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Test helper: carries out a plan's operations, in order, through a {@link PortalClient} — one
 * client call per operation, roles created by the plan resolved by name. A stand-in for the real
 * apply (no retries, no progress, no report).
 */
final class OperationRunner {

  private final PortalClient client;
  private final Map<String, String> createdIds = new HashMap<>();

  private OperationRunner(PortalClient client) {
    this.client = client;
  }

  static void run(List<Operation> operations, PortalClient client) {
    OperationRunner runner = new OperationRunner(client);
    for (Operation op : operations) runner.apply(op);
  }

  private void apply(Operation op) {
    if (op instanceof Operation.UpdateRole u) {
      client.updateRole(id(u.role()), new RolePatch(after(u.name()), after(u.description()), after(u.permissions()),
          after(u.caseActions())), u.expectedVersion());
    } else if (op instanceof Operation.CreateRole c) {
      String id = client.createRole(new NewRole(c.name(), c.description(), c.permissions(), c.caseActions(),
          c.copyFrom() == null ? null : id(c.copyFrom())));
      createdIds.put(key(c.name()), id);
    } else if (op instanceof Operation.DeleteRole d) {
      client.deleteRole(id(d.role()), d.moveMembersTo() == null ? null : id(d.moveMembersTo()));
    } else if (op instanceof Operation.ApproveApplier a) {
      client.approveUser(a.user().id(), id(a.role()));
    } else if (op instanceof Operation.ChangeMembers m) {
      client.changeMembers(id(m.role()), ids(m.add()), ids(m.remove()));
    } else if (op instanceof Operation.ReorderRoles r) {
      client.reorderRoles(r.after().stream().map(this::id).toList());
    } else if (op instanceof Operation.UpdateSettings s) {
      client.updateSettings(after(s.allowView()), after(s.notifyMembers()));
    } else if (op instanceof Operation.TransferOwner t) {
      client.transferOwner(t.to().id());
    }
  }

  private String id(RoleRef ref) {
    if (ref.id() != null) return ref.id();
    String id = createdIds.get(key(ref.name()));
    if (id == null) throw new IllegalStateException("role " + ref.name() + " is used before it is created");
    return id;
  }

  private static Set<String> ids(List<UserRef> users) {
    Set<String> ids = new LinkedHashSet<>();
    for (UserRef u : users) ids.add(u.id());
    return ids;
  }

  private static <T> T after(Change<T> change) {
    return change == null ? null : change.after();
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
