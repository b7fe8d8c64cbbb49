package io.roleform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.apply.Applier;
import io.roleform.apply.ApplyReport;
import io.roleform.apply.OperationOutcome;
import io.roleform.plan.Plan;
import io.roleform.portal.PortalClient;
import java.util.List;

/**
 * Test helper: applies a plan through the real {@link Applier} (the same code {@code roleform
 * apply} runs) and asserts every operation was done.
 */
public final class RealApply {

  private RealApply() {}

  /**
   * Applies {@code plan} to {@code client}. A plan refused by a safety limit is applied as if its
   * refusals were lifted: property tests compare what a refused plan <em>would</em> do with what the
   * safety rules predicted.
   */
  public static ApplyReport apply(Plan plan, PortalClient client) {
    Plan allowed = new Plan(plan.formatVersion(), plan.portal(), plan.profile(), plan.configDigestValue(),
        plan.fingerprint(), plan.options(), plan.operations(), plan.access(), plan.warnings(), List.of());
    ApplyReport report = new Applier(client, null).apply(allowed);
    assertThat(report.outcomes()).as("apply of %s", plan.operations())
        .allSatisfy(o -> assertThat(o.status()).as(String.valueOf(o)).isEqualTo(OperationOutcome.Status.DONE));
    return report;
  }
}
