package io.roleform.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.config.ConfigLoader;
import io.roleform.config.ConfigResult;
import io.roleform.config.DesiredState;
import io.roleform.config.Diagnostic;
import io.roleform.plan.PlanOptions;
import io.roleform.plan.PlanResult;
import io.roleform.plan.Planner;
import io.roleform.portal.Capabilities;
import io.roleform.testing.InMemoryPortalSeeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact lines plan-time problems print, for every kind of value that gives its location
 * (roles, removals, order, settings, users, departments, appliers, policies): FILE:LINE:COL of the
 * value and its pointer in the merged state. Written before locations were carried by the values
 * and unchanged since: the refactoring did not change a byte.
 */
class PlanTimeLocationsTest {
  @TempDir Path dir;

  private String file;

  private DesiredState load(String yaml) throws IOException {
    Path f = dir.resolve("access.yaml");
    Files.writeString(f, yaml);
    file = f.toString();
    ConfigResult r = ConfigLoader.load(f, Map.of());
    assertThat(r.problems()).isEmpty();
    return r.desired();
  }

  private String lines(List<Diagnostic> problems) {
    return problems.stream().sorted(Diagnostic.ORDER).map(d -> d.format().replace(file, "F"))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  @Test
  void diffAndPolicyProblemsNameTheValueByItsEntry() throws IOException {
    DesiredState desired = load("""
        apiVersion: roleform/v1
        order: [Billing, Nobody]
        roles:
          - name: Billing
            permissions: [billing, purchse]
            members: [ivan@acme.example, zed@acme.example]
          - name: R&D / Ops~1
            copyFrom: Suport
        removed:
          - name: Support Techs
            moveMembersTo: Nowhere
        users:
          - email: heidi@acme.example
            external: true
        appliers:
          deny: [grace@acme.example]
        policies:
          - name: no-ghosts
            exclusive: {roles: [Billing, Ghost]}
        """);
    PlanResult result = Planner.plan(desired, InMemoryPortalSeeds.secureExchanges(), PlanOptions.DEFAULTS,
        "http://127.0.0.1:8080");
    assertThat(lines(result.problems())).isEqualTo("""
        F:2:18: error: /order/1: order names a role that exists nowhere: `Nobody`
        F:5:28: error: /roles/Billing/permissions/1: unknown permission `purchse` (not in the secure-exchanges catalog)
            hint: did you mean `purchase`?
        F:6:34: error: /roles/Billing/members/1: unknown user `zed@acme.example` (no live user has this email)
            hint: did you mean `bob@acme.example`?
        F:8:15: error: /roles/R&D ~1 Ops~01/copyFrom: copyFrom names a role that exists nowhere: `Suport`
        F:11:20: error: /removed/Support Techs/moveMembersTo: moveMembersTo names a role that exists nowhere: `Nowhere`
        F:14:15: error: /users/heidi@acme.example/external: user heidi@acme.example is not an external collaborator; roleform cannot change that
            hint: write `external: false` or leave it out
        F:16:10: error: /appliers/deny/0: user grace@acme.example is not a pending applier (active); only appliers can be denied
            hint: to remove a user, list them in `removedUsers`
        F:19:34: error: /policies/no-ghosts/exclusive/roles/1: policy `no-ghosts` names a role that exists nowhere: `Ghost`
        """);
  }

  @Test
  void unsupportedFieldsAreReportedWhereTheConfigFirstAsksForThem() throws IOException {
    Capabilities none = Capabilities.core(Capabilities.Concurrency.STATE_VERSION);
    DesiredState all = load("""
        apiVersion: roleform/v1
        settings:
          owner: alice@acme.example
          allowView: true
        roles:
          - name: Case Team
            caseActions: [view]
        users:
          - email: ana@acme.example
            departments: [Sales]
        removedUsers: [old@acme.example]
        departments:
          - name: Sales
        appliers:
          denyUnlisted: true
        """);
    String a = lines(CapabilityCheck.problems(all, none, "fake", false));
    DesiredState userDepartments = load("""
        apiVersion: roleform/v1
        users:
          - email: ana@acme.example
            departments: [Sales]
        """);
    String b = lines(CapabilityCheck.problems(userDepartments, none, "fake", false));
    DesiredState removals = load("""
        apiVersion: roleform/v1
        removedUsers: [old@acme.example]
        removedDepartments: [Old]
        """);
    String c = lines(CapabilityCheck.problems(removals, none, "fake", false));
    assertThat(a + "--\n" + b + "--\n" + c).isEqualTo("""
        F:3:10: error: /settings/owner: `owner` is not supported by this portal kind (fake)
        F:4:14: error: /settings/allowView: `allowView` is not supported by this portal kind (fake)
        F:7:18: error: /roles/Case Team/caseActions: case actions are not supported by this portal kind (fake)
        F:9:5: error: /users: users are not supported by this portal kind (fake): roleform cannot invite, change or delete them
        F:13:5: error: /departments: departments are not supported by this portal kind (fake)
        F:15:3: error: /appliers: this portal kind (fake) has no pending appliers to deny
        --
        F:3:5: error: /users: users are not supported by this portal kind (fake): roleform cannot invite, change or delete them
        F:4:18: error: /departments: departments are not supported by this portal kind (fake)
        --
        F:2:16: error: /removedUsers: users are not supported by this portal kind (fake): roleform cannot invite, change or delete them
        F:3:22: error: /departments: departments are not supported by this portal kind (fake)
        """);
  }
}
