package io.roleform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ROLEFORM_PLAN_KEY}: a signed plan applies as made; any changed byte, or no signature, is refused. */
@Tag("security")
class SignedPlanTest {
  private static final String KEY = "k3y-for-signing-plans-0123456789";

  @TempDir Path dir;
  PortalForTest portal;
  Map<String, String> env;

  @BeforeEach
  void start() throws Exception {
    portal = PortalForTest.start("secure-exchanges");
    env = portal.env("ROLEFORM_PLAN_KEY", KEY);
  }

  @AfterEach
  void stop() {
    portal.close();
  }

  @Test
  void aSignedPlanAppliesAndTheKeyIsNeverPrinted() throws Exception {
    Path plan = signedPlan();
    String text = Files.readString(plan);
    assertThat(text).containsPattern("\"signature\": \"[0-9a-f]{64}\"\\n}\\n$").doesNotContain(KEY);
    CliRun apply = CliRun.run(env, "apply", "--plan", plan.toString());
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    assertThat(apply.out() + apply.err()).doesNotContain(KEY);
  }

  @Test
  void oneChangedByteIsRefusedWithExit3() throws Exception {
    Path plan = signedPlan();
    byte[] bytes = Files.readAllBytes(plan);
    String text = new String(bytes, StandardCharsets.UTF_8);
    int at = text.indexOf("Reads logs") + "Reads log".length(); // "Reads logs" -> "Reads logz"
    bytes[at] = 'z';
    Files.write(plan, bytes);
    long before = portal.stateVersion();

    CliRun apply = CliRun.run(env, "apply", "--plan", plan.toString());

    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(3);
    assertThat(apply.err()).contains("signature does not match ROLEFORM_PLAN_KEY");
    assertThat(portal.stateVersion()).isEqualTo(before);
  }

  @Test
  void aChangedWhitespaceByteIsRefusedToo() throws Exception {
    Path plan = signedPlan();
    Files.writeString(plan, Files.readString(plan).replaceFirst("\n  \"portal\"", "\n   \"portal\""));
    CliRun apply = CliRun.run(env, "apply", "--plan", plan.toString());
    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(3);
  }

  @Test
  void aWrongKeyIsRefusedWithExit3() throws Exception {
    Path plan = signedPlan();
    CliRun apply = CliRun.run(portal.env("ROLEFORM_PLAN_KEY", "another-key"), "apply", "--plan", plan.toString());
    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(3);
    assertThat(apply.err()).contains("signature does not match").doesNotContain("another-key");
  }

  @Test
  void anUnsignedPlanIsRefusedWhenTheKeyIsSet() throws Exception {
    Path config = dir.resolve("c.yaml");
    Files.writeString(config, SavedPlanTamperTest.CONFIG);
    Path plan = dir.resolve("plan.json");
    assertThat(CliRun.run(portal.env(), "plan", config.toString(), "--out", plan.toString()).exitCode()).isZero();

    CliRun apply = CliRun.run(env, "apply", "--plan", plan.toString());

    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(3);
    assertThat(apply.err()).contains("it is not signed", "ROLEFORM_PLAN_KEY");
  }

  @Test
  void aSignedPlanNeedsTheKeyAtApply() throws Exception {
    Path plan = signedPlan();
    CliRun apply = CliRun.run(portal.env(), "apply", "--plan", plan.toString());
    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(1);
    assertThat(apply.err()).contains("ROLEFORM_PLAN_KEY is not set");
  }

  private Path signedPlan() throws Exception {
    Path config = dir.resolve("c.yaml");
    Files.writeString(config, SavedPlanTamperTest.CONFIG);
    Path plan = dir.resolve("plan.json");
    CliRun made = CliRun.run(env, "plan", config.toString(), "--out", plan.toString());
    assertThat(made.exitCode()).as(made.toString()).isZero();
    return plan;
  }
}
