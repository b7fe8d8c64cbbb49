package io.roleform.plan;

import io.roleform.diff.Operation;
import io.roleform.diff.RoleRef;
import io.roleform.diff.Warning;
import static io.roleform.plan.Scenarios.CASES;
import static io.roleform.plan.Scenarios.SECURE;
import static io.roleform.plan.Scenarios.only;
import static io.roleform.plan.Scenarios.ops;
import static io.roleform.plan.Scenarios.plan;
import static io.roleform.plan.Scenarios.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.config.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerDeletionsTest {

  @Test
  void removedRoleIsDeletedAndItsMembersMove() {
    Plan plan = plan(Desired.config().role("Support Techs").removed("Interns", "Support Techs"), SECURE);

    assertThat(plan.operations()).containsExactly(new Operation.DeleteRole(new RoleRef("r4", "Interns"),
        new RoleRef("r2", "Support Techs"), 2, "listed in removed: (members move to Support Techs)"));
  }

  @Test
  void removedRoleWithoutTargetDropsItsMembers() {
    Operation.DeleteRole delete = only(plan(Desired.config().removed("Interns", null), SECURE), Operation.DeleteRole.class);

    assertThat(delete.moveMembersTo()).isNull();
    assertThat(delete.reason()).isEqualTo("listed in removed:");
  }

  @Test
  void removedRoleAlreadyGoneIsAnInfoNoteNotAWarningNorAnError() {
    PlanResult result = Planner.plan(Desired.config().removed("Contractors", null).build(), SECURE,
        PlanOptions.DEFAULTS, "http://127.0.0.1:8080");

    assertThat(result.plan().operations()).isEmpty();
    assertThat(result.plan().warnings()).extracting(Warning::message).noneMatch(m -> m.contains("Contractors"));
    assertThat(result.notes()).singleElement().asString()
        .startsWith("role Contractors is listed in removed: and is already gone from the live portal");
  }

  @Test
  void moveMembersToARoleThatExistsNowhereIsAProblem() {
    List<Diagnostic> problems = problems(Desired.config().removed("Interns", "Suport Techs"), SECURE);

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("/removed/Interns/moveMembersTo");
      assertThat(p.hint()).isEqualTo("did you mean `Support Techs`?");
    });
  }

  @Test
  void moveMembersToACreatedRoleDeletesAfterCreating() {
    Plan plan = plan(Desired.config().role("Trainees").removed("Interns", "Trainees"), SECURE);

    assertThat(plan.operations()).extracting(Operation::getClass).containsExactly(Operation.CreateRole.class, Operation.DeleteRole.class);
    assertThat(only(plan, Operation.DeleteRole.class).moveMembersTo()).isEqualTo(new RoleRef(null, "Trainees"));
  }

  @Test
  void moveMembersToARenamedRoleNamesItByItsFinalName() {
    Plan plan = plan(Desired.config().role("Support Technicians", r -> r.formerNames("Support Techs"))
        .removed("Interns", "Support Techs"), SECURE);

    assertThat(only(plan, Operation.DeleteRole.class).moveMembersTo()).isEqualTo(new RoleRef("r2", "Support Technicians"));
  }

  @Test
  void liveRoleNotInConfigIsUnmanagedAndLeftAlone() {
    Plan plan = plan(Desired.config().role("Billing"), SECURE);

    assertThat(plan.operations()).isEmpty();
    assertThat(plan.warnings()).filteredOn(w -> w.kind() == Warning.Kind.UNMANAGED_ROLE).extracting(Warning::message)
        .anySatisfy(m -> assertThat(m).contains("`Interns`"))
        .anySatisfy(m -> assertThat(m).contains("`Support Techs`"));
  }

  @Test
  void pruneDeletesRolesNotInConfigButNeverBuiltIns() {
    Plan plan = plan(Desired.config().role("Department Leads"), CASES, Scenarios.withPrune());

    assertThat(plan.operations()).isEmpty();

    Plan secure = plan(Desired.config().role("Billing"), SECURE, Scenarios.withPrune());
    assertThat(ops(secure, Operation.DeleteRole.class)).extracting(d -> d.role().name(), Operation.DeleteRole::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Interns", "pruned: not in config (--prune)"),
            org.assertj.core.groups.Tuple.tuple("Support Techs", "pruned: not in config (--prune)"));
  }

  @Test
  void builtInRoleListedInRemovedIsAProblem() {
    List<Diagnostic> problems = problems(Desired.config().removed("Case handler", null), CASES);

    assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("cannot be deleted"));
  }
}
