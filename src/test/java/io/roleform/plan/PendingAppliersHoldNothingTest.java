package io.roleform.plan;

import static io.roleform.plan.Scenarios.APPS;
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
 * A pending applier cannot sign in until approved, so holds nothing, even where the portal lists
 * them in a role — before a plan and after it, unless the plan approves them (DESIGN §2: "a pending
 * applier listed as member is approved into that role"). Policies, {@code check}, the access impact
 * and the access report count them as the safety rules on the admin role do ({@link ActiveAdmins}):
 * the holders of a role are exactly its active members.
 *
 * <p>They used to disagree: policies and the report counted a pending member as holding the role,
 * the safety rules did not, so with Admin = {bob, victor (pending)} {@code minMembers: {role: Admin,
 * count: 2}} held while {@code --min-admins} counted one active administrator; approving victor
 * showed no access gained; and an applier the plan denies still held Admin after it.
 *
 * <p>On the app-roles portal here, Admin's members are bob (active) and victor (a pending applier
 * the portal lists in the role).
 */
class PendingAppliersHoldNothingTest {

  @TempDir Path dir;

  private static final LiveState PENDING_IN_ADMIN = Scenarios.withMembers(APPS, "Admin", "bob@acme.example",
      "victor@acme.example");

  private static final String TWO_ADMINS = """
      apiVersion: roleform/v1
      policies:
        - name: two-admins
          minMembers: {role: Admin, count: 2}
      """;

  @Test
  void checkCountsAPendingMemberForNoRule() throws Exception {
    ConfigResult config = Scenarios.load(dir, TWO_ADMINS);

    assertThat(PolicyCheck.check(config.desired(), AccessState.of(PENDING_IN_ADMIN))).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("1"));
    assertThat(PolicyCheck.check(config.desired(), AccessState.of(Scenarios.withMembers(APPS, "Admin",
        "alice@acme.example", "bob@acme.example")))).as("two active administrators").isEmpty();
  }

  @Test
  void theAccessReportGrantsAPendingMemberNothingButListsThem() {
    String victor = Scenarios.user(APPS, "victor").id();
    AccessState before = PlannedAccess.before(PENDING_IN_ADMIN);

    assertThat(before.role("Admin").members()).containsExactly(Scenarios.user(APPS, "bob").id());
    assertThat(before.user(victor).status()).isEqualTo(UserStatus.PENDING);
    assertThat(before.holders("manage-members")).doesNotContain(victor);
  }

  @Test
  void aPlanThatLeavesThemPendingKeepsTheViolationAsAWarning() throws Exception {
    Plan plan = plan(TWO_ADMINS);

    assertThat(plan.operations()).isEmpty();
    assertThat(plan.policies()).singleElement()
        .satisfies(f -> assertThat(f.status()).isEqualTo(PolicyFinding.Status.PRE_EXISTING));
    assertThat(PlannedAccess.after(PENDING_IN_ADMIN, plan).role("Admin").members()).hasSize(1);
  }

  @Test
  void approvingThemShowsEveryPermissionTheyGainAndFixesTheViolation() throws Exception {
    // Listing victor in Viewers approves him (into Viewers): from then on his Admin membership counts too.
    Plan plan = plan(TWO_ADMINS + """
        roles:
          - name: Viewers
            members: [erin@acme.example, frank@acme.example, grace@acme.example, victor@acme.example]
        """);

    assertThat(plan.operations()).singleElement().isInstanceOf(Operation.ApproveApplier.class);
    var admin = APPS.roles().stream().filter(r -> r.name().equals("Admin")).findFirst().orElseThrow();
    assertThat(plan.access()).as("victor gains every permission of his roles, Admin's included")
        .allMatch(a -> a.user().equals("victor@acme.example") && a.direction() == AccessChange.Direction.GAINED)
        .extracting(AccessChange::permission).containsExactlyInAnyOrderElementsOf(admin.permissions());
    assertThat(plan.policies()).singleElement()
        .satisfies(f -> assertThat(f.status()).isEqualTo(PolicyFinding.Status.FIXED));
    assertThat(PlannedAccess.after(PENDING_IN_ADMIN, plan).role("Admin").members()).hasSize(2);
  }

  @Test
  void aDeniedApplierHoldsNothingAfterThePlan() throws Exception {
    Plan plan = plan("""
        apiVersion: roleform/v1
        appliers:
          deny: [victor@acme.example]
        """);

    assertThat(plan.operations()).singleElement().isInstanceOf(Operation.DenyApplier.class);
    assertThat(plan.access()).as("victor held nothing and holds nothing").isEmpty();
    AccessState after = PlannedAccess.after(PENDING_IN_ADMIN, plan);
    assertThat(after.role("Admin").members()).containsExactly(Scenarios.user(APPS, "bob").id());
    assertThat(after.users()).extracting(u -> u.email()).doesNotContain("victor@acme.example");
  }

  @Test
  void checkSaysSoInItsHelp() {
    io.roleform.testing.CliRun help = io.roleform.testing.CliRun.run(Map.of(), "check", "--help");
    assertThat(help.out().replaceAll("\\s+", " ")).contains("a pending applier holds nothing until approved");
  }

  private Plan plan(String config) throws Exception {
    return Scenarios.plan(dir, config, PENDING_IN_ADMIN, PlanOptions.DEFAULTS);
  }
}
