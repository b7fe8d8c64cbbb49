package io.roleform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data sharing archive ({@code roleform.jsa}, {@link CdsTraining}) from outside, as
 * users start roleform: the {@code ./roleform} launcher, plain {@code java -jar} (relaunched with
 * the archive by {@link Relaunch}) and {@code java} with the options the Dockerfile's entrypoint
 * and the action give. A copy of the built jar is trained in a temporary directory (the archive
 * records the jar's path, size and time, so the test may move and rebuild its own copy), then:
 * the archive is really used (the JVM's class-load log names it as the source of roleform's
 * classes), and when it is missing, stale (jar rebuilt), made for another path (jar moved),
 * damaged or not an archive at all, every entry point prints exactly what it prints without an
 * archive — stdout and stderr byte for byte — with the same exit code.
 */
class SharedArchiveIT {
  private static final List<String> OPTIONS = Relaunch.OPTIONS;
  private static final Path BUILT_JAR = Path.of("target", "roleform.jar");

  @TempDir static Path tmp;
  static Path app;        // a checkout: app/roleform (the launcher) and app/target/roleform.jar + .jsa
  static Path jar;
  static Path jsa;
  static Path valid;
  static Path broken;
  static Result validExpected;
  static Result brokenExpected;

  record Result(int exit, String stdout, String stderr) {}

  @BeforeAll
  static void trainACopyOfTheJar() throws Exception {
    app = Files.createDirectories(tmp.resolve("app"));
    Files.createDirectories(app.resolve("target"));
    jar = app.resolve("target/roleform.jar");
    jsa = app.resolve("target/roleform.jsa");
    Files.copy(BUILT_JAR, jar);
    Path launcher = Files.copy(Path.of("roleform"), app.resolve("roleform"));
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    train(jar, jsa);
    assertThat(jsa).isRegularFile();

    valid = Files.createDirectories(tmp.resolve("valid"));
    for (String f : List.of("00-settings.yaml", "10-roles.yaml", "20-people.yaml", "30-policies.yaml")) {
      Files.copy(Path.of("examples/app-roles", f), valid.resolve(f));
    }
    broken = Files.createDirectories(tmp.resolve("broken"));
    Files.writeString(broken.resolve("roles.yaml"), """
        apiVersion: roleform/v1
        roles:
          - name: Broken
            permisions: [view-records]
            members: [not-an-email]
        """);
    // What every entry point must print, archive or not: a JVM with no archive of ours at all.
    validExpected = java(List.of("-Xshare:off", "-jar", jar.toString(), "validate", valid.toString()));
    brokenExpected = java(List.of("-Xshare:off", "-jar", jar.toString(), "validate", broken.toString()));
    assertThat(validExpected.exit()).isZero();
    assertThat(validExpected.stdout()).startsWith("valid: ");
    assertThat(validExpected.stderr()).isEmpty();
    assertThat(brokenExpected.exit()).isEqualTo(1);
    assertThat(brokenExpected.stderr()).contains("roles.yaml:4:");
  }

  static void train(Path jar, Path jsa) throws Exception {
    Result r = run(tmp, Map.of(), List.of("java", "-cp", jar.toString(), CdsTraining.class.getName(), jsa.toString()));
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.stdout()).as(r.toString())
        .startsWith("roleform class-data sharing training: exit codes export=0 validate=0")
        .endsWith("roleform class-data sharing archive: " + jsa.toAbsolutePath() + "\n");
    assertThat(r.stderr()).isEmpty();
    assertThat(jsa.resolveSibling(jsa.getFileName() + ".tmp")).doesNotExist();
  }

  @Test
  void everyEntryPointUsesTheArchiveAndPrintsTheSame() throws Exception {
    Path log = tmp.resolve("class-load.log");
    // The launcher, with the class-load log (ROLEFORM_JAVA_OPTS replaces the tuning options only).
    String withLog = String.join(" ", OPTIONS) + " -Xlog:class+load=info:file=" + log;
    assertSame(run(app, Map.of("ROLEFORM_JAVA_OPTS", withLog), launcher("validate", valid.toString())), validExpected);
    String launcherLog = Files.readString(log);
    assertThat(launcherLog).containsPattern("io\\.roleform\\.cli\\.ValidateCommand source: shared objects file \\(top\\)");
    // picocli is compiled from source at release 17 (pom.xml), so CDS archives it too: none of its
    // classes is parsed from the jar at start-up (its Java 5 release jar's 182 classes all were).
    assertThat(launcherLog).containsPattern("picocli\\.CommandLine source: shared objects file \\(top\\)")
        .containsPattern("picocli\\.CommandLine\\$Model\\$CommandSpec source: shared objects file \\(top\\)")
        .doesNotContainPattern("picocli\\.\\S+ source: (?!shared objects file)");
    Files.delete(log);
    // Plain java -jar: the relaunched child uses it.
    assertSame(run(app, Map.of("ROLEFORM_JAVA_OPTS", withLog), List.of("java", "-jar", jar.toString(), "validate",
        valid.toString())), validExpected);
    assertThat(Files.readString(log)).containsPattern("io\\.roleform\\.config\\.ConfigLoader source: shared objects file \\(top\\)");
    Files.delete(log);
    // The Dockerfile's entrypoint and the action's wrapper: the options given explicitly.
    assertSame(java(entrypoint(jsa, jar, "-Xlog:class+load=info:file=" + log, "validate", valid.toString())), validExpected);
    assertThat(Files.readString(log)).containsPattern("io\\.roleform\\.config\\.YamlStream source: shared objects file \\(top\\)");
    assertSame(java(entrypoint(jsa, jar, null, "validate", broken.toString())), brokenExpected);
    assertSame(run(app, Map.of(), launcher("validate", broken.toString())), brokenExpected);
  }

  /**
   * A config of 32 MiB or more through the entrypoint's options: {@link EntrypointHeap} re-runs the
   * command in a child JVM with the launcher's options for it (33 MiB: a 576 MiB initial heap, the
   * parallel collector) that still loads roleform from the archive; it prints exactly what the command prints run in place (with
   * {@code ROLEFORM_JAVA_OPTS} set, which turns the heap off). {@code --version} runs in place.
   */
  @Test
  void aBigConfigThroughTheEntrypointGetsItsHeapInAChildThatUsesTheArchive() throws Exception {
    Path big = Files.createDirectories(tmp.resolve("big"));
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.resolve("roles.yaml").toFile(), "rw")) {
      f.setLength(33L << 20); // apparent size, sparse: over the per-file limit, so validate refuses it at once
    }
    Path viaChild = Files.createDirectories(tmp.resolve("heap-child"));
    Path inPlace = Files.createDirectories(tmp.resolve("heap-in-place"));
    Path version = Files.createDirectories(tmp.resolve("heap-version"));
    String logs = "-Xlog:gc+init=info,class+load=info:file=";

    Result child = java(entrypoint(jsa, jar, logs + viaChild + "/jvm-%p.log", "validate", big.toString()));
    List<String> here = new ArrayList<>(List.of("java"));
    here.addAll(entrypoint(jsa, jar, logs + inPlace + "/jvm-%p.log", "validate", big.toString()));
    Result same = run(tmp, Map.of("ROLEFORM_JAVA_OPTS", "-Xmx64m"), here);
    Result v = java(entrypoint(jsa, jar, logs + version + "/jvm-%p.log", "--version"));

    assertThat(child.exit()).as(child.toString()).isEqualTo(1);
    assertSame(child, same);
    assertThat(v.exit()).isZero();
    assertThat(v.stdout()).startsWith("roleform ");
    List<String> childLogs = logs(viaChild);
    assertThat(childLogs).as("this JVM and its child").hasSize(2);
    assertThat(childLogs).filteredOn(l -> l.contains("Heap Initial Capacity: 576M")).singleElement()
        .satisfies(l -> assertThat(l).contains("Parallel Workers:")
            .containsPattern("io\\.roleform\\.config\\.ConfigLoader source: shared objects file \\(top\\)"));
    assertThat(logs(inPlace)).as("ROLEFORM_JAVA_OPTS set: one JVM, no heap").singleElement()
        .satisfies(l -> assertThat(l).doesNotContain("Heap Initial Capacity: 576M"));
    assertThat(logs(version)).as("--version: one JVM").hasSize(1);
  }

  private static List<String> logs(Path dir) throws IOException {
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      List<String> texts = new ArrayList<>();
      for (Path f : files.sorted().toList()) texts.add(Files.readString(f));
      return texts;
    }
  }

  @Test
  void aMissingArchiveChangesNothing() throws Exception {
    Path dir = copyOfApp("missing", true);
    Files.delete(dir.resolve("target/roleform.jsa"));
    assertEverywhereSame(dir);
  }

  @Test
  void aMovedJarChangesNothing() throws Exception {
    // The archive and the jar copied with their times: the archive is newer than the jar, so every
    // entry point passes it to the JVM, which finds it was made for another path.
    Path dir = copyOfApp("moved", true);
    assertEverywhereSame(dir);
  }

  @Test
  void aRebuiltJarChangesNothing() throws Exception {
    Path dir = copyOfApp("rebuilt", true);
    Path rebuilt = dir.resolve("target/roleform.jar");
    Path archive = dir.resolve("target/roleform.jsa");
    // Trained for this very path, then the jar rebuilt: another size (an extra entry) and time.
    train(rebuilt, archive);
    rejar(rebuilt);
    assertEverywhereSame(dir);
    // Even when the archive looks newer than the rebuilt jar (so the launchers pass it on): the
    // JVM's own check refuses it, silently.
    Files.setLastModifiedTime(archive, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    assertEverywhereSame(dir);
  }

  @Test
  void aForeignFileInPlaceOfTheArchiveChangesNothing() throws Exception {
    // Not an archive at all (another tool's file, or another format): the JVM refuses its header.
    // (A TRUNCATED archive is another matter: JDK 17 can crash mapping one, which is why
    // CdsTraining only ever moves a complete archive into place.)
    Path dir = copyOfApp("foreign", true);
    Path archive = dir.resolve("target/roleform.jsa");
    Files.delete(archive);
    Files.writeString(archive, "not a class-data sharing archive\n".repeat(1000));
    Files.setLastModifiedTime(archive, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    assertEverywhereSame(dir);
  }

  /** A copy of the trained app directory (times kept: the archive stays newer than the jar). */
  private static Path copyOfApp(String name, boolean withArchive) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name).resolve("target"));
    Files.copy(jar, dir.resolve("roleform.jar"), StandardCopyOption.COPY_ATTRIBUTES);
    if (withArchive) Files.copy(jsa, dir.resolve("roleform.jsa"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(app.resolve("roleform"), dir.getParent().resolve("roleform"), StandardCopyOption.COPY_ATTRIBUTES);
    return dir.getParent();
  }

  /** The launcher, plain java -jar and the entrypoint's options print what no archive prints. */
  private static void assertEverywhereSame(Path dir) throws Exception {
    Path j = dir.resolve("target/roleform.jar");
    Path a = dir.resolve("target/roleform.jsa");
    for (var c : List.of(new Object[] {valid, validExpected}, new Object[] {broken, brokenExpected})) {
      String config = c[0].toString();
      Result expected = (Result) c[1];
      assertSame(run(dir, Map.of(), List.of(dir.resolve("roleform").toString(), "validate", config)), expected);
      assertSame(run(dir, Map.of(), List.of("java", "-jar", j.toString(), "validate", config)), expected);
      assertSame(java(entrypoint(a, j, null, "validate", config)), expected);
    }
  }

  private static void assertSame(Result actual, Result expected) {
    assertThat(actual.stderr()).as("stderr").isEqualTo(expected.stderr());
    assertThat(actual.stdout()).as("stdout").isEqualTo(expected.stdout());
    assertThat(actual.exit()).as("exit").isEqualTo(expected.exit());
  }

  /** The Dockerfile entrypoint's / the action wrapper's java options for this archive and jar. */
  private static List<String> entrypoint(Path archive, Path jar, String extra, String... args) {
    List<String> cmd = new ArrayList<>(OPTIONS);
    cmd.add("-XX:SharedArchiveFile=" + archive);
    cmd.addAll(SharedArchive.QUIET);
    cmd.add("-D" + EntrypointHeap.PROPERTY + "=true");
    if (extra != null) cmd.add(extra);
    cmd.addAll(List.of("-jar", jar.toString()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  private static List<String> launcher(String... args) {
    List<String> cmd = new ArrayList<>(List.of(app.resolve("roleform").toString()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Rewrites a jar with one more entry: what a rebuild does to its size and time. */
  private static void rejar(Path jar) throws IOException {
    Path out = jar.resolveSibling("rebuilt.jar");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
        ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        zip.putNextEntry(new ZipEntry(e.getName()));
        in.transferTo(zip);
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry("rebuilt.txt"));
      zip.write("rebuilt\n".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    Files.move(out, jar, StandardCopyOption.REPLACE_EXISTING);
  }

  private static Result java(List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("java"));
    cmd.addAll(args);
    return run(tmp, Map.of(), cmd);
  }

  private static Result run(Path dir, Map<String, String> env, List<String> cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    Map<String, String> environment = pb.environment();
    environment.remove("JAVA_TOOL_OPTIONS");
    environment.remove("JDK_JAVA_OPTIONS");
    environment.remove("ROLEFORM_JAVA_OPTS");
    environment.put("NO_COLOR", "1");
    environment.putAll(new HashMap<>(env));
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + cmd);
    }
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }
}
