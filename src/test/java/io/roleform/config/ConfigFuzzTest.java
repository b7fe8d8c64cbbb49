package io.roleform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

/**
 * Mutates the shipped examples at random (truncation, random bytes, swapped types, deep nesting,
 * alias bombs, huge scalars, shuffled lines) and checks that loading never throws, always ends in
 * either a valid state or at least one positioned problem, and stays fast.
 */
class ConfigFuzzTest {
  private static final List<String> EXAMPLES = readExamples();
  private static final List<String> REPLACEMENTS = List.of(
      "[a, b]", "{a: 1}", "42", "true", "null", "\"text\"", "~", "- x", "&a [1]", "*a", "!!binary AAAA",
      "{", "[", "'unterminated", "${MISSING}", "NO", "off", "\t- tab", ": :", "? [k]", "!custom x");

  private static List<String> readExamples() {
    try (Stream<Path> files = Files.walk(Path.of("examples"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted()
          .map(p -> {
            try {
              return Files.readString(p);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One random edit of a config text, given as bytes (some edits are not valid UTF-8). */
  interface Mutation {
    byte[] apply(byte[] in);
  }

  @Provide
  Arbitrary<byte[]> mutants() {
    Arbitrary<byte[]> base = Arbitraries.of(EXAMPLES).map(s -> s.getBytes(StandardCharsets.UTF_8));
    Arbitrary<List<Mutation>> edits = mutation().list().ofMinSize(1).ofMaxSize(3);
    return Combinators.combine(base, edits).as((b, ms) -> {
      byte[] out = b;
      for (Mutation m : ms) out = m.apply(out);
      return out;
    });
  }

  private Arbitrary<Mutation> mutation() {
    Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
    return Arbitraries.oneOf(
        at.map(f -> in -> java.util.Arrays.copyOf(in, (int) (in.length * f))),
        Combinators.combine(at, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64))
            .as((f, junk) -> (Mutation) in -> splice(in, (int) (in.length * f), junk)),
        Combinators.combine(at, Arbitraries.of(REPLACEMENTS))
            .as((f, r) -> (Mutation) in -> swapValue(in, f, r)),
        Combinators.combine(at, Arbitraries.integers().between(1, 200), Arbitraries.of("[", "{a: ", "- "))
            .as((f, depth, open) -> (Mutation) in -> nest(in, f, depth, open)),
        Arbitraries.integers().between(2, 12).map(n -> (Mutation) in -> aliasBomb(in, n)),
        Arbitraries.of(1_000, 90_000, 150_000, 5_300_000).map(n -> (Mutation) in -> hugeScalar(in, n)),
        Arbitraries.randoms().map(rnd -> (Mutation) in -> shuffleLines(in, rnd)));
  }

  @Property(tries = 400, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
  void neverThrowsAndAlwaysGivesAStateOrAProblem(@ForAll("mutants") byte[] config) throws IOException {
    assertLoadsCleanly(config);
  }

  /**
   * Loads {@code config} from a file and asserts the loader's guarantee for any input: within 5 s,
   * either a desired state or a non-empty list of positioned problems, never an internal error.
   */
  static void assertLoadsCleanly(byte[] config) throws IOException {
    Path f = Files.createTempFile("roleform-fuzz", ".yaml");
    try {
      Files.write(f, config);
      long t0 = System.nanoTime();
      ConfigResult r = ConfigLoader.load(f, Map.of("HOME", "/home/x"));
      long ms = (System.nanoTime() - t0) / 1_000_000;

      assertThat(ms).as("milliseconds to load").isLessThan(5_000);
      Statistics.collect(r.ok() ? "valid" : "invalid");
      if (r.ok()) {
        assertThat(r.desired()).isNotNull();
      } else {
        assertThat(r.desired()).isNull();
        assertThat(r.problems()).isNotEmpty();
        for (Diagnostic d : r.problems()) {
          assertThat(d.message()).isNotBlank().doesNotContain("internal error");
          assertThat(d.position()).isNotNull();
          assertThat(d.position().line()).isPositive();
        }
      }
    } finally {
      Files.deleteIfExists(f);
    }
  }

  private static byte[] splice(byte[] in, int at, byte[] insert) {
    byte[] out = new byte[in.length + insert.length];
    System.arraycopy(in, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(in, at, out, at + insert.length, in.length - at);
    return out;
  }

  /** Replaces the value of the {@code f}-th {@code key: value} line with {@code replacement}. */
  private static byte[] swapValue(byte[] in, double f, String replacement) {
    String[] lines = new String(in, StandardCharsets.UTF_8).split("\n", -1);
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) if (lines[i].contains(": ")) candidates.add(i);
    if (candidates.isEmpty()) return in;
    int i = candidates.get((int) (f * (candidates.size() - 1)));
    lines[i] = lines[i].substring(0, lines[i].indexOf(": ") + 2) + replacement;
    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] nest(byte[] in, double f, int depth, String open) {
    String close = open.equals("[") ? "]" : open.equals("{a: ") ? "}" : "";
    String deep = open.equals("- ")
        ? "x:" + nestedList(depth)
        : "x: " + open.repeat(depth) + "1" + close.repeat(depth);
    return insertLine(in, f, deep);
  }

  private static String nestedList(int depth) {
    StringBuilder sb = new StringBuilder("\n");
    for (int i = 0; i < depth; i++) sb.append("  ".repeat(i + 1)).append("-\n");
    return sb.toString();
  }

  private static byte[] aliasBomb(byte[] in, int levels) {
    StringBuilder sb = new StringBuilder("\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < levels; i++) {
      String a = "*l" + (i - 1);
      sb.append("l").append(i).append(": &l").append(i).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, a))).append("]\n");
    }
    return (new String(in, StandardCharsets.UTF_8) + sb).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] hugeScalar(byte[] in, int n) {
    return (new String(in, StandardCharsets.UTF_8) + "\nhuge: " + "x".repeat(n) + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] shuffleLines(byte[] in, java.util.Random rnd) {
    List<String> lines = new ArrayList<>(List.of(new String(in, StandardCharsets.UTF_8).split("\n", -1)));
    java.util.Collections.shuffle(lines, rnd);
    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] insertLine(byte[] in, double f, String line) {
    String s = new String(in, StandardCharsets.UTF_8);
    String[] lines = s.split("\n", -1);
    int at = (int) (f * lines.length);
    List<String> out = new ArrayList<>(List.of(lines));
    out.add(Math.min(at, out.size()), line);
    return String.join("\n", out).getBytes(StandardCharsets.UTF_8);
  }
}
