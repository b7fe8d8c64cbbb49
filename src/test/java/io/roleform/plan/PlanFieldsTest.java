package io.roleform.plan;

import static io.roleform.plan.Scenarios.SECURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlanFieldsTest {

  @Test
  void planRecordsWhereAndFromWhatItWasMade() {
    PlanOptions options = new PlanOptions(true, 2, 5, 10, 30, true);
    PlanResult result = Planner.plan(Desired.config().role("Billing").build(), SECURE, options, "https://portal.example");

    assertThat(result.ok()).isTrue();
    assertThat(result.problems()).isEmpty();
    Plan plan = result.plan();
    assertThat(plan.formatVersion()).isEqualTo(Plan.FORMAT_VERSION);
    assertThat(plan.portal()).isEqualTo("https://portal.example");
    assertThat(plan.profile()).isEqualTo("secure-exchanges");
    assertThat(plan.configDigestValue()).isEqualTo("sha256:test");
    assertThat(plan.fingerprint()).isEqualTo(Fingerprints.of(SECURE));
    assertThat(plan.options()).isEqualTo(options);
  }

  @Test
  void everyOperationHasAReason() {
    Plan plan = Scenarios.plan(Desired.config()
        .role("Techs", r -> r.formerNames("Support Techs").members("grace@acme.example"))
        .role("Auditors", r -> r.copyFrom("Billing"))
        .removed("Interns", "Techs").order("Billing"), SECURE);

    assertThat(plan.operations()).hasSizeGreaterThan(3).allSatisfy(op -> assertThat(op.reason()).isNotBlank());
  }

  @Test
  void resultHasAPlanOrProblemsNeverBoth() {
    assertThatThrownBy(() -> new PlanResult(null, List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
