package io.roleform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A config of 32 MiB or more gets an initial heap of its size, from {@code ./roleform} and from
 * plain {@code java -jar} ({@link Relaunch}) alike; anything smaller, another command or the
 * user's own {@code ROLEFORM_JAVA_OPTS} gets no heap option. The launcher is run for real (a copy,
 * with a stand-in {@code java} on the {@code PATH} that records its arguments).
 */
class ConfigHeapTest {
  @TempDir Path dir;

  private Path config(String name, long... sizes) throws IOException {
    Path root = Files.createDirectories(dir.resolve(name).resolve("nested"));
    for (int i = 0; i < sizes.length; i++) {
      try (RandomAccessFile f = new RandomAccessFile(root.resolve("f" + i + ".yaml").toFile(), "rw")) {
        f.setLength(sizes[i]); // apparent size; the file may be sparse
      }
    }
    return root.getParent();
  }

  @Test
  void sixteenBytesOfHeapPerByteOfConfigIn64MiBStepsAtMost2GiB() {
    assertThat(ConfigHeap.megabytes(32L << 20)).isEqualTo(512);
    assertThat(ConfigHeap.megabytes(60L << 20)).isEqualTo(960);
    assertThat(ConfigHeap.megabytes(62_914_561L)).isEqualTo(1024);
    assertThat(ConfigHeap.megabytes(1L << 30)).isEqualTo(2048);
  }

  @Test
  void theJvmTakesTheBigConfigOptionsAfterTheLaunchersDefaults() throws Exception {
    // Two collectors selected at once make the JVM refuse to start: the big-config options switch
    // the launcher's serial collector off before choosing the parallel one.
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(Relaunch.OPTIONS);
    cmd.add("-Xms512m"); // the smallest heap ConfigHeap gives
    cmd.addAll(ConfigHeap.BIG_CONFIG_GC);
    cmd.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).containsPattern("bool UseParallelGC\\s+= true").containsPattern("bool UseSerialGC\\s+= false")
        .containsPattern("size_t NewSize\\s+= 134217728");
  }

  @Test
  void onlyABigConfigOfACommandThatLoadsOneGetsAHeap() throws IOException {
    Path big = config("big", 20L << 20, 15L << 20);
    Path small = config("small", 6L << 20);

    assertThat(ConfigHeap.options(List.of("plan", big.toString(), "--portal", "http://x"))).containsExactly("-Xms576m", "-XX:-UseSerialGC", "-XX:+UseParallelGC", "-Xmn128m");
    assertThat(ConfigHeap.options(List.of("validate", small.toString()))).isEmpty();
    assertThat(ConfigHeap.options(List.of("export", big.toString()))).isEmpty();
    assertThat(ConfigHeap.options(List.of("plan", "--out", big.toString() + "/missing", small.toString()))).isEmpty();
    assertThat(ConfigHeap.options(List.of("plan"))).isEmpty();
  }

  @Test
  void onlyTheYamlFilesOfADirectoryCountAndAFileArgumentCountsWhateverItsName() throws Exception {
    Path repo = config("repo", 1L << 20);
    Path pack = Files.createDirectories(repo.resolve(".git/objects")).resolve("pack-1.pack");
    try (RandomAccessFile f = new RandomAccessFile(pack.toFile(), "rw")) {
      f.setLength(40L << 20);
    }
    List<String> planRepo = List.of("plan", repo.toString());
    List<String> applySaved = List.of("apply", "--plan", pack.toString());

    assertThat(ConfigHeap.options(planRepo)).isEmpty();
    assertThat(ConfigHeap.options(applySaved)).startsWith("-Xms640m").endsWith(ConfigHeap.BIG_CONFIG_GC.toArray(String[]::new));
    assertThat(launch(planRepo, Map.of())).noneMatch(a -> a.startsWith("-Xms"));
    assertThat(launch(applySaved, Map.of())).contains("-Xms640m");

    try (RandomAccessFile f = new RandomAccessFile(repo.resolve("nested/BIG.YML").toFile(), "rw")) {
      f.setLength(40L << 20); // an upper-case extension counts, as the loader reads it
    }
    assertThat(ConfigHeap.options(planRepo)).startsWith("-Xms704m").endsWith(ConfigHeap.BIG_CONFIG_GC.toArray(String[]::new));
    assertThat(launch(planRepo, Map.of())).contains("-Xms704m");
  }

  @Test
  void aFileTheCommandWritesIsNotConfig() throws Exception {
    // Last run's 40 MB saved plan as --out (or apply's --report) beside a small config.
    Path small = config("small", 1L << 20);
    Path saved = dir.resolve("plan.json");
    try (RandomAccessFile f = new RandomAccessFile(saved.toFile(), "rw")) {
      f.setLength(40L << 20);
    }
    for (List<String> args : List.of(List.of("plan", small.toString(), "--out", saved.toString()),
        List.of("apply", "--auto-approve", "--report", saved.toString(), small.toString()))) {
      assertThat(ConfigHeap.options(args)).as(String.join(" ", args)).isEmpty();
      assertThat(launch(args, Map.of())).as(String.join(" ", args)).noneMatch(a -> a.startsWith("-Xms"));
    }
    // The saved plan as apply --plan's input is the config it carries: it counts.
    assertThat(ConfigHeap.options(List.of("apply", "--plan", saved.toString()))).startsWith("-Xms640m");
  }

  @Test
  void optionsTheUserGaveTheJvmMeanNoHeapOption() throws Exception {
    Path big = config("big", 40L << 20);
    for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
      assertThat(launch(List.of("plan", big.toString()), Map.of(variable, "-Xmx256m")))
          .as(variable).noneMatch(a -> a.startsWith("-Xms"));
      assertThat(Relaunch.childCommand("java", List.of("-jar", "roleform.jar", "plan", big.toString()),
          Map.of(variable, "-Xmx256m"))).as(variable).isNull();
    }
  }

  @Test
  void plainJavaJarGetsTheHeapUnlessTheUserChoseOptions() throws IOException {
    Path big = config("big", 40L << 20);
    List<String> args = List.of("-jar", "roleform.jar", "plan", big.toString());

    assertThat(Relaunch.childCommand("java", args, Map.of())).contains("-Xms640m");
    assertThat(Relaunch.childCommand("java", args, Map.of("ROLEFORM_JAVA_OPTS", "-Xmx2g")))
        .noneMatch(a -> a.startsWith("-Xms"));
  }

  @Test
  void theLauncherMakesTheSameChoice() throws Exception {
    Path big = config("big", 30L << 20, 3L << 20);
    Path small = config("small", 1L << 20);
    for (List<String> args : List.of(
        List.of("plan", big.toString(), "--portal", "http://127.0.0.1:1"),
        List.of("apply", "--auto-approve", big.toString()),
        List.of("validate", small.toString()),
        List.of("export", "--out", big.toString()))) {
      List<String> launched = launch(args, Map.of());
      List<String> expected = new ArrayList<>(Relaunch.OPTIONS);
      expected.addAll(ConfigHeap.options(args));
      expected.add("-jar");
      assertThat(launched.subList(0, expected.size())).as(String.join(" ", args)).isEqualTo(expected);
    }
    assertThat(launch(List.of("plan", big.toString()), Map.of("ROLEFORM_JAVA_OPTS", "-Xmx2g")))
        .startsWith("-Xmx2g", "-jar").noneMatch(a -> a.startsWith("-Xms"));
  }

  /** The arguments the launcher gives {@code java} for {@code args}. */
  private List<String> launch(List<String> args, Map<String, String> env) throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    Path launcher = home.resolve("roleform");
    Files.copy(Path.of("roleform"), launcher, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.createDirectories(home.resolve("target"));
    Files.write(home.resolve("target/roleform.jar"), new byte[0]);
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path recorded = dir.resolve("java-args");
    Path java = Files.writeString(bin.resolve("java"),
        "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '" + recorded + "'\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<String> command = new ArrayList<>(List.of("sh", launcher.toString()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().remove("ROLEFORM_JAVA_OPTS");
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().remove("JDK_JAVA_OPTIONS");
    pb.environment().putAll(env);
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    return Files.readAllLines(recorded);
  }
}
