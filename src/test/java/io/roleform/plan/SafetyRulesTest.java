package io.roleform.plan;

import static io.roleform.plan.Scenarios.SECURE;
import static io.roleform.plan.Scenarios.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.portal.LiveState;
import io.roleform.testing.InMemoryPortal;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SafetyRulesTest {

  private static PlanOptions options(int minAdmins, int maxDeletions, int maxRemovals, int percent, boolean allowRemoval) {
    return new PlanOptions(false, minAdmins, maxDeletions, maxRemovals, percent, allowRemoval);
  }

  private static LiveState supportTechsWithSixMembers() {
    InMemoryPortal portal = InMemoryPortal.secureExchanges();
    portal.changeMembers("r2", Set.of("u3", "u4", "u5", "u6"), Set.of());
    return portal.read();
  }

  @Test
  void adminRoleLeftWithFewerThanMinAdminsIsRefused() {
    Plan plan = plan(Desired.config().role("Admin", r -> r.members("alice@acme.example")), SECURE, options(2, 3, 50, 100, false));

    assertThat(plan.refusals()).containsExactly(new Refusal(Refusal.Rule.MIN_ADMINS,
        "the admin role `Admin` would be left with 1 active member(s), fewer than 2", "--min-admins=1"));
    assertThat(plan.isRefused()).isTrue();
  }

  @Test
  void adminRoleKeepingMinAdminsIsNotRefused() {
    Plan plan = plan(Desired.config().role("Admin", r -> r.members("alice@acme.example")), SECURE, options(1, 3, 50, 100, false));

    assertThat(plan.refusals()).isEmpty();
  }

  @Test
  void tokenUserLosingTheRoleManagementPermissionIsRefusedWithoutOverride() {
    Plan plan = plan(Desired.config().role("Admin", r -> r.members("bob@acme.example")), SECURE, options(1, 3, 50, 100, false));

    assertThat(plan.refusals()).singleElement().satisfies(r -> {
      assertThat(r.rule()).isEqualTo(Refusal.Rule.SELF_LOCKOUT);
      assertThat(r.message()).contains("alice@acme.example", "roles-and-authorizations");
      assertThat(r.override()).isNull();
    });
  }

  @Test
  void moreDeletionsThanMaxDeletionsAreRefused() {
    Plan plan = plan(Desired.config().removed("Interns", "Billing").removed("Support Techs", "Billing"), SECURE,
        options(1, 1, 50, 25, false));

    assertThat(plan.refusals()).singleElement().satisfies(r -> {
      assertThat(r.rule()).isEqualTo(Refusal.Rule.MAX_DELETIONS);
      assertThat(r.message()).contains("Interns", "Support Techs");
      assertThat(r.override()).isEqualTo("--max-deletions=2");
    });
  }

  @Test
  void removingMoreThanThePercentageOfARolesMembersIsRefused() {
    Plan plan = plan(Desired.config().role("Support Techs", r -> r.members("carol@acme.example", "dan@acme.example",
        "erin@acme.example", "frank@acme.example")), supportTechsWithSixMembers(), options(1, 3, 50, 25, false));

    assertThat(plan.refusals()).singleElement().satisfies(r -> {
      assertThat(r.rule()).isEqualTo(Refusal.Rule.MAX_MEMBER_REMOVALS);
      assertThat(r.message()).contains("2 of the 6 members of `Support Techs`");
      assertThat(r.override()).isEqualTo("--max-member-removal-percent=34");
    });
  }

  @Test
  void percentageDoesNotApplyToRolesWithFewerThanFourMembers() {
    Plan plan = plan(Desired.config().role("Support Techs", r -> r.members("grace@acme.example")), SECURE, options(1, 3, 50, 25, false));

    assertThat(plan.refusals()).isEmpty();
  }

  @Test
  void moreMemberRemovalsInTotalThanTheLimitAreRefused() {
    Plan plan = plan(Desired.config().role("Support Techs", r -> r.members()).role("Interns", r -> r.members()), SECURE,
        options(1, 3, 3, 100, false));

    assertThat(plan.refusals()).singleElement().satisfies(r -> {
      assertThat(r.rule()).isEqualTo(Refusal.Rule.MAX_MEMBER_REMOVALS);
      assertThat(r.override()).isEqualTo("--max-member-removals=4");
    });
  }

  @Test
  void deletingARoleWithMembersWithoutMoveNeedsAllowMemberRemoval() {
    Desired config = Desired.config().removed("Interns", null);

    assertThat(plan(config, SECURE).refusals()).containsExactly(new Refusal(Refusal.Rule.MEMBER_REMOVAL,
        "deleting role `Interns` would remove its 2 member(s); name moveMembersTo in removed: to keep them",
        "--allow-member-removal"));
    assertThat(plan(config, SECURE, options(1, 3, 50, 25, true)).refusals()).isEmpty();
  }

  @Test
  void deletingWithMoveMembersToIsNoMemberRemoval() {
    Plan plan = plan(Desired.config().removed("Interns", "Billing"), SECURE, options(1, 3, 0, 0, false));

    assertThat(plan.refusals()).isEmpty();
  }

  @Test
  void prunedRoleWithMembersNeedsAllowMemberRemoval() {
    Plan plan = plan(Desired.config().role("Billing").role("Support Techs"), SECURE, Scenarios.withPrune());

    assertThat(plan.refusals()).extracting(Refusal::rule).containsExactly(Refusal.Rule.MEMBER_REMOVAL);
  }
}
