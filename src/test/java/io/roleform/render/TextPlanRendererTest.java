package io.roleform.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.plan.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextPlanRendererTest {

  @Test
  void noEscapeSequenceAtAllWithoutColour() {
    for (Plan plan : SamplePlans.all().values()) {
      assertThat(new TextPlanRenderer(false).render(plan)).doesNotContain("\u001b");
    }
  }

  @Test
  void aHostileNameCannotInjectEscapeSequencesOrLineBreaks() {
    String text = new TextPlanRenderer(false).render(SamplePlans.hostileNames());
    assertThat(text).doesNotContain("\u001b").contains("\\u001b[31mred");
    assertThat(text).contains("role \"line\\nbreak \\\"quoted\\\" \\\\ back\"");
  }

  @Test
  void colourMarksSymbolsGreenYellowRed() {
    String text = new TextPlanRenderer(true).render(SamplePlans.allKinds());
    assertThat(text).contains("\u001b[32m+\u001b[0m role \"Billing Auditors\"");
    assertThat(text).contains("\u001b[33m~\u001b[0m role \"Billing\"");
    assertThat(text).contains("\u001b[31m-\u001b[0m role \"Interns\"");
    // the same text once the colour codes are removed
    assertThat(text.replaceAll("\u001b\\[[0-9;]*m", ""))
        .isEqualTo(new TextPlanRenderer(false).render(SamplePlans.allKinds()));
  }

  @Test
  void sectionsFollowTheDesignOrderWhateverTheOperationOrder() {
    Plan reversed = SamplePlans.plan(
        List.of(SamplePlans.owner(), SamplePlans.deleteWithMove(), SamplePlans.approve(), SamplePlans.members(),
            SamplePlans.reorder(), SamplePlans.caseActions(), SamplePlans.description(), SamplePlans.permissions(),
            SamplePlans.rename(), SamplePlans.create()),
        List.of(), List.of(), List.of());
    String text = new TextPlanRenderer(false).render(reversed);
    assertThat(text).containsSubsequence("Roles to create:", "Roles to rename:", "Permission changes:",
        "Description changes:", "Case action changes:", "Role order:", "Membership changes:",
        "Appliers to approve:", "Roles to delete:", "Settings and owner:", "Plan: 1 to create, 8 to change, 1 to delete.");
  }

  @Test
  void aRoleUpdateWithSeveralChangesAppearsInEachSectionWithItsReason() {
    Plan plan = SamplePlans.plan(List.of(new io.roleform.diff.Operation.UpdateRole(SamplePlans.SUPPORT,
        new io.roleform.diff.Change<>("Support Techs", "Support"), new io.roleform.diff.Change<>("a", "b"),
        new io.roleform.diff.Change<>(List.of("logs"), List.of("logs", "billing")), null, "1", "config differs")),
        List.of(), List.of(), List.of());
    String text = new TextPlanRenderer(false).render(plan);
    assertThat(text).contains("~ role \"Support Techs\" -> \"Support\"  # config differs");
    assertThat(text).containsSubsequence("Permission changes:", "~ role \"Support\"  # config differs", "+ billing",
        "Description changes:", "~ role \"Support\"  # config differs", "- \"a\"", "+ \"b\"");
    assertThat(text).contains("Plan: 0 to create, 1 to change, 0 to delete.");
  }

  @Test
  void anEmptyPlanSaysSo() {
    String text = new TextPlanRenderer(false).render(SamplePlans.all().get("empty"));
    assertThat(text).contains("No changes. The portal matches the config.").doesNotContain("Plan:");
  }
}
