package io.roleform.arch;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.diff.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's shape, checked on the sources: imports between stages point one way (config →
 * portal → diff → plan → apply → render, with cli and sandbox at the edges), and each library is
 * known only where STYLE.md says.
 */
class ArchitectureTest {

  private static final Path MAIN = Path.of("src/main/java/io/roleform");
  private static final String TRANSPORT = "portal.transport";
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);

  /** Which stages each stage may import (besides itself and its own sub-packages). */
  private static final Map<String, Set<String>> ALLOWED = Map.of(
      "config", Set.of(),
      "portal", Set.of(),
      "diff", Set.of("config", "portal"),
      "policy", Set.of("config", "portal"),
      "plan", Set.of("config", "portal", "diff", "policy"),
      "apply", Set.of("portal", "diff", "plan", "policy"),
      "render", Set.of("config", "portal", "diff", "plan", "policy"),
      "sandbox", Set.of("portal"),
      "cli", Set.of("config", "portal", "diff", "plan", "policy", "apply", "render", "sandbox"));

  /** Libraries and the only stages (top-level package, or package prefix) that may use them. */
  private static final Map<String, Set<String>> LIBRARIES = Map.of(
      "picocli.", Set.of("cli"),
      "okhttp3.", Set.of("portal.transport"),
      "org.yaml.snakeyaml.", Set.of("config"),
      "com.fasterxml.jackson.dataformat.yaml.", Set.of("config", "sandbox"),
      "com.networknt.", Set.of("config"),
      "java.sql.", Set.of("sandbox"),
      "com.sun.net.httpserver.", Set.of("sandbox"));

  @Test
  void stagesImportOnlyEarlierStages() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : sources()) {
      String stage = stageOf(file);
      for (String imported : imports(file)) {
        if (!imported.startsWith("io.roleform.")) continue;
        String target = imported.substring("io.roleform.".length()).split("\\.")[0];
        if (!target.equals(stage) && !ALLOWED.get(stage).contains(target)) {
          violations.add(MAIN.relativize(file) + " (" + stage + ") imports " + imported);
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void librariesStayInTheirStage() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : sources()) {
      String pkg = MAIN.relativize(file.getParent()).toString().replace('/', '.');
      for (String imported : imports(file)) {
        LIBRARIES.forEach((prefix, owners) -> {
          if (imported.startsWith(prefix) && owners.stream().noneMatch(o -> pkg.equals(o) || pkg.startsWith(o + "."))) {
            violations.add(MAIN.relativize(file) + " imports " + imported);
          }
        });
      }
    }
    assertThat(violations).isEmpty();
  }

  /**
   * Operations are handled through {@link Operation.Visitor} only, so that a new kind is a compile
   * error wherever it is not handled: no {@code instanceof} on a kind of operation in main code.
   */
  @Test
  void operationsAreDispatchedOnlyByTheVisitor() throws IOException {
    String kinds = Arrays.stream(Operation.class.getPermittedSubclasses()).map(Class::getSimpleName)
        .collect(Collectors.joining("|"));
    Pattern test = Pattern.compile("instanceof\\s+(?:[\\w.]*\\.)?(?:" + kinds + ")\\b");
    List<String> violations = new ArrayList<>();
    for (Path file : sources()) {
      if (test.matcher(Files.readString(file)).find()) violations.add(MAIN.relativize(file).toString());
    }
    assertThat(kinds).contains("CreateRole");
    assertThat(violations).isEmpty();
  }

  /**
   * A portal kind is known only to itself and the registry: outside {@code portal.X}, no code
   * imports {@code portal.X} (the command line asks {@link io.roleform.portal.PortalRegistry}). The
   * shared transport is not a kind: every HTTP-speaking kind uses it.
   */
  @Test
  void noPackageImportsAConcretePortalKind() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : sources()) {
      String pkg = MAIN.relativize(file.getParent()).toString().replace('/', '.');
      for (String imported : imports(file)) {
        Matcher kind = Pattern.compile("^io\\.roleform\\.(portal\\.[a-z]+)\\.").matcher(imported);
        if (kind.find() && !kind.group(1).equals(TRANSPORT) && !pkg.equals(kind.group(1))
            && !pkg.startsWith(kind.group(1) + ".")) {
          violations.add(MAIN.relativize(file) + " imports " + imported);
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  /**
   * A diagnostic is made from a {@link io.roleform.config.Location} a desired value gives ({@code
   * role.locationOf("members/3")}): outside {@code config}, no code makes a location or a source
   * position, nor escapes a JSON pointer step ({@code "~0"}) to compose one. (The constructors of
   * {@link io.roleform.config.Diagnostic} that take a position and a path are package-private.)
   */
  @Test
  void diagnosticsAreMadeOnlyFromLocationsTheValuesGive() throws IOException {
    Pattern handMade = Pattern.compile("new\\s+(?:[\\w.]*\\.)?(?:Location|SourcePosition)\\s*\\(|\"~0\"");
    List<String> violations = new ArrayList<>();
    for (Path file : sources()) {
      if (stageOf(file).equals("config")) continue;
      Matcher m = handMade.matcher(Files.readString(file));
      if (m.find()) violations.add(MAIN.relativize(file) + ": " + m.group());
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void everyPackageSaysWhatItIsFor() throws IOException {
    try (Stream<Path> dirs = Files.walk(MAIN)) {
      List<Path> missing = dirs.filter(Files::isDirectory)
          .filter(d -> hasJava(d) && !Files.exists(d.resolve("package-info.java")))
          .toList();
      assertThat(missing).isEmpty();
    }
  }

  private static boolean hasJava(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.toString().endsWith(".java"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String stageOf(Path file) {
    String stage = MAIN.relativize(file).getName(0).toString();
    assertThat(ALLOWED).as("stage of %s is known", file).containsKey(stage);
    return stage;
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static List<String> imports(Path file) throws IOException {
    Matcher m = IMPORT.matcher(Files.readString(file));
    List<String> out = new ArrayList<>();
    while (m.find()) out.add(m.group(1));
    return out;
  }
}
