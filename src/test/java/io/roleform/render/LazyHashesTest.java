package io.roleform.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.config.ConfigLoader;
import io.roleform.config.ConfigResult;
import io.roleform.config.Redactor;
import io.roleform.config.Variables;
import io.roleform.plan.Fingerprint;
import io.roleform.plan.Fingerprints;
import io.roleform.plan.Plan;
import io.roleform.plan.PlanJson;
import io.roleform.plan.PlanOptions;
import io.roleform.plan.PlanRedaction;
import io.roleform.plan.PlanResult;
import io.roleform.plan.Planner;
import io.roleform.portal.LiveState;
import io.roleform.testing.InMemoryPortalSeeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan's config digest and live hash are computed when an output reads them, and only then: the
 * text plan and the redaction never do; the JSON plan does, with the eager values; markdown reads
 * the config digest only. (The command-level proof of the values is {@code PlanHashesTest}.)
 */
class LazyHashesTest {
  private static final LiveState LIVE = InMemoryPortalSeeds.secureExchanges();

  @TempDir Path dir;

  private ConfigResult config() throws Exception {
    Path file = Files.writeString(dir.resolve("roles.yaml"), """
        apiVersion: roleform/v1
        roles:
          - name: Billing
            description: ${WHO} pays
            permissions: [billing]
        """);
    ConfigResult loaded = ConfigLoader.load(file, Variables.NONE.with("WHO", "Finance", true));
    assertThat(loaded.ok()).as(String.valueOf(loaded.problems())).isTrue();
    return loaded;
  }

  private Plan plan(ConfigResult loaded) {
    PlanResult result = Planner.plan(loaded.desired(), LIVE, PlanOptions.DEFAULTS, "http://127.0.0.1:8080",
        Clock.systemUTC());
    assertThat(result.ok()).as(String.valueOf(result.problems())).isTrue();
    return result.plan();
  }

  @Test
  void theTextPlanAndTheRedactionComputeNeitherHash() throws Exception {
    Plan plan = plan(config());
    Plan redacted = PlanRedaction.redact(plan, Redactor.sensitive(Variables.NONE.with("WHO", "Finance", true)));

    String text = new TextPlanRenderer(false).render(redacted);

    assertThat(text).contains("state version " + LIVE.portal().stateVersion());
    assertThat(redacted).isNotSameAs(plan);
    assertThat(redacted.operations().toString()).contains("(sensitive)").doesNotContain("Finance");
    assertThat(redacted.configDigest()).isSameAs(plan.configDigest());
    assertThat(redacted.fingerprint()).isSameAs(plan.fingerprint());
    assertThat(plan.configDigest().requested()).isFalse();
    assertThat(plan.fingerprint().requested()).isFalse();
  }

  @Test
  void theJsonPlanShowsTheEagerValues() throws Exception {
    ConfigResult loaded = config();
    Plan plan = plan(loaded);

    String json = new JsonPlanRenderer().render(plan);

    String digest = ConfigLoader.digest(loaded.sources());
    String liveHash = Fingerprints.of(LIVE).liveHash();
    assertThat(json).contains("\"configDigest\": \"" + digest + "\"", "\"liveHash\": \"" + liveHash + "\"");
    assertThat(PlanJson.read(json)).isEqualTo(plan);
  }

  @Test
  void markdownReadsTheConfigDigestOnly() throws Exception {
    ConfigResult loaded = config();
    Plan plan = plan(loaded);

    String markdown = new MarkdownPlanRenderer().render(plan);

    assertThat(markdown).contains(ConfigLoader.digest(loaded.sources()).substring(0, 12));
    assertThat(plan.fingerprint().requested()).isFalse();
  }

  @Test
  void aLazyFingerprintIsTheEagerOneWhetherReadOrStarted() throws Exception {
    Fingerprint read = Fingerprints.lazy(LIVE);
    Fingerprint started = Fingerprints.lazy(LIVE).start();
    Fingerprint eager = Fingerprints.of(LIVE);

    assertThat(read.requested()).isFalse();
    assertThat(read.stateVersion()).isEqualTo(eager.stateVersion());
    assertThat(read.requested()).isFalse();
    assertThat(started.requested()).isTrue();
    assertThat(read.liveHash()).isEqualTo(eager.liveHash()).isSameAs(read.liveHash());
    assertThat(started.liveHash()).isEqualTo(eager.liveHash());
    assertThat(read).isEqualTo(eager).isEqualTo(started).hasSameHashCodeAs(eager);
  }

  @Test
  void aConfigDigestIsTheSameWhetherReadOrStarted() throws Exception {
    ConfigResult loaded = config();
    ConfigResult again = ConfigLoader.load(loaded.sources(), "again", Variables.NONE.with("WHO", "Finance", true));

    again.desired().configDigest().start();

    assertThat(loaded.desired().configDigest().requested()).isFalse();
    assertThat(loaded.desired().digest()).isEqualTo(again.desired().digest())
        .isEqualTo(ConfigLoader.digest(loaded.sources()));
    assertThat(Map.of("k", loaded.desired().configDigest())).containsValue(again.desired().configDigest());
  }
}
