package io.roleform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.testing.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code apply --plan FILE} applies a saved plan with the options and variables it was made with;
 * a plan-shaping option or a variable given beside it is never silently ignored: one that differs
 * from what the plan recorded is refused (exit 3) before anything is written, one that agrees is
 * accepted.
 */
@Tag("security")
class SavedPlanOptionsTest {

  static final String CONFIG = """
      apiVersion: roleform/v1
      roles:
        - name: Support Techs
          description: ${TEAM}
          members: [grace@acme.example, ivan@acme.example]
      """;

  @RegisterExtension final SavedPlanFixture fx = SavedPlanFixture.of(CONFIG, "ROLEFORM_VAR_TEAM", "Support");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"--prune", "--min-admins=2", "--max-deletions=10", "--max-member-removals=500",
      "--max-member-removal-percent=100", "--allow-member-removal", "--prune-users", "--max-user-removals=100",
      "--expiring-within=30"})
  void anOptionThatDiffersFromThePlansIsRefusedWithExit3NamingIt(String option) throws Exception {
    Path plan = fx.plan();
    long before = fx.stateVersion();

    CliRun apply = fx.run("apply", "--plan", plan.toString(), option);

    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(3);
    assertThat(apply.err()).as(apply.toString())
        .contains(option.replaceFirst("=.*", ""), "was given, but the plan was made with", "Nothing was changed");
    assertThat(fx.stateVersion()).isEqualTo(before);
  }

  /** An invalid value is bad input (exit 1, as without --plan), not a plan that does not match (exit 3). */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"--min-admins=-1", "--max-member-removal-percent=101", "--max-user-removals=-1",
      "--expiring-within=-3"})
  void anInvalidValueBesideThePlanIsAnErrorWithExit1(String option) throws Exception {
    Path plan = fx.plan();
    long before = fx.stateVersion();

    CliRun apply = fx.run("apply", "--plan", plan.toString(), option);
    CliRun withoutPlan = fx.run("apply", fx.config.toString(), "--auto-approve", option);

    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(1);
    assertThat(apply.err()).as(apply.toString()).doesNotContain("was given, but the plan was made with")
        .isEqualTo(withoutPlan.err());
    assertThat(fx.stateVersion()).isEqualTo(before);
  }

  @Test
  void optionsThatAgreeWithThePlansAreAccepted() throws Exception {
    Path plan = fx.plan("--max-deletions=7", "--allow-member-removal");

    CliRun apply = fx.run("apply", "--plan", plan.toString(), "--max-deletions", "7", "--allow-member-removal",
        "--min-admins=1", "--expiring-within=14");

    assertThat(apply.exitCode()).as(apply.toString()).isZero();
  }

  @Test
  void theRefusalNamesTheValueGivenAndTheOneRecorded() throws Exception {
    Path plan = fx.plan("--max-member-removals=5");
    CliRun apply = fx.run("apply", "--plan", plan.toString(), "--max-member-removals=50", "--prune");
    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(3);
    assertThat(apply.err()).contains("--max-member-removals 50 was given, but the plan was made with --max-member-removals 5",
        "--prune was given, but the plan was made with no --prune");
  }

  @Test
  void aVariableGivenAnotherValueIsRefusedWithExit3() throws Exception {
    Path plan = fx.plan();
    long before = fx.stateVersion();

    CliRun apply = fx.run("apply", "--plan", plan.toString(), "--var", "TEAM=Admins");

    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(3);
    assertThat(apply.err()).as(apply.toString()).contains("the variable TEAM is given a value other than the one it was made with")
        .doesNotContain("Admins");
    assertThat(fx.stateVersion()).isEqualTo(before);
    CliRun same = fx.run("apply", "--plan", plan.toString(), "--var", "TEAM=Support");
    assertThat(same.exitCode()).as(same.toString()).isZero();
  }

  @Test
  void theHelpSaysSo() {
    CliRun help = fx.run("apply", "--help");
    assertThat(help.out().replaceAll("\\s+", " "))
        .contains("any given beside --plan must agree with them")
        .contains("a safety, pruning or expiry option or a variable given with --plan must have the same value (else exit 3)");
  }
}
