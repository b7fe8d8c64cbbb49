package io.roleform.plan;

import io.roleform.diff.Warning;
import static io.roleform.plan.Scenarios.SECURE;
import static io.roleform.plan.Scenarios.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.plan.AccessChange.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessImpactTest {

  @Test
  void addedMemberGainsTheRolesPermissionsThroughIt() {
    Plan plan = plan(Desired.config().role("Billing", r -> r.members("ivan@acme.example", "carol@acme.example")), SECURE);

    assertThat(plan.access()).containsExactly(
        new AccessChange("carol@acme.example", "billing", Direction.GAINED, List.of("Billing")),
        new AccessChange("carol@acme.example", "purchase", Direction.GAINED, List.of("Billing")));
  }

  @Test
  void permissionRemovedFromARoleIsLostByItsMembers() {
    Plan plan = plan(Desired.config().role("Billing", r -> r.permissions("billing")), SECURE);

    assertThat(plan.access()).containsExactly(new AccessChange("ivan@acme.example", "purchase", Direction.LOST, List.of("Billing")));
  }

  @Test
  void permissionKeptThroughAnotherRoleIsNoChange() {
    Plan plan = plan(Desired.config().role("Support Techs", r -> r.members("grace@acme.example", "heidi@acme.example", "judy@acme.example"))
        .role("Interns", r -> r.members("mallory@acme.example")), SECURE);

    assertThat(plan.access()).isEmpty();
  }

  @Test
  void movedMembersKeepAccessTheTargetGrants() {
    Plan plan = plan(Desired.config().removed("Interns", "Support Techs"), SECURE);

    assertThat(plan.access()).isEmpty();
  }

  @Test
  void gainsAndLossesAreSortedByUserThenDirectionThenPermissionWithEveryRoleNamed() {
    Plan plan = plan(Desired.config()
        .role("Billing", r -> r.permissions("billing", "logs").members("ivan@acme.example", "grace@acme.example")), SECURE);

    assertThat(plan.access()).containsExactly(
        new AccessChange("grace@acme.example", "billing", Direction.GAINED, List.of("Billing")),
        new AccessChange("ivan@acme.example", "logs", Direction.GAINED, List.of("Billing")),
        new AccessChange("ivan@acme.example", "purchase", Direction.LOST, List.of("Billing")));
  }

  @Test
  void renamedRoleIsNamedByItsNewNameForGainsAndItsOldNameForLosses() {
    Plan plan = plan(Desired.config().role("Money", r -> r.formerNames("Billing").permissions("billing", "logs")), SECURE);

    assertThat(plan.access()).containsExactly(
        new AccessChange("ivan@acme.example", "logs", Direction.GAINED, List.of("Money")),
        new AccessChange("ivan@acme.example", "purchase", Direction.LOST, List.of("Billing")));
  }

  @Test
  void userLosingTheirLastRoleIsWarnedAbout() {
    Plan plan = plan(Desired.config().role("Billing", r -> r.members()), SECURE, new PlanOptions(false, 1, 3, 50, 100, false));

    assertThat(plan.warnings()).filteredOn(w -> w.kind() == Warning.Kind.USER_IN_NO_ROLE).extracting(Warning::message)
        .containsExactly("user ivan@acme.example is in no role after this plan");
  }
}
