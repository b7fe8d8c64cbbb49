package io.roleform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code bench/run [--quick] [--sizes S,M,L,XL] [--runs N] [--out FILE]}: measures roleform against generated sandbox
 * portals and writes {@code bench/RESULTS.md}. Full: sizes S, M, L with 5 runs each; quick: S and M, 3 runs; XL only
 * when named in {@code --sizes}.
 * Run from the repository root with the jar and the test classes built (bench/run does both).
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    boolean quick = List.of(args).contains("--quick");
    Path out = Path.of("bench/RESULTS.md");
    int runs = quick ? 3 : 5;
    List<Size> sizes = quick ? List.of(Size.S, Size.M) : List.of(Size.S, Size.M, Size.L);
    for (int i = 0; i < args.length - 1; i++) {
      switch (args[i]) {
        case "--out" -> out = Path.of(args[i + 1]);
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        case "--sizes" -> sizes = Stream.of(args[i + 1].split(","))
            .map(n -> Size.ALL.stream().filter(z -> z.name().equals(n)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("unknown size " + n + "; expected S, M, L or XL")))
            .toList();
        default -> { }
      }
    }
    Path root = Path.of("").toAbsolutePath();
    if (!Files.isRegularFile(root.resolve("target/roleform.jar"))) {
      throw new IllegalStateException("target/roleform.jar is missing; run bench/run (it builds it)");
    }
    long t0 = System.nanoTime();
    String loadBefore = SizeBench.load();
    Path work = Files.createTempDirectory("roleform-bench");
    List<SizeBench.Result> results = new ArrayList<>();
    List<TimedRun> jvm = new ArrayList<>();
    try {
      for (int i = 0; i < runs; i++) {
        jvm.add(TimedRun.run(root, Map.of(), List.of("java", "-version")).expectExit(0, "java -version"));
      }
      for (Size size : sizes) {
        results.add(new SizeBench(size, runs, root, work).run());
      }
    } finally {
      delete(work);
    }
    double minutes = (System.nanoTime() - t0) / 6e10;
    String md = new ResultsReport(quick, runs, results, jvm, loadBefore, SizeBench.load(), minutes).render();
    Files.writeString(out, md);
    System.out.print(md);
    System.err.printf("[bench] wrote %s in %.1f min%n", out, minutes);
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
