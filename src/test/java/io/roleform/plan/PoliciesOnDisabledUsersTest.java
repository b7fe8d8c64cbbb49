package io.roleform.plan;

import static io.roleform.plan.Scenarios.CASES;
import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.config.ConfigLoader;
import io.roleform.config.ConfigResult;
import io.roleform.diff.Operation;
import io.roleform.policy.PolicyFinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Policies see the after-state the access impact shows: a user the plan disables holds nothing
 * afterwards (the access impact lists everything they lose), so they no longer count for {@code
 * minMembers} nor for any other rule, although the portal keeps their memberships.
 */
class PoliciesOnDisabledUsersTest {

  @TempDir Path dir;

  private static final String POLICY = """
      policies:
        - name: two-administrators
          minMembers: {role: Administrator, count: 2}
      """;

  @Test
  void disablingOneOfTwoAdministratorsBreaksMinMembersAndIsRefused() throws Exception {
    Plan plan = plan("""
        apiVersion: roleform/v1
        users:
          - email: bob@acme.example
            status: disabled
        """ + POLICY);

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
    Plan plan = plan("""
        apiVersion: roleform/v1
        users:
          - email: bob@acme.example
            status: active
        """ + POLICY);

    assertThat(plan.operations()).isEmpty();
    assertThat(plan.policies()).isEmpty();
  }

  private Plan plan(String config) throws Exception {
    Path file = Files.writeString(dir.resolve("roleform.yaml"), config);
    ConfigResult loaded = ConfigLoader.load(file, Map.of());
    assertThat(loaded.problems()).isEmpty();
    PlanResult result = Planner.plan(loaded.desired(), CASES, PlanOptions.DEFAULTS, "test");
    assertThat(result.problems()).isEmpty();
    return result.plan();
  }
}
