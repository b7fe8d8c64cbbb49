package io.roleform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roleform.testing.CliRun;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The token goes only where the user said: {@code apply --plan} refuses a plan made against another
 * portal than {@code --portal}/{@code ROLEFORM_PORTAL_URL} before any request, and uses the plan's
 * own address only for embedded and loopback portals.
 */
@Tag("security")
class TokenDestinationTest {
  @RegisterExtension final SavedPlanFixture fx = SavedPlanFixture.of(SavedPlanTamperTest.CONFIG);
  MockWebServer other = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    other.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws Exception {
    other.close();
  }

  @Test
  void aMismatchingPortalIsRefusedBeforeAnyRequest() throws Exception {
    Path plan = fx.plan();
    String elsewhere = other.url("/").toString();

    CliRun flag = CliRun.run(fx.env, "apply", "--plan", plan.toString(), "--portal", elsewhere);
    Map<String, String> env = new HashMap<>(fx.env);
    env.put("ROLEFORM_PORTAL_URL", elsewhere);
    CliRun variable = CliRun.run(env, "apply", "--plan", plan.toString());

    for (CliRun apply : new CliRun[] {flag, variable}) {
      assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(1);
      assertThat(apply.err()).contains("was made against the portal http://127.0.0.1:");
    }
    assertThat(other.getRequestCount()).isZero();
  }

  @Test
  void aRemotePortalNamedOnlyByThePlanIsNotUsed() throws Exception {
    Path plan = fx.plan();
    ObjectMapper json = new ObjectMapper();
    ObjectNode tree = (ObjectNode) json.readTree(plan.toFile());
    tree.put("portal", "https://portal.attacker.example");
    ((ObjectNode) tree.get("madeFrom")).put("portal", "https://portal.attacker.example");
    Files.writeString(plan, json.writeValueAsString(tree));
    Map<String, String> env = new HashMap<>(fx.env);
    env.remove("ROLEFORM_PORTAL_URL");

    CliRun apply = CliRun.run(env, "apply", "--plan", plan.toString());

    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(1);
    assertThat(apply.err()).contains("pass --portal");
  }

  @Test
  void aLoopbackPortalNamedByThePlanIsUsedWithoutPortal() throws Exception {
    Path plan = fx.plan();
    Map<String, String> env = new HashMap<>(fx.env);
    env.remove("ROLEFORM_PORTAL_URL");
    CliRun apply = CliRun.run(env, "apply", "--plan", plan.toString());
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
  }

  @Test
  void aShortLoopbackAddressGetsAClearMessage() {
    CliRun plan = CliRun.run(Map.of("ROLEFORM_TOKEN", "t"), "export", "--portal", "http://127.1");
    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.err()).contains("'http://127.1' has no valid host name").doesNotContain("null");
  }

  @Test
  void theEmbeddedPortalUsesItsDemoTokenEvenWithRoleformTokenSet() {
    CliRun plan = CliRun.run(Map.of("ROLEFORM_TOKEN", "a-real-portal-token", "NO_COLOR", "1"),
        "plan", "examples/secure-exchanges", "--portal", "embedded:secure-exchanges");
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
  }
}
