package io.roleform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roleform.config.ConfigLoader;
import io.roleform.config.ConfigResult;
import io.roleform.plan.Fingerprints;
import io.roleform.portal.ConnectOptions;
import io.roleform.portal.LiveState;
import io.roleform.portal.OpenPortal;
import io.roleform.portal.PortalRegistry;
import io.roleform.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan computes its two hashes only for the outputs that show them (see {@code Plan}), and
 * those outputs show exactly the values computed eagerly and independently here: the config
 * digest ({@link ConfigLoader#digest} of the files) and the live hash ({@link Fingerprints#of} of
 * the portal read). Fails if {@code --format json}, {@code --out} or {@code --format markdown}
 * lacks a hash or shows another value — also with a sensitive variable, whose redaction goes
 * through the plan's JSON without computing or touching the hashes.
 */
class PlanHashesTest {
  private static final String PORTAL = "embedded:secure-exchanges";
  private static final Map<String, String> ENV = Map.of("NO_COLOR", "1", "ROLEFORM_VAR_WHAT", "Domains");

  @TempDir Path dir;
  Path config;
  String digest;
  String liveHash;

  @BeforeEach
  void setUp() throws Exception {
    config = Files.createDirectory(dir.resolve("config"));
    Files.copy(Path.of("examples/secure-exchanges/roles.yaml"), config.resolve("roles.yaml"));
    Files.copy(Path.of("examples/secure-exchanges/policies.yaml"), config.resolve("policies.yaml"));
    ConfigResult loaded = ConfigLoader.load(config, Map.of());
    assertThat(loaded.ok()).as(String.valueOf(loaded.problems())).isTrue();
    digest = ConfigLoader.digest(loaded.sources());
    try (OpenPortal open = PortalRegistry.installed().open(PORTAL, ConnectOptions.defaults(Map.of()))) {
      LiveState live = open.client().read();
      liveHash = Fingerprints.of(live).liveHash();
    }
    assertThat(digest).matches("[0-9a-f]{64}");
    assertThat(liveHash).matches("[0-9a-f]{64}");
  }

  @Test
  void theJsonPlanShowsBothHashes() throws Exception {
    CliRun json = CliRun.run(ENV, "plan", config.toString(), "--portal", PORTAL, "--format", "json");

    assertThat(json.exitCode()).as(json.toString()).isZero();
    JsonNode plan = new ObjectMapper().readTree(json.out());
    assertThat(plan.get("configDigest").asText()).isEqualTo(digest);
    assertThat(plan.get("fingerprint").get("liveHash").asText()).isEqualTo(liveHash);
  }

  @Test
  void theSavedPlanHoldsBothHashesWhateverTheFormatShown() throws Exception {
    for (String format : new String[] {"text", "markdown", "json"}) {
      Path out = dir.resolve("plan-" + format + ".json");
      CliRun run = CliRun.run(ENV, "plan", config.toString(), "--portal", PORTAL, "--format", format,
          "--out", out.toString());

      assertThat(run.exitCode()).as(run.toString()).isZero();
      JsonNode plan = new ObjectMapper().readTree(Files.readString(out));
      assertThat(plan.get("configDigest").asText()).as(format).isEqualTo(digest);
      assertThat(plan.get("fingerprint").get("liveHash").asText()).as(format).isEqualTo(liveHash);
    }
  }

  @Test
  void theMarkdownPlanShowsTheConfigDigest() {
    CliRun markdown = CliRun.run(ENV, "plan", config.toString(), "--portal", PORTAL, "--format", "markdown");

    assertThat(markdown.exitCode()).as(markdown.toString()).isZero();
    assertThat(markdown.out()).contains(", config `" + digest.substring(0, 12) + "`.");
  }

  @Test
  void aSensitiveVariableRedactsNeitherHash() throws Exception {
    Path withVar = dir.resolve("with-var.yaml");
    Files.writeString(withVar, Files.readString(config.resolve("roles.yaml"))
        .replace("description: Domains and activation rules", "description: ${WHAT} and activation rules"));
    ConfigResult loaded = ConfigLoader.load(withVar, Map.of("ROLEFORM_VAR_WHAT", "Domains"));
    assertThat(loaded.ok()).as(String.valueOf(loaded.problems())).isTrue();
    String withVarDigest = ConfigLoader.digest(loaded.sources());
    Path out = dir.resolve("sensitive.json");

    CliRun run = CliRun.run(ENV, "plan", withVar.toString(), "--portal", PORTAL, "--var-sensitive", "WHAT",
        "--format", "json", "--out", out.toString());

    assertThat(run.exitCode()).as(run.toString()).isIn(0, 2);
    for (String text : new String[] {run.out(), Files.readString(out)}) {
      JsonNode plan = new ObjectMapper().readTree(text);
      assertThat(plan.get("configDigest").asText()).isEqualTo(withVarDigest);
      assertThat(plan.get("fingerprint").get("liveHash").asText()).isEqualTo(liveHash);
    }
  }

  @Test
  void theTextPlanIsTheSameWithOrWithoutASavedPlan() {
    Path out = dir.resolve("plan.json");
    CliRun text = CliRun.run(ENV, "plan", config.toString(), "--portal", PORTAL);
    CliRun saved = CliRun.run(ENV, "plan", config.toString(), "--portal", PORTAL, "--out", out.toString());

    assertThat(text.exitCode()).as(text.toString()).isZero();
    assertThat(saved.out()).isEqualTo(text.out());
  }
}
