package io.roleform.plan;

import io.roleform.diff.Operation;
import io.roleform.diff.RoleRef;
import static io.roleform.plan.Scenarios.SECURE;
import static io.roleform.plan.Scenarios.only;
import static io.roleform.plan.Scenarios.ops;
import static io.roleform.plan.Scenarios.plan;
import static io.roleform.plan.Scenarios.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.config.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerOrderTest {

  private static List<String> orderAfter(Plan plan) {
    return only(plan, Operation.ReorderRoles.class).after().stream().map(RoleRef::name).toList();
  }

  @Test
  void namedRolesComeFirstInThatOrderAndTheAdminRoleAlwaysFirst() {
    Plan plan = plan(Desired.config().order("Interns", "Billing"), SECURE);

    assertThat(orderAfter(plan)).containsExactly("Admin", "Interns", "Billing", "Support Techs");
    Operation.ReorderRoles reorder = only(plan, Operation.ReorderRoles.class);
    assertThat(reorder.before()).extracting(RoleRef::name).containsExactly("Admin", "Support Techs", "Billing", "Interns");
    assertThat(reorder.after()).allSatisfy(r -> assertThat(r.id()).isNotNull());
  }

  @Test
  void orderThatIsAlreadyLiveChangesNothing() {
    assertThat(plan(Desired.config().order("Admin", "Support Techs"), SECURE).operations()).isEmpty();
  }

  @Test
  void createdRolesFollowInCreationOrder() {
    Plan plan = plan(Desired.config().role("Zed").role("Auditors").order("Interns"), SECURE);

    assertThat(orderAfter(plan)).containsExactly("Admin", "Interns", "Support Techs", "Billing", "Auditors", "Zed");
  }

  @Test
  void createdRolesAppendedWithoutOtherChangeNeedNoReorder() {
    Plan plan = plan(Desired.config().role("Auditors").order("Admin", "Support Techs", "Billing", "Interns"), SECURE);

    assertThat(ops(plan, Operation.ReorderRoles.class)).isEmpty();
  }

  @Test
  void orderUsesFinalNamesOfRenamedRoles() {
    Plan plan = plan(Desired.config().role("Techs", r -> r.formerNames("Support Techs")).order("Billing", "Techs"), SECURE);

    assertThat(orderAfter(plan)).containsExactly("Admin", "Billing", "Techs", "Interns");
  }

  @Test
  void deletedRolesLeaveTheOrder() {
    Plan plan = plan(Desired.config().order("Billing").removed("Interns", "Billing"), SECURE);

    assertThat(orderAfter(plan)).containsExactly("Admin", "Billing", "Support Techs");
  }

  @Test
  void orderNamingARoleThatExistsNowhereIsAProblem() {
    List<Diagnostic> problems = problems(Desired.config().order("Billing", "Internz"), SECURE);

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("/order/1");
      assertThat(p.hint()).isEqualTo("did you mean `Interns`?");
    });
  }

  @Test
  void orderAbsentIsUnmanaged() {
    assertThat(ops(plan(Desired.config().role("Auditors"), SECURE), Operation.ReorderRoles.class)).isEmpty();
  }
}
