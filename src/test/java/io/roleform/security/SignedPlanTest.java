package io.roleform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code ROLEFORM_PLAN_KEY}: a signed plan applies as made; any changed byte, or no signature, is refused. */
@Tag("security")
class SignedPlanTest {
  private static final String KEY = "k3y-for-signing-plans-0123456789";

  @RegisterExtension final SavedPlanFixture fx = SavedPlanFixture.of(SavedPlanTamperTest.CONFIG, "ROLEFORM_PLAN_KEY", KEY);

  @Test
  void aSignedPlanAppliesAndTheKeyIsNeverPrinted() throws Exception {
    Path plan = fx.plan();
    String text = Files.readString(plan);
    assertThat(text).containsPattern("\"signature\": \"[0-9a-f]{64}\"\\n}\\n$").doesNotContain(KEY);
    CliRun apply = fx.run("apply", "--plan", plan.toString());
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    assertThat(apply.out() + apply.err()).doesNotContain(KEY);
  }

  @Test
  void oneChangedByteIsRefusedWithExit3() throws Exception {
    Path plan = fx.plan();
    byte[] bytes = Files.readAllBytes(plan);
    String text = new String(bytes, StandardCharsets.UTF_8);
    int at = text.indexOf("Reads logs") + "Reads log".length(); // "Reads logs" -> "Reads logz"
    bytes[at] = 'z';
    Files.write(plan, bytes);
    long before = fx.stateVersion();

    CliRun apply = fx.run("apply", "--plan", plan.toString());

    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(3);
    assertThat(apply.err()).contains("signature does not match ROLEFORM_PLAN_KEY");
    assertThat(fx.stateVersion()).isEqualTo(before);
  }

  @Test
  void aChangedWhitespaceByteIsRefusedToo() throws Exception {
    Path plan = fx.plan();
    Files.writeString(plan, Files.readString(plan).replaceFirst("\n  \"portal\"", "\n   \"portal\""));
    CliRun apply = fx.run("apply", "--plan", plan.toString());
    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(3);
  }

  @Test
  void aWrongKeyIsRefusedWithExit3() throws Exception {
    Path plan = fx.plan();
    CliRun apply = CliRun.run(fx.portal.env("ROLEFORM_PLAN_KEY", "another-key"), "apply", "--plan", plan.toString());
    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(3);
    assertThat(apply.err()).contains("signature does not match").doesNotContain("another-key");
  }

  @Test
  void anUnsignedPlanIsRefusedWhenTheKeyIsSet() throws Exception {
    Path plan = fx.plan(fx.portal.env());

    CliRun apply = fx.run("apply", "--plan", plan.toString());

    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(3);
    assertThat(apply.err()).contains("it is not signed", "ROLEFORM_PLAN_KEY");
  }

  @Test
  void aSignedPlanNeedsTheKeyAtApply() throws Exception {
    Path plan = fx.plan();
    CliRun apply = CliRun.run(fx.portal.env(), "apply", "--plan", plan.toString());
    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(1);
    assertThat(apply.err()).contains("ROLEFORM_PLAN_KEY is not set");
  }
}
