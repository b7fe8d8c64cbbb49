package io.roleform.portal.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeycloakConfigTest {

  private static final Map<String, String> CLIENT_ENV =
      Map.of("ROLEFORM_KEYCLOAK_CLIENT_ID", "roleform", "ROLEFORM_KEYCLOAK_CLIENT_SECRET", "s3cr3t");

  @Test
  void parsesEveryParameter() {
    KeycloakConfig c = KeycloakConfig.parse("keycloak:https://sso.example.com:8443/auth/?realm=acme&parentGroup=org/roleform"
        + "&adminGroup=Owners&client=portal&managePermission=roles-admin&concurrency=8&timeout=5", CLIENT_ENV);

    assertThat(c.serverUrl()).isEqualTo(URI.create("https://sso.example.com:8443/auth"));
    assertThat(c.realm()).isEqualTo("acme");
    assertThat(c.parentGroup()).isEqualTo("org/roleform");
    assertThat(c.adminGroup()).isEqualTo("Owners");
    assertThat(c.clientId()).isEqualTo("portal");
    assertThat(c.managePermission()).isEqualTo("roles-admin");
    assertThat(c.writeConcurrency()).isEqualTo(8);
    assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.credentials()).isEqualTo(new Credentials.ClientCredentials("roleform", "s3cr3t"));
  }

  @Test
  void defaultsApplyToWhatIsLeftOut() {
    KeycloakConfig c = KeycloakConfig.parse("keycloak:http://127.0.0.1:8080?realm=acme",
        Map.of("ROLEFORM_KEYCLOAK_USER", "admin", "ROLEFORM_KEYCLOAK_PASSWORD", "pw"));

    assertThat(c.parentGroup()).isNull();
    assertThat(c.clientId()).isNull();
    assertThat(c.adminGroup()).isEqualTo("Admin");
    assertThat(c.managePermission()).isEqualTo("manage-roles");
    assertThat(c.writeConcurrency()).isEqualTo(4);
    assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.credentials()).isInstanceOf(Credentials.AdminPassword.class);
    assertThat(c.credentials().tokenRealm("acme")).isEqualTo("master");
  }

  @Test
  void clientCredentialsWinOverTheAdminUser() {
    Map<String, String> both = Map.of("ROLEFORM_KEYCLOAK_CLIENT_ID", "roleform", "ROLEFORM_KEYCLOAK_CLIENT_SECRET", "x",
        "ROLEFORM_KEYCLOAK_USER", "admin", "ROLEFORM_KEYCLOAK_PASSWORD", "pw");
    Credentials c = KeycloakConfig.parse("keycloak:http://h?realm=acme", both).credentials();
    assertThat(c).isInstanceOf(Credentials.ClientCredentials.class);
    assertThat(c.tokenRealm("acme")).isEqualTo("acme");
  }

  @Test
  void secretsNeverShowInToString() {
    KeycloakConfig c = KeycloakConfig.parse("keycloak:http://h?realm=acme", CLIENT_ENV);
    assertThat(c.toString()).doesNotContain("s3cr3t").contains("<redacted>");
    assertThat(new Credentials.AdminPassword("admin", "hunter2").toString()).doesNotContain("hunter2");
  }

  @Test
  void mistakesGiveOneParagraphNamingTheProblem() {
    assertThatThrownBy(() -> KeycloakConfig.parse("keycloak:https://h", CLIENT_ENV))
        .hasMessageContaining("the realm is missing").hasMessageNotContaining("\n");
    assertThatThrownBy(() -> KeycloakConfig.parse("keycloak:https://h?realm=a&parent=x", CLIENT_ENV))
        .hasMessageContaining("unknown parameter 'parent'");
    assertThatThrownBy(() -> KeycloakConfig.parse("keycloak:ftp://h?realm=a", CLIENT_ENV))
        .hasMessageContaining("http:// or https://");
    assertThatThrownBy(() -> KeycloakConfig.parse("keycloak:https://h?realm=a&concurrency=0", CLIENT_ENV))
        .hasMessageContaining("'concurrency' must be a whole number");
    assertThatThrownBy(() -> KeycloakConfig.parse("https://h?realm=a", CLIENT_ENV))
        .hasMessageContaining("must start with 'keycloak:'");
    assertThatThrownBy(() -> KeycloakConfig.parse("keycloak:https://h?realm=a", Map.of()))
        .hasMessageContaining("ROLEFORM_KEYCLOAK_CLIENT_ID").hasMessageContaining("ROLEFORM_KEYCLOAK_USER");
    assertThatThrownBy(() -> KeycloakConfig.parse("keycloak:https://h?realm=a", Map.of("ROLEFORM_KEYCLOAK_CLIENT_ID", "x")))
        .hasMessageContaining("Incomplete");
  }

  @Test
  void credentialsInTheAddressAreRefusedWithoutBeingEchoed() {
    assertThatThrownBy(() -> KeycloakConfig.parse("keycloak:https://admin:hunter2@h?realm=a", CLIENT_ENV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("do not put credentials in the address").hasMessageNotContaining("hunter2");
  }
}
