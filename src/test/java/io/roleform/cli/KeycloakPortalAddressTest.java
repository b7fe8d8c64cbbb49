package io.roleform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --portal keycloak:...} without a Keycloak: the address and credentials are checked before
 * anything is sent, and every failure is one paragraph, exit 1, with no stack trace and no secret.
 * (The real-server behaviour is in io.roleform.portal.keycloak.KeycloakCliIT.)
 */
class KeycloakPortalAddressTest {

  private static final Map<String, String> CLIENT =
      Map.of("ROLEFORM_KEYCLOAK_CLIENT_ID", "roleform", "ROLEFORM_KEYCLOAK_CLIENT_SECRET", "s3cret-value");

  @Test
  void aMissingRealmIsRefusedWithTheExpectedSyntax() {
    CliOutput r = run(CLIENT, "export", "--portal", "keycloak:http://127.0.0.1:8080");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err()).contains("the realm is missing").contains("keycloak:URL?realm=NAME");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void anUnknownParameterIsNamed() {
    CliOutput r = run(CLIENT, "export", "--portal", "keycloak:http://127.0.0.1:8080?realm=acme&parent=roleform");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err()).contains("unknown parameter 'parent'");
  }

  @Test
  void credentialsInTheAddressAreRefusedAndNeverEchoed() {
    CliOutput r = run(CLIENT, "export", "--portal", "keycloak:http://admin:hunter2@127.0.0.1:8080?realm=acme");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err()).contains("do not put credentials in the address").doesNotContain("hunter2");
  }

  @Test
  void missingCredentialsNameTheEnvironmentVariables() {
    CliOutput r = run(Map.of(), "export", "--portal", "keycloak:http://127.0.0.1:8080?realm=acme");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err()).contains("ROLEFORM_KEYCLOAK_CLIENT_ID").contains("ROLEFORM_KEYCLOAK_CLIENT_SECRET");
  }

  @Test
  void anUnreachableServerIsOneClearErrorWithoutTheSecret() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();  // closed again: nothing listens there
    }
    CliOutput r = run(CLIENT, "export", "--portal", "keycloak:http://127.0.0.1:" + port + "?realm=acme", "--verbose");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err()).contains("Keycloak").doesNotContain("s3cret-value").doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();
  }

  private static CliOutput run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = RoleformCommand.run(args, o, e, env);
    }
    return new CliOutput(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
