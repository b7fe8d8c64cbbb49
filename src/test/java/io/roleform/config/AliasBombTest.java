package io.roleform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile uses of anchors: each is refused with positioned problems, and the work it costs is
 * bounded by {@link Limits#MAX_ALIASES} and {@link Limits#MAX_ALIAS_EXPANDED_NODES}, not by how
 * much the aliases would expand to. Prints the time and the bytes allocated for each, beside a
 * floor measured in the same run (a config of the same size with no aliases); asserts the
 * allocation, which does not depend on the machine's load, stays under a fixed budget.
 */
class AliasBombTest {
  /** Allocation budget for refusing one bomb: far above what 100,000 expanded values cost. */
  private static final long BUDGET_BYTES = 256L * 1024 * 1024;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"billion-laughs", "merge-bomb", "merge-chain", "too-many-aliases", "deep-aliases"})
  void isRefusedInBoundedTimeAndMemory(String kind) {
    String bomb = bomb(kind);
    String floor = "apiVersion: roleform/v1\nx-plain:\n" + "  - lol\n".repeat(bomb.length() / 8);

    Measured plain = measure(floor);
    Measured refused = measure(bomb);

    System.out.printf("alias bomb %-16s %,7d bytes of YAML: refused in %,5d ms, %,6d KiB allocated"
            + " (floor, same size without aliases: %,5d ms, %,6d KiB)%n",
        kind, bomb.length(), refused.millis, refused.bytes / 1024, plain.millis, plain.bytes / 1024);
    assertThat(plain.problems).isEmpty();
    assertThat(refused.problems).isNotEmpty().allSatisfy(p -> assertThat(p.position()).isNotNull());
    assertThat(refused.problems.get(0).message()).containsAnyOf(
        "aliases expand to more than " + Limits.MAX_ALIAS_EXPANDED_NODES,
        "too many aliases", "nesting is deeper than " + Limits.MAX_NESTING,
        "merge keys nest deeper than " + Limits.MAX_NESTING);
    assertThat(refused.bytes).isLessThan(BUDGET_BYTES);
  }

  private record Measured(long millis, long bytes, List<Diagnostic> problems) {}

  /** Reads and converts in this thread, so this thread's allocation is the cost. */
  private static Measured measure(String yaml) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    List<Diagnostic> problems = new ArrayList<>();
    long bytes0 = threads.getCurrentThreadAllocatedBytes();
    long t0 = System.nanoTime();
    byte[] raw = yaml.getBytes(StandardCharsets.UTF_8);
    for (var node : YamlStream.read("bomb.yaml", raw, problems)) {
      DocumentTree.convert("bomb.yaml", node, new EnvSubstitution(Map.of()), problems);
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    return new Measured(millis, threads.getCurrentThreadAllocatedBytes() - bytes0, problems);
  }

  static String bomb(String kind) {
    StringBuilder sb = new StringBuilder("apiVersion: roleform/v1\n");
    switch (kind) {
      case "billion-laughs" -> {
        // 9 levels of 9: 9^9 = 387,420,489 values once expanded, from 600 bytes.
        sb.append("x-l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
          sb.append("x-l").append(i).append(": &l").append(i).append(" [")
              .append(String.join(", ", Collections.nCopies(9, "*l" + (i - 1)))).append("]\n");
        }
      }
      case "merge-bomb" -> {
        // Each level merges the one before nine times: the keys stay few, the work grows 9x a level.
        sb.append("x-m0: &m0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9}\n");
        for (int i = 1; i <= 12; i++) {
          sb.append("x-m").append(i).append(": &m").append(i).append(" {<<: [")
              .append(String.join(", ", Collections.nCopies(9, "*m" + (i - 1)))).append("]}\n");
        }
      }
      case "merge-chain" -> {
        // Each level merges the one before once: linear work, but as deep as there are levels.
        sb.append("x-c0: &c0 {a: 1}\n");
        for (int i = 1; i <= 5_000; i++) {
          sb.append("x-c").append(i).append(": &c").append(i).append(" {<<: *c").append(i - 1).append("}\n");
        }
      }
      case "too-many-aliases" -> {
        sb.append("x-one: &one x\nx-many: [")
            .append(String.join(", ", Collections.nCopies(Limits.MAX_ALIASES + 1, "*one"))).append("]\n");
      }
      case "deep-aliases" -> {
        // Each level nests the one before 60 deep: nesting grows with every alias.
        sb.append("x-d0: &d0 ").append("[".repeat(60)).append("x").append("]".repeat(60)).append('\n');
        for (int i = 1; i <= 5; i++) {
          sb.append("x-d").append(i).append(": &d").append(i).append(' ').append("[".repeat(60))
              .append("*d").append(i - 1).append("]".repeat(60)).append('\n');
        }
      }
      default -> throw new IllegalArgumentException(kind);
    }
    return sb.toString();
  }
}
