package io.roleform.plan;

import io.roleform.diff.Operation;
import io.roleform.diff.Change;
import static io.roleform.plan.Scenarios.APPS;
import static io.roleform.plan.Scenarios.SECURE;
import static io.roleform.plan.Scenarios.plan;
import static io.roleform.plan.Scenarios.problems;
import static io.roleform.plan.Scenarios.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.config.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerSettingsTest {

  @Test
  void changedSettingsAreOneUpdateWithOnlyTheChangedFields() {
    Plan plan = plan(Desired.config().settings(null, true, true), APPS);

    assertThat(plan.operations()).containsExactly(
        new Operation.UpdateSettings(new Change<>(false, true), null, "config differs from live"));
  }

  @Test
  void differentOwnerIsATransferAppliedLast() {
    Plan plan = plan(Desired.config().settings("Carol@acme.example", true, null).role("Viewers", r -> r.members()), APPS);

    assertThat(plan.operations().get(plan.operations().size() - 1))
        .isEqualTo(new Operation.TransferOwner(user(APPS, "alice"), user(APPS, "carol"), "settings.owner differs from live"));
  }

  @Test
  void sameOwnerInAnotherCaseIsNoChange() {
    assertThat(plan(Desired.config().settings("ALICE@acme.example", null, null), APPS).operations()).isEmpty();
  }

  @Test
  void unknownOwnerIsAProblemWithTheNearestEmail() {
    List<Diagnostic> problems = problems(Desired.config().settings("carl@acme.example", null, null), APPS);

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("/settings/owner");
      assertThat(p.hint()).isEqualTo("did you mean `carol@acme.example`?");
    });
  }

  @Test
  void externalCollaboratorCannotOwnThePortal() {
    assertThat(problems(Desired.config().settings("sybil@partner.example", null, null), APPS)).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("external"));
  }

  @Test
  void settingsOnAPortalKindWithoutThemAreAProblem() {
    List<Diagnostic> problems = problems(Desired.config().settings("alice@acme.example", false, null), SECURE);

    assertThat(problems).extracting(Diagnostic::message).containsExactlyInAnyOrder(
        "`owner` is not supported by this portal kind (secure-exchanges)",
        "`allowView` is not supported by this portal kind (secure-exchanges)");
  }
}
