package io.roleform.diff;

import io.roleform.config.DesiredRole;
import io.roleform.config.Diagnostic;
import io.roleform.portal.LiveRole;
import io.roleform.portal.Permission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The role-level changes: one {@link Operation.UpdateRole} per live role whose name, description,
 * permissions or case actions differ (only the changed fields set), and one {@link
 * Operation.CreateRole} per declared role that is not live, with its {@code copyFrom} template's
 * values merged in (explicit values win; members are never copied).
 */
final class RoleDiffer {

  static final String FIXED_PERMISSIONS_HINT =
      "built-in roles keep their permissions; manage only members (and caseActions)";

  /** The final values of a role this plan creates. */
  private record Values(String description, List<String> permissions, List<String> caseActions, RoleRef copyFrom) {}

  private static final Values EMPTY = new Values(null, List.of(), null, null);

  private final DiffContext ctx;
  private final PermissionCheck check;
  private final Map<String, Values> created = new HashMap<>();
  private final Set<String> inProgress = new HashSet<>();

  RoleDiffer(DiffContext ctx) {
    this.ctx = ctx;
    this.check = new PermissionCheck(ctx);
  }

  List<Operation> diff() {
    List<Operation> ops = new ArrayList<>();
    for (DesiredRole d : ctx.desired.roles()) {
      LiveRole live = ctx.matching.liveOf(d);
      Operation op = live == null ? create(d) : update(d, live);
      if (op != null) ops.add(op);
    }
    return ops;
  }

  private Operation update(DesiredRole d, LiveRole live) {
    // copyFrom acts only on create: once the role is live its template may be long gone (removed:)
    Change<String> name = d.name().equals(live.name()) ? null : new Change<>(live.name(), d.name());
    Change<String> description =
        d.description() == null || d.description().equals(live.description())
            ? null
            : new Change<>(live.description(), d.description());
    Change<List<String>> permissions = null;
    List<String> permissionsAfter = live.permissions();
    if (d.permissions() != null) {
      List<String> wanted = check.permissions(d);
      List<String> current = List.copyOf(new TreeSet<>(live.permissions()));
      if (!wanted.equals(current)) {
        if (live.fixedPermissions()) {
          ctx.problems.add(
              Diagnostic.at(d.locationOf("permissions"),
                      "the permissions of built-in role `" + live.name() + "` cannot be changed")
                  .withHint(FIXED_PERMISSIONS_HINT));
        } else {
          permissions = new Change<>(current, wanted);
          permissionsAfter = wanted;
        }
      }
    }
    Change<List<String>> caseActions = null;
    if (d.caseActions() != null) {
      List<String> wanted = check.caseActions(d, permissionsAfter.contains(PermissionCheck.CASES));
      if (!new HashSet<>(wanted).equals(new HashSet<>(live.caseActions()))) {
        caseActions = new Change<>(live.caseActions(), wanted);
      }
    }
    if (name == null && description == null && permissions == null && caseActions == null) return null;
    List<String> reasons = new ArrayList<>(2);
    if (name != null) reasons.add(renameReason(d, live));
    if (description != null || permissions != null || caseActions != null) reasons.add("config differs from live");
    return new Operation.UpdateRole(
        new RoleRef(live.id(), live.name()), name, description, permissions, caseActions,
        live.version(), String.join("; ", reasons));
  }

  private static String renameReason(DesiredRole d, LiveRole live) {
    boolean former = d.formerNames().stream().anyMatch(f -> LiveIndex.key(f).equals(LiveIndex.key(live.name())));
    return "renamed from \"" + live.name() + "\"" + (former ? " (formerNames)" : " (the name's case differs)");
  }

  private Operation create(DesiredRole d) {
    Values v = createdValues(d);
    String reason = "not in the live portal" + (v.copyFrom() == null ? "" : " (copied from \"" + v.copyFrom().name() + "\")");
    return new Operation.CreateRole(d.name(), v.description(), v.permissions(), v.caseActions(), v.copyFrom(), reason);
  }

  /** The final values of a created role; reports its problems once (memoised). */
  private Values createdValues(DesiredRole d) {
    String key = LiveIndex.key(d.name());
    Values known = created.get(key);
    if (known != null) return known;
    if (!inProgress.add(key)) return EMPTY; // a copyFrom cycle; the config validator reports it
    Values base = EMPTY;
    RoleRef copyFrom = null;
    if (d.copyFrom() != null) {
      RoleTarget template = ctx.matching.resolve(d.copyFrom());
      if (template == null) {
        copyFromNowhere(d);
      } else if (template.desired() != d) {
        base = templateValues(template);
        copyFrom = template.ref();
      }
    }
    String description = d.description() != null ? d.description() : base.description();
    List<String> permissions = d.permissions() != null ? check.permissions(d) : base.permissions();
    boolean holdsCases = permissions.contains(PermissionCheck.CASES);
    List<String> caseActions =
        d.caseActions() != null ? check.caseActions(d, holdsCases) : holdsCases ? base.caseActions() : null;
    Values v = new Values(description, permissions, caseActions, copyFrom);
    created.put(key, v);
    return v;
  }

  /** A template's values as they will be once the plan ran: desired where managed, else live. */
  private Values templateValues(RoleTarget t) {
    if (t.isCreated()) return createdValues(t.desired());
    LiveRole live = t.live();
    DesiredRole d = t.desired();
    String description = d != null && d.description() != null ? d.description() : live.description();
    List<String> permissions =
        d != null && d.permissions() != null && !live.fixedPermissions() ? knownPermissions(d.permissions()) : live.permissions();
    List<String> caseActions = d != null && d.caseActions() != null ? knownCaseActions(d.caseActions()) : live.caseActions();
    return new Values(description, permissions, caseActions, null);
  }

  private List<String> knownPermissions(List<String> ids) {
    Set<String> known = new TreeSet<>();
    for (String id : ids) if (ctx.index.permissions.containsKey(id)) known.add(id);
    return List.copyOf(known);
  }

  private List<String> knownCaseActions(List<String> actions) {
    Permission cases = ctx.index.permissions.get(PermissionCheck.CASES);
    if (cases == null) return List.of();
    Set<String> known = new LinkedHashSet<>();
    for (String a : actions) if (cases.caseActions().contains(a)) known.add(a);
    return PermissionCheck.catalogOrder(known, cases.caseActions());
  }

  private void copyFromNowhere(DesiredRole d) {
    ctx.problems.add(
        Diagnostic.at(d.locationOf("copyFrom"),
                "copyFrom names a role that exists nowhere: `" + d.copyFrom() + "`")
            .withHint(Nearest.hint(d.copyFrom(), ctx.roleNames())));
  }
}
