package io.roleform.portal.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.cli.Terminal;
import io.roleform.portal.PortalRegistry;
import io.roleform.testing.CliRun;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A portal kind added in the test sources and registered through the registry works end to end
 * through the real command line: plan → apply → plan, and a field it does not support is refused
 * at plan time with its file:line:col before anything is written.
 */
class FakePortalKindTest {

  private final FakePortalKind fake = new FakePortalKind();
  private final PortalRegistry registry = PortalRegistry.installed().with(fake);

  @TempDir Path dir;

  private CliRun cli(String... args) {
    return CliRun.run(registry, Map.of(), List.of(args));
  }

  @Test
  void planApplyPlanConverges() throws Exception {
    Path config = dir.resolve("roles.yaml");
    Files.writeString(config, """
        apiVersion: roleform/v1
        roles:
          - name: Auditors
            permissions: [logs]
            members: [carol@acme.example]
        """);

    CliRun plan = cli("plan", config.toString(), "--portal", "fake:one", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(2);
    assertThat(plan.out()).contains("Auditors");

    CliRun apply = cli("apply", config.toString(), "--portal", "fake:one", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    assertThat(fake.portal("fake:one").writeLog()).contains("role.create Auditors");

    CliRun again = cli("plan", config.toString(), "--portal", "fake:one", "--detailed-exitcode");
    assertThat(again.exitCode()).as(again.toString()).isZero();
  }

  @Test
  void anUnsupportedFieldIsRefusedAtPlanTimeWithItsPosition() throws Exception {
    Path config = dir.resolve("roles.yaml");
    Files.writeString(config, """
        apiVersion: roleform/v1
        settings:
          allowView: true
        roles:
          - name: Auditors
            permissions: [logs]
        """);

    for (String command : List.of("plan", "apply")) {
      CliRun run = command.equals("plan") ? cli("plan", config.toString(), "--portal", "fake:two")
          : cli("apply", config.toString(), "--portal", "fake:two", "--auto-approve");
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
      assertThat(run.err()).as(run.toString())
          .contains(config + ":3:14: error: /settings/allowView: `allowView` is not supported by this portal kind (fake)")
          .doesNotContain("\tat ");
    }
    assertThat(fake.portal("fake:two").writeLog()).isEmpty();
  }

  @Test
  void applyAtATerminalWritesOnlyAfterYes() throws Exception {
    Path config = dir.resolve("roles.yaml");
    Files.writeString(config, "apiVersion: roleform/v1\nroles:\n  - name: Auditors\n    permissions: [logs]\n");
    List<String> apply = List.of("apply", config.toString(), "--portal", "fake:three");

    CliRun no = CliRun.run(registry, terminal("no\n"), Map.of(), apply);
    assertThat(no.exitCode()).as(no.toString()).isEqualTo(1);
    assertThat(no.out()).contains("Apply these changes?");
    assertThat(no.err()).contains("Apply cancelled; nothing was changed.");
    assertThat(fake.portal("fake:three").writeLog()).isEmpty();

    CliRun yes = CliRun.run(registry, terminal("yes\n"), Map.of(), apply);
    assertThat(yes.exitCode()).as(yes.toString()).isZero();
    assertThat(fake.portal("fake:three").writeLog()).containsExactly("role.create Auditors");
  }

  private static Terminal terminal(String typed) {
    return new Terminal(true, new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anAddressNoKindAcceptsListsTheFormsOfEveryKind() throws Exception {
    Files.writeString(dir.resolve("roles.yaml"), "apiVersion: roleform/v1\nroles: []\n");
    CliRun run = cli("plan", dir.toString(), "--portal", "ftp://portal.example.com");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("expected https://host[:port], http://127.0.0.1:PORT, embedded:PROFILE,"
        + " keycloak:URL?realm=NAME or fake:NAME");
  }
}
