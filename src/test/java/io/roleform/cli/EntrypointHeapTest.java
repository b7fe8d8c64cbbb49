package io.roleform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container images' entrypoints and the action's wrapper start java with fixed options plus
 * {@code -Droleform.configHeap=true}; {@link EntrypointHeap} then gives a config of 32 MiB or more
 * the options {@code ./roleform} gives it (initial heap, collector), by re-running the command with
 * the same arguments and those options after the JVM's own — and nothing changes for anything else.
 * ({@code SharedArchiveIT} runs the real jar that way.)
 */
class EntrypointHeapTest {
  private static final String FLAG = "-D" + EntrypointHeap.PROPERTY + "=true";
  /** The Dockerfile's entrypoint (the action's wrapper is the same with other paths). */
  private static final List<String> IMAGE_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmn64m",
      "-XX:SharedArchiveFile=/opt/roleform/roleform.jsa", "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
      FLAG, "-jar", "/opt/roleform/roleform.jar");

  @TempDir Path dir;

  private Path config(long bytes) throws IOException {
    Path root = Files.createDirectories(dir.resolve("cfg-" + bytes));
    try (RandomAccessFile f = new RandomAccessFile(root.resolve("roles.yaml").toFile(), "rw")) {
      f.setLength(bytes); // apparent size; the file may be sparse
    }
    return root;
  }

  private static List<String> jvm(List<String> options, List<String> args) {
    List<String> all = new ArrayList<>(options);
    all.addAll(args);
    return all;
  }

  @Test
  void aBigConfigIsReRunWithTheHeapFirstAndEveryArgumentAsItWas() throws IOException {
    List<String> args = List.of("plan", config(60L << 20).toString(), "--out", "plan.json");

    List<String> child = EntrypointHeap.childCommand(true, "/opt/java/bin/java", jvm(IMAGE_OPTIONS, args), args, Map.of());

    // This JVM's options, then the big config's (which override the collector and the young
    // generation), then the program as it was.
    List<String> expected = new ArrayList<>(List.of("/opt/java/bin/java"));
    expected.addAll(IMAGE_OPTIONS.subList(0, IMAGE_OPTIONS.indexOf("-jar")));
    expected.addAll(List.of("-Xms960m", "-XX:-UseSerialGC", "-XX:+UseParallelGC", "-Xmn128m", "-Droleform.relaunched=true",
        "-jar", "/opt/roleform/roleform.jar"));
    expected.addAll(args);
    assertThat(child).isEqualTo(expected);
    // The same choice as ./roleform and plain java -jar make.
    assertThat(child).containsSubsequence(ConfigHeap.options(args));
    // Jib's entrypoint names a class path and the main class instead of -jar.
    List<String> jibOptions = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmn64m", FLAG);
    List<String> jibProgram = List.of("-cp", "@/app/jib-classpath-file", "io.roleform.cli.Main");
    List<String> jibExpected = new ArrayList<>(List.of("java"));
    jibExpected.addAll(jibOptions);
    jibExpected.addAll(ConfigHeap.options(args));
    jibExpected.add("-Droleform.relaunched=true");
    jibExpected.addAll(jvm(jibProgram, args));
    assertThat(EntrypointHeap.childCommand(true, "java", jvm(jvm(jibOptions, jibProgram), args), args, Map.of()))
        .isEqualTo(jibExpected);
  }

  @Test
  void everythingElseRunsInPlace() throws IOException {
    String big = config(40L << 20).toString();
    List<String> plan = List.of("plan", big);
    // Not asked (no -Droleform.configHeap=true, or already the child), or nothing to run it with.
    assertThat(EntrypointHeap.childCommand(false, "java", jvm(IMAGE_OPTIONS, plan), plan, Map.of())).isNull();
    assertThat(EntrypointHeap.childCommand(true, null, jvm(IMAGE_OPTIONS, plan), plan, Map.of())).isNull();
    assertThat(EntrypointHeap.childCommand(true, "java", List.of(), plan, Map.of())).isNull();
    assertThat(EntrypointHeap.childCommand(true, "java", List.of("-XX:+UseSerialGC", "io.roleform.cli.Main", "plan", big),
        plan, Map.of())).as("no -jar nor class path to find the program by").isNull();
    // A small config, a command that loads none, version and help: no heap, so no second JVM.
    List<String> small = List.of("validate", config(6L << 20).toString());
    assertThat(EntrypointHeap.childCommand(true, "java", jvm(IMAGE_OPTIONS, small), small, Map.of())).isNull();
    for (List<String> args : List.of(List.of("--version"), List.of("--help"), List.of("sandbox", "--port", "0"),
        List.of("export", "--out", big), List.of("plan", "--help"))) {
      assertThat(EntrypointHeap.childCommand(true, "java", jvm(IMAGE_OPTIONS, args), args, Map.of()))
          .as("%s", args).isNull();
    }
    // The user chose the JVM's options.
    for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "ROLEFORM_JAVA_OPTS")) {
      assertThat(EntrypointHeap.childCommand(true, "java", jvm(IMAGE_OPTIONS, plan), plan, Map.of(variable, "-Xmx512m")))
          .as(variable).isNull();
    }
    // A heap size among the JVM's own options (an entrypoint overridden by hand).
    for (String heap : List.of("-Xmx512m", "-Xms1g", "-XX:MaxRAMPercentage=50", "-XX:MaxHeapSize=1g")) {
      List<String> options = new ArrayList<>(List.of(heap));
      options.addAll(IMAGE_OPTIONS);
      assertThat(EntrypointHeap.childCommand(true, "java", jvm(options, plan), plan, Map.of())).as(heap).isNull();
    }
    // An argument after the jar that looks like a heap option is the command's, not the JVM's.
    List<String> odd = List.of("plan", big, "--var", "X=-Xmx1m");
    assertThat(EntrypointHeap.childCommand(true, "java", jvm(IMAGE_OPTIONS, odd), odd, Map.of())).isNotNull();
  }

  @Test
  void theImagesAndTheActionAskForIt() throws IOException {
    String dockerfile = Files.readString(Path.of("Dockerfile"));
    assertThat(dockerfile).contains("\"-Xlog:cds+dynamic=off\", \"" + FLAG + "\", \"-jar\", \"/opt/roleform/roleform.jar\"]")
        .contains("-Xlog:cds+dynamic=off " + FLAG + " -jar /opt/roleform/roleform.jar \"$@\"");
    assertThat(Files.readString(Path.of("pom.xml"))).contains("<jvmFlag>" + FLAG + "</jvmFlag>");
    assertThat(Files.readString(Path.of("action.yml"))).contains("-Xlog:cds+dynamic=off " + FLAG + " -jar \"%s\"");
  }
}
