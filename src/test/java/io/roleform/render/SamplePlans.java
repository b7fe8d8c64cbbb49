package io.roleform.render;

import io.roleform.plan.AccessChange;
import io.roleform.plan.AccessChange.Direction;
import io.roleform.diff.Change;
import io.roleform.plan.Fingerprint;
import io.roleform.diff.Operation;
import io.roleform.diff.Operation.ApproveApplier;
import io.roleform.diff.Operation.ChangeMembers;
import io.roleform.diff.Operation.CreateRole;
import io.roleform.diff.Operation.DeleteRole;
import io.roleform.diff.Operation.ReorderRoles;
import io.roleform.diff.Operation.TransferOwner;
import io.roleform.diff.Operation.UpdateRole;
import io.roleform.diff.Operation.UpdateSettings;
import io.roleform.plan.Plan;
import io.roleform.plan.PlanOptions;
import io.roleform.plan.Refusal;
import io.roleform.diff.RoleRef;
import io.roleform.diff.UserRef;
import io.roleform.diff.Warning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built plans over the secure-exchanges and app-roles seed data, one per golden case. */
final class SamplePlans {

  static final RoleRef ADMIN = new RoleRef("r1", "Admin");
  static final RoleRef SUPPORT = new RoleRef("r2", "Support Techs");
  static final RoleRef BILLING = new RoleRef("r3", "Billing");
  static final RoleRef INTERNS = new RoleRef("r4", "Interns");
  static final UserRef CAROL = user("u3", "carol");
  static final UserRef DAN = user("u4", "dan");
  static final UserRef JUDY = user("u10", "judy");
  static final UserRef MALLORY = user("u11", "mallory");

  private SamplePlans() {}

  /** Every case, by the name of its golden directory. */
  static Map<String, Plan> all() {
    Map<String, Plan> cases = new LinkedHashMap<>();
    cases.put("empty", plan(List.of(), List.of(), List.of(), List.of()));
    cases.put("create", plan(List.of(create(), createEmpty()), List.of(), List.of(), List.of()));
    cases.put("rename", plan(List.of(rename()), List.of(), List.of(), List.of()));
    cases.put("permissions", plan(List.of(permissions()), gainsAndLosses(), List.of(), List.of()));
    cases.put("description", plan(List.of(description()), List.of(), List.of(), List.of()));
    cases.put("case-actions", plan(List.of(caseActions()), List.of(), List.of(), List.of()));
    cases.put("reorder", plan(List.of(reorder()), List.of(), List.of(), List.of()));
    cases.put("members", plan(List.of(members()), List.of(), List.of(), List.of()));
    cases.put("approve", plan(List.of(approve()), List.of(), List.of(), List.of()));
    cases.put("delete", plan(List.of(deleteWithMove(), deleteRemovingMembers()), List.of(), List.of(), List.of()));
    cases.put("settings-and-owner", plan(List.of(settings(), owner()), List.of(), List.of(), List.of()));
    cases.put("access-impact", plan(List.of(members(), permissions()), gainsAndLosses(), List.of(), List.of()));
    cases.put("warnings", plan(List.of(), List.of(), warnings(), List.of()));
    cases.put("refusals", plan(List.of(deleteRemovingMembers()), List.of(), List.of(), refusals()));
    cases.put("all-kinds", allKinds());
    cases.put("hostile-names", hostileNames());
    return cases;
  }

  static Plan allKinds() {
    return plan(
        List.of(create(), rename(), permissions(), description(), caseActions(), reorder(), members(),
            approve(), deleteWithMove(), settings(), owner()),
        gainsAndLosses(), warnings(), refusals());
  }

  static Plan plan(List<Operation> ops, List<AccessChange> access, List<Warning> warnings, List<Refusal> refusals) {
    return new Plan(Plan.FORMAT_VERSION, "http://127.0.0.1:8080", "secure-exchanges",
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", new Fingerprint(42, "abc"),
        PlanOptions.DEFAULTS, ops, access, warnings, refusals);
  }

  static UserRef user(String id, String name) {
    return new UserRef(id, name + "@acme.example");
  }

  static Operation create() {
    return new CreateRole("Billing Auditors", "Bills, plans and licences", List.of("billing", "purchase"), null,
        BILLING, "not in the live portal");
  }

  static Operation createEmpty() {
    return new CreateRole("Readers", "", List.of(), null, null, "not in the live portal");
  }

  static Operation rename() {
    return new UpdateRole(SUPPORT, new Change<>("Support Techs", "Support Technicians"), null, null, null, "5",
        "renamed from \"Support Techs\" (formerNames)");
  }

  static Operation permissions() {
    return new UpdateRole(BILLING, null, null,
        new Change<>(List.of("billing", "purchase"), List.of("billing", "logs")), null, "3",
        "permissions differ from the config");
  }

  static Operation description() {
    return new UpdateRole(INTERNS, null, new Change<>("", "Students on placement"), null, null, "2",
        "description differs from the config");
  }

  static Operation caseActions() {
    return new UpdateRole(new RoleRef("r12", "Case handler"), null, null, null,
        new Change<>(List.of("view", "comment"), List.of("view", "comment", "assign")), "9",
        "case actions differ from the config");
  }

  static Operation reorder() {
    return new ReorderRoles(List.of(ADMIN, SUPPORT, BILLING, INTERNS), List.of(ADMIN, BILLING, SUPPORT, INTERNS),
        "order differs from the config");
  }

  static Operation members() {
    return new ChangeMembers(SUPPORT, List.of(CAROL, DAN), List.of(user("u9", "heidi")),
        "members differ from the config");
  }

  static Operation approve() {
    return new ApproveApplier(user("u16", "victor"), new RoleRef("r6", "Editors"),
        "pending applier listed as a member");
  }

  static Operation deleteWithMove() {
    return new DeleteRole(INTERNS, SUPPORT, 2, "in removed");
  }

  static Operation deleteRemovingMembers() {
    return new DeleteRole(new RoleRef("r5", "Contractors"), null, 1, "not in config (pruned)");
  }

  static Operation settings() {
    return new UpdateSettings(new Change<>(false, true), new Change<>(true, false), "settings differ from the config");
  }

  static Operation owner() {
    return new TransferOwner(user("u1", "alice"), CAROL, "owner differs from the config");
  }

  static List<AccessChange> gainsAndLosses() {
    return List.of(
        new AccessChange("dan@acme.example", "logs", Direction.GAINED, List.of("Support Technicians")),
        new AccessChange("carol@acme.example", "logs", Direction.GAINED, List.of("Support Technicians", "Billing")),
        new AccessChange("heidi@acme.example", "logs", Direction.LOST, List.of("Support Techs")),
        new AccessChange("ivan@acme.example", "purchase", Direction.LOST, List.of("Billing")),
        new AccessChange("ivan@acme.example", "logs", Direction.GAINED, List.of("Billing")));
  }

  static List<Warning> warnings() {
    return List.of(
        new Warning(Warning.Kind.UNMANAGED_ROLE, "Role \"Contractors\" is not in the config; it is left alone (use --prune to delete it)."),
        new Warning(Warning.Kind.USER_IN_NO_ROLE, "frank@acme.example is in no role."));
  }

  static List<Refusal> refusals() {
    return List.of(
        new Refusal(Refusal.Rule.MEMBER_REMOVAL, "Deleting role \"Contractors\" would remove its 1 member; name moveMembersTo.",
            "--allow-member-removal"),
        new Refusal(Refusal.Rule.SELF_LOCKOUT, "alice@acme.example (this token's user) would lose roles-and-authorizations.", null));
  }

  static Plan hostileNames() {
    String evil = "<img src=x onerror=alert(1)> | `rm -rf` **bold** @org/team \u001b[31mred\u001b[0m";
    RoleRef evilRole = new RoleRef("r9", evil);
    return plan(
        List.of(new CreateRole("line\nbreak \"quoted\" \\ back", "```\n</details>", List.of("logs"), null, null, "new"),
            new ChangeMembers(evilRole, List.of(user("u5", "e_r*in")), List.of(), "members differ")),
        List.of(new AccessChange("e_r*in@acme.example", "logs", Direction.GAINED, List.of(evil))),
        List.of(new Warning(Warning.Kind.UNMANAGED_ROLE, "Role \"" + evil + "\" is unmanaged.")),
        List.of(new Refusal(Refusal.Rule.MAX_DELETIONS, "too many | deletions", "--max-deletions=`5`")));
  }

  /** A plan adding {@code n} members to one role, each gaining one permission. */
  static Plan huge(int n) {
    List<UserRef> users = new ArrayList<>(n);
    List<AccessChange> access = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      UserRef u = new UserRef("u" + i, String.format("user%05d@acme.example", i));
      users.add(u);
      access.add(new AccessChange(u.email(), "logs", Direction.GAINED, List.of("Support Techs")));
    }
    return plan(List.of(new ChangeMembers(SUPPORT, users, List.of(), "members differ from the config")), access,
        List.of(), List.of());
  }
}
