package io.roleform.plan;

import io.roleform.diff.Operation;
import io.roleform.diff.RoleRef;
import io.roleform.diff.Change;
import static io.roleform.plan.Scenarios.CASES;
import static io.roleform.plan.Scenarios.SECURE;
import static io.roleform.plan.Scenarios.only;
import static io.roleform.plan.Scenarios.ops;
import static io.roleform.plan.Scenarios.plan;
import static io.roleform.plan.Scenarios.problems;
import static io.roleform.plan.Scenarios.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.config.Diagnostic;
import io.roleform.config.SourcePosition;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerRolesTest {

  @Test
  void roleNotLiveIsCreated() {
    Plan plan = plan(Desired.config().role("IT Administrators", r -> r.permissions("domain-management", "activation-rules")), SECURE);

    assertThat(plan.operations()).containsExactly(new Operation.CreateRole("IT Administrators", null,
        List.of("activation-rules", "domain-management"), null, null, "not in the live portal"));
  }

  @Test
  void copyFromLiveTemplateTakesItsPermissionsAndDescriptionButNotItsMembers() {
    Plan plan = plan(Desired.config().role("Billing Auditors", r -> r.copyFrom("Billing").members("frank@acme.example")), SECURE);

    Operation.CreateRole create = only(plan, Operation.CreateRole.class);
    assertThat(create.permissions()).containsExactly("billing", "purchase");
    assertThat(create.description()).isEmpty();
    assertThat(create.copyFrom()).isEqualTo(new RoleRef("r3", "Billing"));
    assertThat(create.reason()).isEqualTo("not in the live portal (copied from \"Billing\")");
    Operation.ChangeMembers members = only(plan, Operation.ChangeMembers.class);
    assertThat(members.role()).isEqualTo(new RoleRef(null, "Billing Auditors"));
    assertThat(members.add()).containsExactly(user(SECURE, "frank"));
  }

  @Test
  void copyFromExplicitFieldsWin() {
    Plan plan = plan(Desired.config().role("Auditors", r -> r.copyFrom("Billing").permissions("logs").description("Read only")), SECURE);

    Operation.CreateRole create = only(plan, Operation.CreateRole.class);
    assertThat(create.permissions()).containsExactly("logs");
    assertThat(create.description()).isEqualTo("Read only");
  }

  @Test
  void copyFromDeclaredLiveTemplateUsesItsDesiredValues() {
    Plan plan = plan(Desired.config()
        .role("Billing", r -> r.permissions("billing").description("Bills"))
        .role("Billing Auditors", r -> r.copyFrom("Billing")), SECURE);

    Operation.CreateRole create = only(plan, Operation.CreateRole.class);
    assertThat(create.permissions()).containsExactly("billing");
    assertThat(create.description()).isEqualTo("Bills");
    assertThat(create.copyFrom()).isEqualTo(new RoleRef("r3", "Billing"));
  }

  @Test
  void copyFromCreatedTemplateHasNoIdAndIsCreatedFirst() {
    Plan plan = plan(Desired.config()
        .role("Alpha", r -> r.copyFrom("Zeta"))
        .role("Zeta", r -> r.permissions("logs", "admin-logs")), SECURE);

    List<Operation.CreateRole> creates = ops(plan, Operation.CreateRole.class);
    assertThat(creates).extracting(Operation.CreateRole::name).containsExactly("Zeta", "Alpha");
    assertThat(creates.get(1).copyFrom()).isEqualTo(new RoleRef(null, "Zeta"));
    assertThat(creates.get(1).permissions()).containsExactly("admin-logs", "logs");
  }

  @Test
  void copyFromRoleThatExistsNowhereIsAProblem() {
    List<Diagnostic> problems = problems(Desired.config().role("Auditors", r -> r.copyFrom("Biling")), SECURE);

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("/roles/Auditors/copyFrom");
      assertThat(p.message()).contains("exists nowhere", "Biling");
      assertThat(p.hint()).isEqualTo("did you mean `Billing`?");
    });
  }

  @Test
  void formerNamesRenameKeepsTheRoleAndItsMembers() {
    Plan plan = plan(Desired.config().role("Support Technicians", r -> r.formerNames("Support Techs")
        .members("grace@acme.example", "heidi@acme.example")), SECURE);

    assertThat(plan.operations()).containsExactly(new Operation.UpdateRole(new RoleRef("r2", "Support Techs"),
        new Change<>("Support Techs", "Support Technicians"), null, null, null, "1",
        "renamed from \"Support Techs\" (formerNames)"));
  }

  @Test
  void roleNamedOnlyLeavesEveryFieldAlone() {
    Plan plan = plan(Desired.config().role("Billing"), SECURE);

    assertThat(plan.operations()).isEmpty();
  }

  @Test
  void nameDifferingOnlyInCaseMatchesAndRenames() {
    Operation.UpdateRole update = only(plan(Desired.config().role("BILLING"), SECURE), Operation.UpdateRole.class);

    assertThat(update.name()).isEqualTo(new Change<>("Billing", "BILLING"));
    assertThat(update.reason()).contains("case");
  }

  @Test
  void renameDescriptionAndPermissionsAreOneUpdateWithOnlyChangedFields() {
    Plan plan = plan(Desired.config().role("Money", r -> r.formerNames("Billing").description("Bills and plans")
        .permissions("purchase", "billing", "business-management")), SECURE);

    Operation.UpdateRole update = only(plan, Operation.UpdateRole.class);
    assertThat(plan.operations()).hasSize(1);
    assertThat(update.role()).isEqualTo(new RoleRef("r3", "Billing"));
    assertThat(update.name()).isEqualTo(new Change<>("Billing", "Money"));
    assertThat(update.description()).isEqualTo(new Change<>("", "Bills and plans"));
    assertThat(update.permissions()).isEqualTo(new Change<>(List.of("billing", "purchase"),
        List.of("billing", "business-management", "purchase")));
    assertThat(update.caseActions()).isNull();
    assertThat(update.expectedVersion()).isEqualTo("1");
    assertThat(update.reason()).isEqualTo("renamed from \"Billing\" (formerNames); config differs from live");
  }

  @Test
  void emptyListIsManagedAndEmpty() {
    Operation.UpdateRole update = only(plan(Desired.config().role("Billing", r -> r.permissions()), SECURE), Operation.UpdateRole.class);

    assertThat(update.permissions()).isEqualTo(new Change<>(List.of("billing", "purchase"), List.of()));
  }

  @Test
  void builtInPermissionsCannotChange() {
    List<Diagnostic> problems = problems(Desired.config().role("Admin", r -> r.permissions("logs")), SECURE);

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.position()).isEqualTo(new SourcePosition("roles.yaml", 12, 3));
      assertThat(p.path()).isEqualTo("/roles/Admin/permissions");
      assertThat(p.hint()).isEqualTo("built-in roles keep their permissions; manage only members (and caseActions)");
    });
  }

  @Test
  void builtInWithItsOwnPermissionsWrittenOutIsNoChange() {
    Plan plan = plan(Desired.config().role("Statistics viewer", r -> r.permissions("profile-settings", "statistics")), CASES);

    assertThat(plan.operations()).isEmpty();
  }

  @Test
  void unknownPermissionIsAProblemWithTheNearestId() {
    List<Diagnostic> problems = problems(Desired.config().role("Billing", r -> r.permissions("billing", "purchse")), SECURE);

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.position()).isEqualTo(Desired.entryPosition(1, "permissions", 1));
      assertThat(p.path()).isEqualTo("/roles/Billing/permissions/1");
      assertThat(p.message()).contains("unknown permission `purchse`");
      assertThat(p.hint()).isEqualTo("did you mean `purchase`?");
    });
  }

  @Test
  void caseActionsOfBuiltInCaseHandlerCanChange() {
    Operation.UpdateRole update = only(plan(Desired.config().role("Case handler",
        r -> r.caseActions("assign", "view", "comment")), CASES), Operation.UpdateRole.class);

    assertThat(update.caseActions()).isEqualTo(new Change<>(List.of("view", "comment"), List.of("view", "comment", "assign")));
    assertThat(update.permissions()).isNull();
  }

  @Test
  void caseActionsNeedTheCasesPermission() {
    List<Diagnostic> problems = problems(Desired.config().role("System technician", r -> r.caseActions("view")), CASES);

    assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("`cases`"));
  }

  @Test
  void unknownCaseActionIsAProblemWithTheNearestAction() {
    List<Diagnostic> problems = problems(Desired.config().role("Department Leads", r -> r.caseActions("view", "clsoe")), CASES);

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("/roles/Department Leads/caseActions/1");
      assertThat(p.hint()).isEqualTo("did you mean `close`?");
    });
  }

  @Test
  void caseActionsOnPortalWithoutThemIsAProblem() {
    List<Diagnostic> problems = problems(Desired.config().role("Billing", r -> r.caseActions("view")), SECURE);

    assertThat(problems).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("not supported by this portal kind (secure-exchanges)"));
  }

  @Test
  void formerNameOfAnotherDeclaredRolesLiveRoleIsAmbiguous() {
    List<Diagnostic> problems = problems(Desired.config().role("Billing").role("Money", r -> r.formerNames("Billing")), SECURE);

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("/roles/Money/formerNames/0");
      assertThat(p.message()).contains("ambiguous rename", "`Billing`");
    });
  }

  @Test
  void twoLiveRolesMatchingOneDeclaredRoleIsAmbiguous() {
    List<Diagnostic> problems = problems(Desired.config().role("Billing", r -> r.formerNames("Interns")), SECURE);

    assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("both live roles `Billing` and `Interns`"));
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    List<Diagnostic> problems = problems(Desired.config()
        .role("Billing", r -> r.permissions("biling").members("nobody@acme.example"))
        .role("X", r -> r.copyFrom("Nowhere")), SECURE);

    assertThat(problems).hasSize(3);
    assertThat(problems).isSortedAccordingTo(Diagnostic.ORDER);
  }

  @Test
  void copyFromOnALiveRoleIsIgnoredEvenWhenTheTemplateIsGone() {
    assertThat(plan(Desired.config().role("Billing", r -> r.copyFrom("Interns")), SECURE).operations()).isEmpty();
    assertThat(plan(Desired.config().role("Billing", r -> r.copyFrom("Deleted Long Ago")), SECURE).operations()).isEmpty();
  }
}
