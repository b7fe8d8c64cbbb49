package io.roleform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The locations the loader builds and the desired-state values carry: every checker asks a value
 * for one, so these are the pointers and positions every plan-time message prints.
 */
class LocationTest {
  @TempDir Path dir;

  private static final String CONFIG = """
      apiVersion: roleform/v1
      settings:
        owner: ana@acme.example
      order: [Billing]
      roles:
        - name: Billing
          permissions: [billing, purchase]
          members:
            - ana@acme.example
            - {email: bo@acme.example, until: 2027-01-31}
      removed:
        - name: R&D / Ops~1
          moveMembersTo: Billing
      users:
        - email: ana@acme.example
          departments: [Sales, Ops]
      departments:
        - name: Sales
      appliers:
        deny: [eve@acme.example]
      policies:
        - name: billing-alone
          exclusive: {permissions: [billing, purchase]}
      """;

  private String file;

  private DesiredState load() throws IOException {
    Path f = dir.resolve("access.yaml");
    Files.writeString(f, CONFIG);
    file = f.toString();
    ConfigResult r = ConfigLoader.load(f, Map.of());
    assertThat(r.problems()).isEmpty();
    return r.desired();
  }

  private Location at(int line, int column, String pointer) {
    return new Location(new SourcePosition(file, line, column), pointer);
  }

  @Test
  void rolesCarryTheirLocationsNamedByName() throws IOException {
    DesiredRole billing = load().roles().get(0);
    assertThat(billing.location()).isEqualTo(at(6, 5, "/roles/Billing"));
    assertThat(billing.locationOf("name")).isEqualTo(at(6, 11, "/roles/Billing/name"));
    assertThat(billing.locationOf("permissions/1")).isEqualTo(at(7, 28, "/roles/Billing/permissions/1"));
    assertThat(billing.locationOf("members/0")).isEqualTo(at(9, 9, "/roles/Billing/members/0"));
    assertThat(billing.locationOf("members/1")).isEqualTo(at(10, 9, "/roles/Billing/members/1"));
    // A value the config does not write: the entry's position, the value's pointer.
    assertThat(billing.locationOf("description")).isEqualTo(at(6, 5, "/roles/Billing/description"));
  }

  @Test
  void removalsUsersDepartmentsAndPoliciesCarryTheirs() throws IOException {
    DesiredState s = load();
    assertThat(s.removed().get(0).locationOf("moveMembersTo"))
        .isEqualTo(at(13, 20, "/removed/R&D ~1 Ops~01/moveMembersTo"));
    assertThat(s.removed().get(0).locationOf("name")).isEqualTo(at(12, 11, "/removed/R&D ~1 Ops~01/name"));
    assertThat(s.people().users().get(0).locationOf("departments/1"))
        .isEqualTo(at(16, 26, "/users/ana@acme.example/departments/1"));
    assertThat(s.people().users().get(0).location()).isEqualTo(at(15, 5, "/users/ana@acme.example"));
    assertThat(s.people().departments().get(0).location()).isEqualTo(at(18, 5, "/departments/Sales"));
    assertThat(s.policies().get(0).locationOf("exclusive/permissions/1"))
        .isEqualTo(at(23, 40, "/policies/billing-alone/exclusive/permissions/1"));
  }

  @Test
  void valuesOutsideEntriesAreNamedByTheirPath() throws IOException {
    DesiredState s = load();
    assertThat(s.locationOf("settings/owner")).isEqualTo(at(3, 10, "/settings/owner"));
    assertThat(s.locationOf("order/0")).isEqualTo(at(4, 9, "/order/0"));
    assertThat(s.people().locationOf("appliers/deny/0")).isEqualTo(at(20, 10, "/appliers/deny/0"));
    assertThat(s.people().usersLocation()).isEqualTo(at(15, 5, "/users"));
    assertThat(s.people().departmentsLocation()).isEqualTo(at(18, 5, "/departments"));
  }

  @Test
  void aStateNotReadFromFilesHasPointersButNoPositions() {
    Location l = DesiredRole.named("R&D / Ops~1").locationOf("members/0");
    assertThat(l).isEqualTo(new Location(null, "/roles/R&D ~1 Ops~01/members/0"));
    assertThat(Diagnostic.at(l, "unknown user `x`").format())
        .isEqualTo("roleform: error: /roles/R&D ~1 Ops~01/members/0: unknown user `x`");
    assertThat(new Diagnostic(null, "no config file", null).location()).isEqualTo(Location.NONE);
  }

  @Test
  void aDiagnosticPrintsItsLocation() throws IOException {
    DesiredRole billing = load().roles().get(0);
    Diagnostic d = Diagnostic.at(billing.locationOf("permissions/1"), "unknown permission `purchase`")
        .withHint("did you mean `purchases`?");
    assertThat(d.position()).isEqualTo(new SourcePosition(file, 7, 28));
    assertThat(d.path()).isEqualTo("/roles/Billing/permissions/1");
    assertThat(d.format()).isEqualTo(file + ":7:28: error: /roles/Billing/permissions/1: unknown permission "
        + "`purchase`" + System.lineSeparator() + "    hint: did you mean `purchases`?");
  }

  @Test
  void loadTimeProblemsNameTheValueByItsPointerInItsOwnFile() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), "apiVersion: roleform/v1\nroles:\n  - name: Billing\n");
    Files.writeString(dir.resolve("b.yaml"), "apiVersion: roleform/v1\nroles:\n  - name: Ops\n  - name: billing\n");
    ConfigResult r = ConfigLoader.load(dir, Map.of());
    assertThat(r.problems()).hasSize(1);
    Diagnostic d = r.problems().get(0);
    assertThat(d.location()).isEqualTo(new Location(
        new SourcePosition(dir.resolve("b.yaml").toString(), 4, 11), "/roles/1/name"));
  }
}
