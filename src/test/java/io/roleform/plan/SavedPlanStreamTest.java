package io.roleform.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roleform.config.ConfigLoader;
import io.roleform.config.ConfigResult;
import io.roleform.config.ConfigSource;
import io.roleform.config.Variables;
import io.roleform.golden.LiveStateJson;
import io.roleform.portal.LiveState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code plan --out} streams the saved plan ({@link SavedPlan#write(Plan, MadeFrom, String,
 * OutputStream)}) instead of building it as one string: its bytes must be exactly those the file
 * had when it was built as a JSON tree printed to a string and signed as a string (the formula
 * kept here as the reference), for every golden plan, signed and unsigned, with text that UTF-8,
 * JSON escaping or a lone surrogate could change.
 */
class SavedPlanStreamTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
  private static final String KEY = "k3y-for-the-test";

  /** The saved file as it was written before streaming: a tree, printed, signed as a string. */
  private static String reference(Plan plan, MadeFrom madeFrom, String key) {
    ObjectNode tree = PlanJson.toTree(plan);
    tree.set("madeFrom", PlanJson.toTree(madeFrom));
    if (key == null) return PlanJson.print(tree);
    tree.put("signature", "");
    String unsigned = PlanJson.print(tree);
    String mac = PlanSignature.hmacHex(key, unsigned);
    return unsigned.substring(0, unsigned.length() - PlanSignature.EMPTY_TRAILER.length())
        + ",\n  \"signature\": \"" + mac + "\"\n}\n";
  }

  /** The bytes written, as the file holds them. */
  private static byte[] streamed(Plan plan, MadeFrom madeFrom, String key) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SavedPlan.write(plan, madeFrom, key, out);
    return out.toByteArray();
  }

  static Stream<String> goldenPlans() throws IOException {
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      return dirs.filter(d -> Files.exists(d.resolve("plan.json"))).map(d -> d.getFileName().toString())
          .sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenPlans")
  void everyGoldenPlanIsSavedWithTheBytesItHadAsOneString(String name) throws Exception {
    Path dir = GOLDEN.resolve(name);
    Path config = Files.isDirectory(dir.resolve("desired")) ? dir.resolve("desired") : dir.resolve("desired.yaml");
    ConfigResult loaded = ConfigLoader.load(config, Map.of());
    LiveState live = LiveStateJson.read(dir.resolve("live.json"));
    PlanResult result = Planner.plan(loaded.desired(), live, PlanOptions.DEFAULTS, "https://portal.example.test",
        Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));
    assertThat(result.ok()).as(String.valueOf(result.problems())).isTrue();
    MadeFrom made = MadeFrom.of("https://portal.example.test", PlanOptions.DEFAULTS, loaded, Variables.NONE);

    for (String key : new String[] {null, KEY}) {
      byte[] bytes = streamed(result.plan(), made, key);
      String expected = reference(result.plan(), made, key);
      assertThat(bytes).as("%s, key %s", name, key).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
      assertThat(SavedPlan.write(result.plan(), made, key)).isEqualTo(expected);
      String text = new String(bytes, StandardCharsets.UTF_8);
      assertThat(PlanSignature.check(text, KEY)).isEqualTo(key == null ? PlanSignature.Check.UNSIGNED
          : PlanSignature.Check.VALID);
      SavedPlan back = SavedPlan.read(text);
      assertThat(back.plan()).isEqualTo(result.plan());
      assertThat(back.madeFrom()).isEqualTo(made);
    }
  }

  @Test
  void textThatEncodingOrEscapingChangesIsSavedAsBefore() throws Exception {
    // A config carried in madeFrom with multi-byte UTF-8, JSON escapes and control characters, and
    // variables whose values hold a lone surrogate (String.getBytes writes '?'), an emoji (a
    // surrogate pair) and a quote.
    String yaml = "apiVersion: roleform/v1\n# é ü 漢字 😀 \"q\" \\ \t tab\r\nroles:\n  - name: ${WHO}\n"
        + "    description: \"bell \\a and \\u2028\"\n    permissions: [billing]\n";
    ConfigResult loaded = ConfigLoader.load(List.of(new ConfigSource("roles.yaml", yaml.getBytes(StandardCharsets.UTF_8))),
        "test", Variables.NONE.with("WHO", "Billing \uD800 😀 \"x\"", false));
    assertThat(loaded.ok()).as(String.valueOf(loaded.problems())).isTrue();
    PlanResult result = Planner.plan(loaded.desired(), io.roleform.testing.InMemoryPortalSeeds.secureExchanges(),
        PlanOptions.DEFAULTS, "http://127.0.0.1:8080", Clock.systemUTC());
    assertThat(result.ok()).as(String.valueOf(result.problems())).isTrue();
    MadeFrom made = MadeFrom.of("http://127.0.0.1:8080", PlanOptions.DEFAULTS, loaded,
        Variables.NONE.with("WHO", "Billing \uD800 😀 \"x\"", false));

    for (String key : new String[] {null, KEY}) {
      assertThat(streamed(result.plan(), made, key))
          .isEqualTo(reference(result.plan(), made, key).getBytes(StandardCharsets.UTF_8));
    }
    assertThat(SavedPlan.write(result.plan(), made, null)).contains("Billing ? 😀 \\\"x\\\"");
  }

  @Test
  void theSignatureIsTheSameHoweverTheBytesArriveInPieces() throws Exception {
    String unsigned = "{\n  \"formatVersion\": 2,\n  \"x\": \"" + "é".repeat(5000) + "\"" + PlanSignature.EMPTY_TRAILER;
    byte[] bytes = unsigned.getBytes(StandardCharsets.UTF_8);
    String expected = reference(unsigned);
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PlanSignature.Signing signing = PlanSignature.signing(out, KEY);
      int at = 0;
      while (at < bytes.length) {
        int n = Math.min(bytes.length - at, random.nextInt(round % 2 == 0 ? 4 : 40) + (round % 5 == 0 ? 0 : 1));
        if (n == 1 && random.nextBoolean()) signing.write(bytes[at]);
        else signing.write(bytes, at, n);
        at += n;
      }
      signing.finish();
      assertThat(out.toString(StandardCharsets.UTF_8)).as("round %d", round).isEqualTo(expected);
    }
  }

  @Test
  void aFileWithoutTheEmptySignatureFieldIsNotSigned() throws Exception {
    PlanSignature.Signing signing = PlanSignature.signing(new ByteArrayOutputStream(), KEY);
    signing.write("{\n  \"formatVersion\": 2\n}\n".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(signing::finish).isInstanceOf(IllegalArgumentException.class);
  }

  private static String reference(String unsigned) {
    String mac = PlanSignature.hmacHex(KEY, unsigned);
    return unsigned.substring(0, unsigned.length() - PlanSignature.EMPTY_TRAILER.length())
        + ",\n  \"signature\": \"" + mac + "\"\n}\n";
  }

  @Test
  void theStreamIsNotClosed() throws Exception {
    List<String> events = new ArrayList<>();
    OutputStream out = new OutputStream() {
      @Override
      public void write(int b) {
      }

      @Override
      public void close() {
        events.add("closed");
      }
    };
    ConfigResult loaded = ConfigLoader.load(List.of(new ConfigSource("r.yaml",
        "apiVersion: roleform/v1\nroles: []\n".getBytes(StandardCharsets.UTF_8))), "test", Variables.NONE);
    PlanResult result = Planner.plan(loaded.desired(), io.roleform.testing.InMemoryPortalSeeds.secureExchanges(),
        PlanOptions.DEFAULTS, "http://127.0.0.1:8080", Clock.systemUTC());
    MadeFrom made = MadeFrom.of("http://127.0.0.1:8080", PlanOptions.DEFAULTS, loaded, Variables.NONE);
    SavedPlan.write(result.plan(), made, KEY, out);
    SavedPlan.write(result.plan(), made, null, out);
    assertThat(events).isEmpty();
  }
}
