package io.roleform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roleform.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code --only-expired} in a saved plan (against the secure-exchanges seed, after mallory's
 * access to Interns ended, while Support Techs has drifted too): the saved plan removes only
 * mallory from Interns, records the option in {@code options} and {@code madeFrom.options}, and
 * {@code apply --plan} plans again with it and applies exactly that. A plan saved without it does
 * not pass as one with it, and the other way round: exit 3, nothing written.
 */
@Tag("security")
class OnlyExpiredPlanTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static final String CONFIG = """
      apiVersion: roleform/v1
      roles:
        - name: Interns
          members: [judy@acme.example, {email: mallory@acme.example, until: 2027-01-31}]
        - name: Support Techs
          members: [grace@acme.example, heidi@acme.example, ivan@acme.example]
      """;

  @RegisterExtension final SavedPlanFixture fx = SavedPlanFixture.of(CONFIG, "ROLEFORM_NOW", "2027-02-01T03:17:00Z");

  @Test
  void theSavedPlanRemovesOnlyTheExpiredMembershipAndAppliesAsMade() throws Exception {
    Path plan = fx.plan("--only-expired");
    ObjectNode tree = (ObjectNode) JSON.readTree(plan.toFile());
    assertThat(tree.get("options").get("onlyExpired").asBoolean()).isTrue();
    assertThat(tree.get("madeFrom").get("options").get("onlyExpired").asBoolean()).isTrue();
    assertThat(tree.get("operations")).hasSize(1);
    assertThat(tree.get("operations").get(0).get("reason").asText()).isEqualTo("access expired on 2027-01-31");
    assertThat(tree.get("operations").get(0).get("remove").get(0).get("email").asText())
        .isEqualTo("mallory@acme.example");

    CliRun apply = fx.run("apply", "--plan", plan.toString(), "--only-expired");
    assertThat(apply.exitCode()).as(apply.toString()).isZero();

    CliRun expired = fx.run("plan", fx.config.toString(), "--only-expired", "--detailed-exitcode");
    assertThat(expired.exitCode()).as("nothing expired is left: %s", expired).isZero();
    CliRun full = fx.run("plan", fx.config.toString(), "--detailed-exitcode");
    assertThat(full.exitCode()).as("the other drift was not applied: %s", full).isEqualTo(2);
    assertThat(full.out()).contains("ivan@acme.example").doesNotContain("mallory@acme.example");
  }

  @Test
  void thePlanSaysItLeavesTheRestOut() throws Exception {
    CliRun text = fx.run("plan", fx.config.toString(), "--only-expired");
    assertThat(text.exitCode()).as(text.toString()).isZero();
    assertThat(text.out()).contains("Only the removal of expired access is planned (--only-expired)",
        "mallory@acme.example", "access expired on 2027-01-31").doesNotContain("ivan@acme.example");
    CliRun markdown = fx.run("plan", fx.config.toString(), "--only-expired", "--format", "markdown");
    assertThat(markdown.out()).contains("Only the removal of expired access is planned (--only-expired)");

    assertThat(fx.run("apply", fx.config.toString(), "--only-expired", "--auto-approve").exitCode()).isZero();
    CliRun none = fx.run("plan", fx.config.toString(), "--only-expired");
    assertThat(none.out()).contains("No changes. No expired access to remove.");
    CliRun full = fx.run("plan", fx.config.toString(), "--detailed-exitcode");
    assertThat(full.exitCode()).as("apply CONFIG --only-expired applied nothing else: %s", full).isEqualTo(2);
  }

  @Test
  void aPlanSavedWithoutItIsRefusedAsOneWithIt() throws Exception {
    Path plan = fx.plan();
    long before = fx.stateVersion();

    CliRun apply = fx.run("apply", "--plan", plan.toString(), "--only-expired");

    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(3);
    assertThat(apply.err()).contains("--only-expired was given, but the saved plan was made without it",
        "Nothing was changed");
    assertThat(fx.stateVersion()).isEqualTo(before);
  }

  @Test
  void switchingTheOptionInsideTheSavedPlanIsRefused() throws Exception {
    refusedAfterSwitching(fx.plan(), true);
    refusedAfterSwitching(fx.plan("--only-expired"), false);
  }

  /**
   * A config with an error anywhere removes nothing, expired access included: the {@code until:}
   * dates are part of that config, and a config that does not validate changes nothing (DESIGN §2).
   * The error is reported (exit 1) so that it gets fixed; the next run removes the expired access.
   */
  @Test
  void aConfigWithAnUnrelatedErrorRemovesNothingNotEvenExpiredAccess() throws Exception {
    Path broken = Files.writeString(fx.dir.resolve("broken.yaml"), CONFIG + """
          - name: Billing
            permissions: [biling]
        """);
    long before = fx.stateVersion();

    CliRun plan = fx.run("plan", broken.toString(), "--only-expired");
    CliRun apply = fx.run("apply", broken.toString(), "--only-expired", "--auto-approve");

    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(1);
    assertThat(plan.err()).as(plan.toString()).contains("broken.yaml:8:", "biling");
    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(1);
    assertThat(fx.stateVersion()).isEqualTo(before);
  }

  private void refusedAfterSwitching(Path plan, boolean onlyExpired) throws Exception {
    ObjectNode tree = (ObjectNode) JSON.readTree(plan.toFile());
    ((ObjectNode) tree.get("options")).put("onlyExpired", onlyExpired);
    ((ObjectNode) tree.get("madeFrom").get("options")).put("onlyExpired", onlyExpired);
    Files.writeString(plan, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
    long before = fx.stateVersion();

    CliRun apply = fx.run("apply", "--plan", plan.toString());

    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(3);
    assertThat(apply.err()).as(apply.toString())
        .contains("the saved plan does not match what it was made from", "operation");
    assertThat(fx.stateVersion()).isEqualTo(before);
  }
}
