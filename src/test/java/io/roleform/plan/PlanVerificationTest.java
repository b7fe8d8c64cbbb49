package io.roleform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.diff.Warning;
import io.roleform.policy.PolicyFinding;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@code apply --plan} holds identical between the reviewed plan and the plan made again:
 * everything the plan says about this apply — operations, access impact, refusals, policy
 * findings, warnings and the notification preview. Only the expiring-access forecast (relative to
 * the day the plan was made) may differ.
 */
class PlanVerificationTest {

  private static final PolicyFinding TWO_ADMINS = new PolicyFinding("two-admins", "minMembers", "policies.yaml:3:5",
      PolicyFinding.Status.PRE_EXISTING, "Admin has 1 member, fewer than 2.", List.of("Admin"), List.of());
  private static final Notification CAROL = new Notification("carol@acme.example", Notification.Reason.ADDED,
      List.of("Billing"), List.of());
  private static final ExpiringAccess DANA = new ExpiringAccess("Billing", "dana@acme.example", "2027-01-31", 3);

  @Test
  void identicalPlansHaveNoDifference() {
    Plan plan = with(List.of(TWO_ADMINS), List.of(CAROL), List.of(DANA));
    assertThat(PlanVerification.difference(plan, with(List.of(TWO_ADMINS), List.of(CAROL), List.of(DANA)))).isNull();
  }

  @Test
  void aPolicyFindingThatAppearedSinceReviewIsADifferenceNamingThePolicy() {
    assertThat(PlanVerification.difference(with(List.of(), List.of(), List.of()), with(List.of(TWO_ADMINS), List.of(), List.of())))
        .isEqualTo("it has 0 policy findings where planning again gives 1 (policy two-admins, pre-existing)");
  }

  @Test
  void aPolicyFindingWhoseStatusChangedIsADifference() {
    PolicyFinding worsened = new PolicyFinding("two-admins", "minMembers", "policies.yaml:3:5",
        PolicyFinding.Status.WORSENED, "Admin has 0 members, fewer than 2.", List.of("alice@acme.example"), List.of());
    assertThat(PlanVerification.difference(with(List.of(TWO_ADMINS), List.of(), List.of()), with(List.of(worsened), List.of(), List.of())))
        .isEqualTo("policy finding 1 differs from what planning again gives (saved: policy two-admins, pre-existing;"
            + " now: policy two-admins, worsened)");
  }

  @Test
  void aChangedWarningIsADifference() {
    Plan saved = with(List.of(), List.of(), List.of());
    Plan again = new Plan(saved.formatVersion(), saved.portal(), saved.profile(), saved.configDigest(), saved.fingerprint(),
        saved.options(), saved.operations(), saved.access(),
        List.of(new Warning(Warning.Kind.USER_IN_NO_ROLE, "User carol is in no role.")), saved.refusals(),
        saved.notifications(), saved.policies(), saved.expiring());
    assertThat(PlanVerification.difference(saved, again)).startsWith("warning 1 differs from what planning again gives");
  }

  @Test
  void anEmptiedNotificationPreviewIsADifference() {
    assertThat(PlanVerification.difference(with(List.of(), List.of(), List.of()), with(List.of(), List.of(CAROL), List.of())))
        .isEqualTo("it has 0 notifications where planning again gives 1 (carol@acme.example, added)");
  }

  @Test
  void theExpiringForecastMayDifferByTheDayItWasMade() {
    ExpiringAccess nextDay = new ExpiringAccess("Billing", "dana@acme.example", "2027-01-31", 2);
    ExpiringAccess erin = new ExpiringAccess("Billing", "erin@acme.example", "2027-02-13", 14);
    assertThat(PlanVerification.difference(with(List.of(), List.of(), List.of(DANA)),
        with(List.of(), List.of(), List.of(nextDay, erin)))).isNull();
  }

  private static Plan with(List<PolicyFinding> policies, List<Notification> notifications, List<ExpiringAccess> expiring) {
    Plan p = PlanJsonTest.samplePlan();
    return new Plan(p.formatVersion(), p.portal(), p.profile(), p.configDigest(), p.fingerprint(), p.options(),
        p.operations(), p.access(), p.warnings(), p.refusals(), notifications, policies, expiring);
  }
}
