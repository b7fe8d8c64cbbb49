package io.roleform.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roleform.config.ConfigLoader;
import io.roleform.config.ConfigResult;
import io.roleform.config.Diagnostic;
import io.roleform.plan.Plan;
import io.roleform.plan.PlanJson;
import io.roleform.plan.PlanOptions;
import io.roleform.plan.PlanResult;
import io.roleform.plan.Planner;
import io.roleform.portal.LiveState;
import io.roleform.render.MarkdownPlanRenderer;
import io.roleform.render.TextPlanRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden plan cases: every directory under {@code src/test/resources/golden/} is one case,
 * named for what it shows ({@code 03_rename__formerNames_keeps_members}):
 *
 * <ul>
 *   <li>{@code desired.yaml}, or a {@code desired/} directory of config files — loaded with {@link
 *       ConfigLoader} (it must be valid: a golden case is about planning, not YAML);
 *   <li>{@code live.json} — the live state, in the compact form of {@link LiveStateJson};
 *   <li>{@code options.json} (optional) — {@link PlanOptions} fields that differ from {@link
 *       PlanOptions#DEFAULTS}, e.g. {@code {"prune": true}};
 *   <li>{@code now.txt} (optional) — the instant the plan is made (it decides which memberships
 *       written {@code {email, until}} have expired); {@value #DEFAULT_NOW} without it;
 * </ul>
 *
 * and the expected result, compared WHOLE: either {@code plan.txt} ({@code TextPlanRenderer}
 * without colour), {@code plan.md} ({@code MarkdownPlanRenderer}) and {@code plan.json} ({@code
 * PlanJson}, which must also read back to the same plan), or — when planning finds problems in the
 * config — {@code problems.txt}, one {@link Diagnostic#format()} per problem, and no plan files.
 * File names in problems are relative to the case directory. The portal label is {@value #PORTAL}.
 *
 * <p>Regenerate with {@code ./mvnw -B -o -q test -Dtest=GoldenPlanTest -Droleform.updateGoldens=true},
 * then read every changed file before committing: a golden that encodes a bug is a defect.
 */
class GoldenPlanTest {

  static final Path ROOT = Path.of("src", "test", "resources", "golden");
  static final String PORTAL = "https://portal.example.test";
  static final String DEFAULT_NOW = "2026-11-25T12:00:00Z";
  private static final boolean UPDATE = Boolean.getBoolean("roleform.updateGoldens");
  private static final List<String> OUTPUTS = List.of("plan.txt", "plan.md", "plan.json", "problems.txt");
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @Test
  void casesAreNamedForWhatTheyDo() throws IOException {
    assertThat(cases().toList()).hasSizeGreaterThanOrEqualTo(20)
        .allSatisfy(name -> assertThat(name).matches("\\d{2}_[a-z_]+__[A-Za-z0-9_]+"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void planMatchesTheGoldenFiles(String name) throws Exception {
    Path dir = ROOT.resolve(name);
    Path config = Files.isDirectory(dir.resolve("desired")) ? dir.resolve("desired") : dir.resolve("desired.yaml");
    ConfigResult loaded = ConfigLoader.load(config, Map.of());
    assertThat(loaded.problems()).as("the desired config of %s must be valid", name).isEmpty();
    LiveState live = LiveStateJson.read(dir.resolve("live.json"));
    PlanResult result = Planner.plan(loaded.desired(), live, options(dir.resolve("options.json")), PORTAL,
        clock(dir.resolve("now.txt")));

    Map<String, String> actual = new LinkedHashMap<>();
    if (result.ok()) {
      Plan plan = result.plan();
      String json = PlanJson.write(plan);
      assertThat(PlanJson.read(json)).as("plan.json reads back to the same plan").isEqualTo(plan);
      actual.put("plan.txt", new TextPlanRenderer(false).render(plan));
      actual.put("plan.md", new MarkdownPlanRenderer().render(plan));
      actual.put("plan.json", json);
    } else {
      String prefix = dir + dir.getFileSystem().getSeparator();
      actual.put("problems.txt", result.problems().stream()
          .map(d -> d.format().replace(System.lineSeparator(), "\n").replace(prefix, ""))
          .collect(Collectors.joining("\n", "", "\n")));
    }
    if (UPDATE) {
      write(dir, actual);
      return;
    }
    for (String file : OUTPUTS) {
      Path path = dir.resolve(file);
      if (actual.containsKey(file)) {
        assertThat(path).as("%s/%s is missing; run with -Droleform.updateGoldens=true", name, file).exists();
        assertThat(actual.get(file)).as("%s/%s", name, file)
            .isEqualTo(Files.readString(path, StandardCharsets.UTF_8));
      } else {
        assertThat(path).as("%s/%s is not expected for this result (plan: %s)", name, file, result.ok()).doesNotExist();
      }
    }
  }

  private static Clock clock(Path file) throws IOException {
    String now = Files.exists(file) ? Files.readString(file).strip() : DEFAULT_NOW;
    return Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
  }

  private static PlanOptions options(Path file) throws IOException {
    if (!Files.exists(file)) return PlanOptions.DEFAULTS;
    ObjectNode merged = MAPPER.valueToTree(PlanOptions.DEFAULTS);
    JsonNode overrides = MAPPER.readTree(Files.readString(file));
    overrides.fieldNames().forEachRemaining(key -> {
      if (!merged.has(key)) throw new IllegalArgumentException(file + ": unknown PlanOptions field `" + key + "`");
    });
    merged.setAll((ObjectNode) overrides);
    return MAPPER.treeToValue(merged, PlanOptions.class);
  }

  private static void write(Path dir, Map<String, String> actual) throws IOException {
    for (String file : OUTPUTS) {
      Path path = dir.resolve(file);
      if (actual.containsKey(file)) Files.writeString(path, actual.get(file), StandardCharsets.UTF_8);
      else Files.deleteIfExists(path);
    }
  }
}
