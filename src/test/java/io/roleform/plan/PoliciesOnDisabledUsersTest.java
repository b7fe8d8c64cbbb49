package io.roleform.plan;

import static io.roleform.plan.Scenarios.CASES;
import static io.roleform.plan.Scenarios.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.config.ConfigResult;
import io.roleform.diff.Operation;
import io.roleform.policy.AccessState;
import io.roleform.policy.PolicyCheck;
import io.roleform.policy.PolicyFinding;
import io.roleform.portal.LiveState;
import io.roleform.portal.UserStatus;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user whose account is disabled cannot log in, so they hold no access, whatever roles the portal
 * keeps them in — before a plan (disabled live) as after it (disabled by the plan). Policies,
 * {@code check}, the access impact and the access report all read it so: a disabled user counts for
 * no rule ({@code minMembers}, {@code exclusive}, {@code membersMatch} ...). Disabling a user loses
 * every permission of their roles; enabling one again gains it all back, and the access impact
 * shows both.
 *
 * <p>On the case portal, Administrator's members are alice and bob.
 */
class PoliciesOnDisabledUsersTest {

  @TempDir Path dir;

  private static final LiveState BOB_DISABLED = Scenarios.withStatus(CASES, "bob@acme.example", UserStatus.DISABLED);

  private static final String POLICY = """
      policies:
        - name: two-administrators
          minMembers: {role: Administrator, count: 2}
      """;

  @Test
  void disablingOneOfTwoAdministratorsBreaksMinMembersAndIsRefused() throws Exception {
    Plan plan = plan(statuses("bob", "disabled") + POLICY);

    assertThat(plan.operations()).singleElement().isInstanceOf(Operation.DisableUser.class);
    assertThat(plan.access()).as("bob loses every Administrator permission")
        .isNotEmpty().allMatch(a -> a.user().equals("bob@acme.example") && a.direction() == AccessChange.Direction.LOST);
    assertThat(plan.policies()).singleElement().satisfies(f -> {
      assertThat(f.policy()).isEqualTo("two-administrators");
      assertThat(f.status()).isEqualTo(PolicyFinding.Status.INTRODUCED);
      assertThat(f.culprits()).containsExactly("bob@acme.example");
      assertThat(f.causes()).as("the cause is bob's status, not the members list that still names him")
          .singleElement().asString().endsWith("roleform.yaml:4:13: user bob@acme.example is disabled");
    });
    assertThat(plan.isRefusedByPolicy()).isTrue();
  }

  @Test
  void withBothAdministratorsActiveThePolicyHolds() throws Exception {
    Plan plan = plan(statuses("bob", "active") + POLICY);

    assertThat(plan.operations()).isEmpty();
    assertThat(plan.policies()).isEmpty();
  }

  @Test
  void checkCountsOnlyUsersWhoCanLogIn() throws Exception {
    ConfigResult config = Scenarios.load(dir, "apiVersion: roleform/v1\n" + POLICY);

    assertThat(PolicyCheck.check(config.desired(), AccessState.of(CASES))).isEmpty();
    assertThat(PolicyCheck.check(config.desired(), AccessState.of(BOB_DISABLED))).singleElement()
        .satisfies(f -> assertThat(f.policy()).isEqualTo("two-administrators"));
  }

  @Test
  void checkSaysSoInItsHelp() {
    io.roleform.testing.CliRun help = io.roleform.testing.CliRun.run(Map.of(), "check", "--help");
    assertThat(help.out().replaceAll("\\s+", " ")).contains("A disabled user holds nothing (they cannot log in)");
  }

  @Test
  void aPlanThatLeavesAUserDisabledKeepsAPreExistingViolationAsAWarning() throws Exception {
    Plan plan = plan("apiVersion: roleform/v1\n" + POLICY, BOB_DISABLED);

    assertThat(plan.operations()).isEmpty();
    assertThat(plan.access()).isEmpty();
    assertThat(plan.policies()).singleElement()
        .satisfies(f -> assertThat(f.status()).isEqualTo(PolicyFinding.Status.PRE_EXISTING));
    assertThat(plan.isRefusedByPolicy()).isFalse();
  }

  @Test
  void reEnablingAUserShowsEveryPermissionTheyRegainAndFixesTheViolation() throws Exception {
    Plan plan = plan(statuses("bob", "active") + POLICY, BOB_DISABLED);

    assertThat(plan.operations()).singleElement().isInstanceOf(Operation.UpdateUser.class);
    var administrator = CASES.roles().stream().filter(r -> r.name().equals("Administrator")).findFirst().orElseThrow();
    assertThat(administrator.permissions()).isNotEmpty();
    assertThat(plan.access()).as("bob regains every Administrator permission")
        .allMatch(a -> a.user().equals("bob@acme.example") && a.direction() == AccessChange.Direction.GAINED
            && a.via().contains("Administrator"))
        .extracting(AccessChange::permission).containsExactlyInAnyOrderElementsOf(administrator.permissions());
    assertThat(plan.policies()).singleElement()
        .satisfies(f -> assertThat(f.status()).isEqualTo(PolicyFinding.Status.FIXED));
  }

  @Test
  void disablingTheLastActiveAdministratorWhileEnablingAnotherIsNotALockout() throws Exception {
    Plan plan = plan(statuses("alice", "disabled", "bob", "active"), BOB_DISABLED);

    assertThat(plan.operations()).hasSize(2);
    assertThat(plan.refusals()).as("bob is an active Administrator after the plan (alice's token is another matter)")
        .extracting(Refusal::rule).doesNotContain(Refusal.Rule.LAST_ADMIN);
    assertThat(plan(statuses("alice", "disabled"), BOB_DISABLED).refusals()).as("without bob, alice was the last one")
        .extracting(Refusal::rule).contains(Refusal.Rule.LAST_ADMIN);
  }

  @Test
  void removingADisabledUserFromARoleTakesNoAccessAway() throws Exception {
    Plan plan = plan("""
        apiVersion: roleform/v1
        roles:
          - name: Administrator
            members: [alice@acme.example]
        """, BOB_DISABLED);

    assertThat(plan.operations()).singleElement().isInstanceOf(Operation.ChangeMembers.class);
    assertThat(plan.access()).as("bob held nothing before").isEmpty();
  }

  @Test
  void theAccessReportShowsNothingHeldByADisabledUser() {
    String bob = Scenarios.user(CASES, "bob").id();
    AccessState before = PlannedAccess.before(BOB_DISABLED);
    assertThat(before.roles()).allMatch(r -> !r.members().contains(bob));
    assertThat(before.user(bob).status()).isEqualTo(UserStatus.DISABLED);
    assertThat(PlannedAccess.before(CASES).role("Administrator").members()).contains(bob);
  }

  @Test
  void minAdminsCountsOnlyActiveAdministrators() throws Exception {
    PlanOptions twoAdmins = new PlanOptions(false, 2, 3, 50, 100, false);
    String disableBob = statuses("bob", "disabled");

    assertThat(Scenarios.plan(dir, disableBob, CASES, twoAdmins).refusals()).as("disabling one of two administrators leaves one who can act")
        .filteredOn(r -> r.rule() == Refusal.Rule.MIN_ADMINS).singleElement()
        .satisfies(r -> assertThat(r.message()).contains("would be left with 1 active member(s), fewer than 2"));

    assertThat(Scenarios.plan(dir, disableBob, BOB_DISABLED, twoAdmins).refusals()).as("bob was already disabled: the plan takes no administrator away")
        .noneMatch(r -> r.rule() == Refusal.Rule.MIN_ADMINS);
  }

  private Plan plan(String config) throws Exception {
    return plan(config, CASES);
  }

  private Plan plan(String config, LiveState live) throws Exception {
    return Scenarios.plan(dir, config, live, PlanOptions.DEFAULTS);
  }
}
