package io.roleform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped examples are valid and say what the seed-data plans rely on. */
class ExamplesTest {
  static final Path EXAMPLES = Path.of("examples");

  private static DesiredState load(String name) {
    ConfigResult r = ConfigLoader.load(EXAMPLES.resolve(name), Map.of());
    assertThat(r.problems()).as(name).isEmpty();
    return r.desired();
  }

  private static DesiredRole role(DesiredState s, String name) {
    return s.roles().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"secure-exchanges", "case-portal", "app-roles"})
  void everyExampleFileNamesTheSchemaForEditors(String name) throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES.resolve(name))) {
      for (Path f : files.toList()) {
        assertThat(Files.readAllLines(f).get(0))
            .isEqualTo("# yaml-language-server: $schema=../../schema/roleform.schema.json");
      }
    }
  }

  @Test
  void secureExchanges() {
    DesiredState s = load("secure-exchanges");
    assertThat(s.order()).containsExactly("Admin", "IT Administrators", "Support Technicians", "Billing");
    assertThat(role(s, "IT Administrators").permissions())
        .containsExactly("domain-management", "activation-rules", "roles-and-authorizations");
    assertThat(role(s, "Support Technicians").formerNames()).containsExactly("Support Techs");
    assertThat(role(s, "Billing Auditors").copyFrom()).isEqualTo("Billing");
    assertThat(role(s, "Admin").members()).containsExactly("alice@acme.example", "bob@acme.example");
    assertThat(s.removed()).extracting(RemovedRole::name, RemovedRole::moveMembersTo)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Interns", "Support Technicians"));
    assertThat(s.settings().isUnmanaged()).isTrue();
  }

  @Test
  void casePortal() {
    DesiredState s = load("case-portal");
    assertThat(s.roles()).extracting(DesiredRole::name)
        .containsExactly("Administrator", "Case handler", "Department Leads", "Auditors");
    assertThat(role(s, "Case handler").caseActions()).containsExactly("view", "comment", "assign");
    assertThat(role(s, "Case handler").permissions()).isNull();
    assertThat(role(s, "Auditors").permissions()).containsExactly("statistics", "reporting-channels");
    assertThat(s.settings().isUnmanaged()).isTrue();
  }

  @Test
  void appRolesIsMergedFromThreeFiles() {
    DesiredState s = load("app-roles");
    assertThat(s.files()).hasSize(3);
    assertThat(s.people().appliers().deniesUnlisted()).isTrue();
    assertThat(s.people().removedUsers()).containsExactly("oscar@partner.example");
    assertThat(s.settings()).isEqualTo(new DesiredSettings("alice@acme.example", true, true));
    assertThat(s.order()).containsExactly("Admin", "Editors", "Exporters", "Viewers");
    assertThat(role(s, "Viewers").members()).contains("victor@acme.example");
    assertThat(role(s, "Editors").members()).contains("sybil@partner.example");
    assertThat(role(s, "Exporters").copyFrom()).isEqualTo("Viewers");
    assertThat(role(s, "Exporters").permissions()).containsExactly("view-records", "export-records");
    assertThat(s.positionOf("settings/owner").file()).endsWith("00-settings.yaml");
    assertThat(role(s, "Exporters").position().file()).endsWith("10-roles.yaml");
    assertThat(s.digest()).matches("[0-9a-f]{64}");
  }

  @Test
  void examplesUseOnlyTheSandboxCatalogs() {
    Map<String, List<String>> catalogs = Map.of(
        "secure-exchanges", List.of("business-management", "billing", "purchase", "logs", "admin-logs",
            "domain-management", "activation-rules", "roles-and-authorizations"),
        "case-portal", List.of("cases", "statistics", "users", "categories-departments",
            "reporting-channels", "configuration", "profile-settings", "security-settings"),
        "app-roles", List.of("view-records", "add-records", "edit-records", "delete-records",
            "export-records", "manage-members", "manage-app"));
    catalogs.forEach((name, catalog) -> {
      for (DesiredRole r : load(name).roles()) {
        if (r.permissions() != null) assertThat(catalog).as(name + " " + r.name()).containsAll(r.permissions());
      }
    });
  }
}
