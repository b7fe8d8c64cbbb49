package io.roleform.plan;

import io.roleform.diff.Operation;
import io.roleform.diff.RoleRef;
import io.roleform.diff.Warning;
import static io.roleform.plan.Scenarios.APPS;
import static io.roleform.plan.Scenarios.SECURE;
import static io.roleform.plan.Scenarios.only;
import static io.roleform.plan.Scenarios.ops;
import static io.roleform.plan.Scenarios.plan;
import static io.roleform.plan.Scenarios.problems;
import static io.roleform.plan.Scenarios.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.config.Diagnostic;
import io.roleform.portal.LiveState;
import io.roleform.portal.UserStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerMembersTest {

  @Test
  void addsAndRemovesOfOneRoleAreOneBatchSortedByEmail() {
    Plan plan = plan(Desired.config().role("Support Techs", r -> r.members("trent@acme.example", "heidi@acme.example",
        "carol@acme.example")), SECURE);

    assertThat(plan.operations()).containsExactly(new Operation.ChangeMembers(new RoleRef("r2", "Support Techs"),
        List.of(user(SECURE, "carol"), user(SECURE, "trent")), List.of(user(SECURE, "grace")), "config differs from live"));
  }

  @Test
  void membersAreComparedCaseInsensitively() {
    Plan plan = plan(Desired.config().role("Billing", r -> r.members("IVAN@Acme.Example")), SECURE);

    assertThat(plan.operations()).isEmpty();
  }

  @Test
  void membersAbsentAreUnmanaged() {
    Plan plan = plan(Desired.config().role("Billing", r -> r.permissions("billing", "purchase")), SECURE);

    assertThat(ops(plan, Operation.ChangeMembers.class)).isEmpty();
  }

  @Test
  void emptyMembersRemovesEveryone() {
    Operation.ChangeMembers change = only(plan(Desired.config().role("Interns", r -> r.members()), SECURE), Operation.ChangeMembers.class);

    assertThat(change.add()).isEmpty();
    assertThat(change.remove()).containsExactly(user(SECURE, "judy"), user(SECURE, "mallory"));
  }

  @Test
  void unknownMemberIsAProblemWithTheNearestEmail() {
    List<Diagnostic> problems = problems(Desired.config().role("Billing", r -> r.members("ivan@acme.example", "judi@acme.example")), SECURE);

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.position()).isEqualTo(Desired.entryPosition(1, "members", 1));
      assertThat(p.path()).isEqualTo("/roles/Billing/members/1");
      assertThat(p.message()).contains("unknown user `judi@acme.example`");
      assertThat(p.hint()).isEqualTo("did you mean `judy@acme.example`?");
    });
  }

  @Test
  void pendingApplierIsApprovedIntoTheFirstRoleListingThemAndAddedToTheOthers() {
    Plan plan = plan(Desired.config()
        .role("Viewers", r -> r.members("erin@acme.example", "frank@acme.example", "grace@acme.example", "victor@acme.example"))
        .role("Editors", r -> r.members("carol@acme.example", "dan@acme.example", "sybil@partner.example", "victor@acme.example")), APPS);

    assertThat(plan.operations()).containsExactly(
        new Operation.ApproveApplier(user(APPS, "victor"), new RoleRef("r3", "Viewers"), "pending applier listed as member"),
        new Operation.ChangeMembers(new RoleRef("r2", "Editors"), List.of(user(APPS, "victor")), List.of(), "config differs from live"));
  }

  @Test
  void disabledUserIsAllowedButWarnedAbout() {
    LiveState live = Scenarios.withStatus(SECURE, "trent@acme.example", UserStatus.DISABLED);

    Plan plan = plan(Desired.config().role("Billing", r -> r.members("ivan@acme.example", "trent@acme.example")), live);

    assertThat(only(plan, Operation.ChangeMembers.class).add()).containsExactly(user(live, "trent"));
    assertThat(plan.warnings()).extracting(Warning::kind).contains(Warning.Kind.DISABLED_MEMBER);
  }

  @Test
  void membersMovedFromADeletedRoleCountAsLiveMembersOfTheTarget() {
    Plan plan = plan(Desired.config()
        .role("Support Techs", r -> r.members("grace@acme.example", "heidi@acme.example", "judy@acme.example"))
        .removed("Interns", "Support Techs"), SECURE);

    Operation.ChangeMembers change = only(plan, Operation.ChangeMembers.class);
    assertThat(change.add()).isEmpty();
    assertThat(change.remove()).containsExactly(user(SECURE, "mallory"));
  }

  @Test
  void membersOfACreatedRoleAreAddedToTheRoleByName() {
    Operation.ChangeMembers change = only(plan(Desired.config().role("Auditors", r -> r.members("olivia@acme.example")), SECURE),
        Operation.ChangeMembers.class);

    assertThat(change.role()).isEqualTo(new RoleRef(null, "Auditors"));
    assertThat(change.add()).containsExactly(user(SECURE, "olivia"));
  }
}
