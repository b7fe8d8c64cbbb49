package io.roleform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private static String only(ConfigResult r) {
    assertThat(r.problems()).hasSize(1);
    return r.problems().get(0).message();
  }

  @Test
  void yaml11BooleanWordsStayStringsInNames() throws IOException {
    Path f = write("c.yaml", """
        apiVersion: roleform/v1
        order: [NO, off]
        roles:
          - name: NO
            formerNames: [yes, On]
          - name: off
        """);
    ConfigResult r = ConfigLoader.load(f, Map.of());
    assertThat(r.problems()).isEmpty();
    assertThat(r.desired().roles()).extracting(DesiredRole::name).containsExactly("NO", "off");
    assertThat(r.desired().roles().get(0).formerNames()).containsExactly("yes", "On");
    assertThat(r.desired().order()).containsExactly("NO", "off");
  }

  @Test
  void quotedNumbersAreText() throws IOException {
    Path f = write("c.yaml", "apiVersion: roleform/v1\nroles:\n  - name: \"2024\"\n  - name: !!str 42\n");
    ConfigResult r = ConfigLoader.load(f, Map.of());
    assertThat(r.desired().roles()).extracting(DesiredRole::name).containsExactly("2024", "42");
  }

  @Test
  void substitutesEnvironmentVariablesAndKeepsEscapedDollarBraces() throws IOException {
    Path f = write("c.yaml", """
        apiVersion: roleform/v1
        settings:
          owner: ${OWNER}
        roles:
          - name: ${TEAM} Leads
            description: "costs $${CURRENCY} and $5"
        """);
    ConfigResult r = ConfigLoader.load(f, Map.of("ROLEFORM_VAR_OWNER", "alice@acme.example", "ROLEFORM_VAR_TEAM", "Billing"));
    assertThat(r.problems()).isEmpty();
    assertThat(r.desired().settings().owner()).isEqualTo("alice@acme.example");
    DesiredRole role = r.desired().roles().get(0);
    assertThat(role.name()).isEqualTo("Billing Leads");
    assertThat(role.description()).isEqualTo("costs ${CURRENCY} and $5");
  }

  @Test
  void keepsThePositionOfEveryValue() throws IOException {
    Path f = write("c.yaml", """
        apiVersion: roleform/v1
        settings:
          owner: alice@acme.example
          allowView: false
        order: [Admin, Billing]
        roles:
          - name: Billing
            copyFrom: Admin
            permissions: [billing, purchase]
            members:
              - ivan@acme.example
            formerNames: [Money]
            caseActions: [view]
        removed:
          - name: Interns
            moveMembersTo: Billing
        """);
    DesiredState s = ConfigLoader.load(f, Map.of()).desired();
    String file = f.toString();
    DesiredRole role = s.roles().get(0);
    assertThat(role.position()).isEqualTo(new SourcePosition(file, 7, 5));
    assertThat(role.positionOf("name")).isEqualTo(new SourcePosition(file, 7, 11));
    assertThat(role.positionOf("copyFrom")).isEqualTo(new SourcePosition(file, 8, 15));
    assertThat(role.positionOf("permissions/1")).isEqualTo(new SourcePosition(file, 9, 28));
    assertThat(role.positionOf("members/0")).isEqualTo(new SourcePosition(file, 11, 9));
    assertThat(role.positionOf("formerNames/0")).isEqualTo(new SourcePosition(file, 12, 19));
    assertThat(role.positionOf("caseActions/0")).isEqualTo(new SourcePosition(file, 13, 19));
    assertThat(s.removed().get(0).position()).isEqualTo(new SourcePosition(file, 15, 5));
    assertThat(s.removed().get(0).positionOf("moveMembersTo")).isEqualTo(new SourcePosition(file, 16, 20));
    assertThat(s.positionOf("order/1")).isEqualTo(new SourcePosition(file, 5, 16));
    assertThat(s.positionOf("settings/owner")).isEqualTo(new SourcePosition(file, 3, 10));
    assertThat(s.positionOf("settings/allowView")).isEqualTo(new SourcePosition(file, 4, 14));
    assertThat(s.settings()).isEqualTo(new DesiredSettings("alice@acme.example", false, null));
  }

  @Test
  void absentListsAreUnmanagedAndEmptyListsAreManaged() throws IOException {
    Path f = write("c.yaml", "apiVersion: roleform/v1\nroles:\n  - name: A\n  - name: B\n    members: []\n");
    List<DesiredRole> roles = ConfigLoader.load(f, Map.of()).desired().roles();
    assertThat(roles.get(0).members()).isNull();
    assertThat(roles.get(0).permissions()).isNull();
    assertThat(roles.get(1).members()).isEmpty();
    assertThat(ConfigLoader.load(f, Map.of()).desired().order()).isNull();
  }

  @Test
  void mergesDirectoriesRecursivelyInPathOrderAndSeveralDocumentsPerFile() throws IOException {
    write("b/2.yml", "apiVersion: roleform/v1\nroles:\n  - name: Third\n");
    write("a.yaml", "apiVersion: roleform/v1\nroles:\n  - name: First\n---\napiVersion: roleform/v1\nroles:\n  - name: Second\n");
    write("notes.txt", "not: yaml config");
    DesiredState s = ConfigLoader.load(dir, Map.of()).desired();
    assertThat(s.roles()).extracting(DesiredRole::name).containsExactly("First", "Second", "Third");
    assertThat(s.files()).containsExactly(dir.resolve("a.yaml").toString(), dir.resolve("b/2.yml").toString());
  }

  @Test
  void acceptsByteOrderMarkAndCrlf() throws IOException {
    Path f = dir.resolve("c.yaml");
    Files.write(f, "\uFEFFapiVersion: roleform/v1\r\nroles:\r\n  - name: Billing\r\n".getBytes("UTF-8"));
    ConfigResult r = ConfigLoader.load(f, Map.of());
    assertThat(r.problems()).isEmpty();
    assertThat(r.desired().roles().get(0).positionOf("name")).isEqualTo(new SourcePosition(f.toString(), 3, 11));
  }

  @Test
  void digestCoversBytesAndRelativePaths() throws IOException {
    String text = "apiVersion: roleform/v1\nroles:\n  - name: A\n";
    write("x/a.yaml", text);
    String first = ConfigLoader.load(dir.resolve("x"), Map.of()).desired().digest();
    assertThat(first).matches("[0-9a-f]{64}");
    assertThat(ConfigLoader.load(dir.resolve("x"), Map.of()).desired().digest()).isEqualTo(first);
    Files.move(dir.resolve("x/a.yaml"), dir.resolve("x/b.yaml"));
    String renamed = ConfigLoader.load(dir.resolve("x"), Map.of()).desired().digest();
    assertThat(renamed).isNotEqualTo(first);
    Files.writeString(dir.resolve("x/b.yaml"), text + "# comment\n");
    assertThat(ConfigLoader.load(dir.resolve("x"), Map.of()).desired().digest()).isNotEqualTo(renamed);
  }

  @Test
  void refusesAFileOverFiveMebibytesWithoutReadingIt() throws IOException {
    Path f = dir.resolve("big.yaml");
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(5L * 1024 * 1024 + 1); // sparse: reading it would be slow and wasteful
    }
    ConfigResult r = ConfigLoader.load(f, Map.of());
    assertThat(only(r)).startsWith("file is too large (" + (5L * 1024 * 1024 + 1) + " bytes");
    assertThat(r.problems().get(0).position()).isEqualTo(new SourcePosition(f.toString(), 1, 1));
  }

  @Test
  void refusesMoreThanTenThousandFiles() throws IOException {
    for (int i = 0; i <= Limits.MAX_FILES; i++) Files.createFile(dir.resolve("f" + i + ".yaml"));
    ConfigResult r = ConfigLoader.load(dir, Map.of());
    assertThat(only(r)).isEqualTo("config `" + dir + "` has more than 10000 YAML files");
  }

  @Test
  void reportsAMissingPathAndADirectoryWithoutYaml() throws IOException {
    ConfigResult missing = ConfigLoader.load(dir.resolve("nope"), Map.of());
    assertThat(only(missing)).isEqualTo("config `" + dir.resolve("nope") + "` does not exist");
    assertThat(missing.problems().get(0).format()).startsWith("roleform: error: config `");
    write("readme.md", "# hi");
    assertThat(only(ConfigLoader.load(dir, Map.of()))).isEqualTo("no *.yaml or *.yml files in `" + dir + "`");
  }

  /*
   * The two guards below count the loader's work instead of timing it, so that neither a fast
   * machine can hide a quadratic reading nor a loaded one fail a linear one: the work is the bytes
   * the loader allocates on this thread (it reads a single file on the calling thread), which does
   * not depend on the machine's speed or load. SnakeYAML scans a long token in quadratic time and
   * copies its buffer as it grows, so a quadratic reading shows as quadratic allocation.
   */

  @Test
  void aHugeOneLineScalarIsRefusedWithoutParsingIt() throws IOException {
    String text = "apiVersion: roleform/v1\nroles:\n  - name: " + "x".repeat(4_000_000) + "\n";
    Path f = write("c.yaml", text);
    ConfigLoader.load(f, Map.of()); // classes loaded and schema read once, outside the count
    long before = allocatedBytes();
    ConfigResult r = ConfigLoader.load(f, Map.of());
    long work = allocatedBytes() - before;
    assertThat(only(r)).isEqualTo("line 3 is longer than 100000 characters");
    assertThat(r.problems().get(0).position()).isEqualTo(new SourcePosition(f.toString(), 3, 100_001));
    assertThat(work).as("bytes allocated to refuse a %d-byte file", text.length())
        .isGreaterThan(text.length()) // the file is read on this thread: the count sees the work
        .isLessThan(16L * text.length()); // 4x today (the bytes, the decoded text); parsing the token would be quadratic
  }

  @Test
  void aHugeMultiLineScalarIsReadInLinearWork() throws IOException {
    long small = workToRead(1_000);
    long large = workToRead(4_000);
    assertThat(large).as("bytes allocated for 4,000 lines of 1,000 characters, against %d for 1,000 lines", small)
        .isLessThan(6 * small) // 4 times the input: linear is about 4 times the work, quadratic 16
        .isLessThan(64L * 4_000 * 1_006); // and a few dozen bytes per input byte
  }

  /** Bytes allocated by loading a description of {@code lines} lines of 999 characters (refused as too long). */
  private long workToRead(int lines) throws IOException {
    String line = "x".repeat(999);
    Path f = write("c" + lines + ".yaml", "apiVersion: roleform/v1\nroles:\n  - name: A\n    description:\n"
        + ("      " + line + "\n").repeat(lines));
    ConfigLoader.load(f, Map.of()); // classes loaded and schema read once, outside the count
    long before = allocatedBytes();
    ConfigResult r = ConfigLoader.load(f, Map.of());
    long work = allocatedBytes() - before;
    assertThat(only(r)).isEqualTo("`description` is longer than 2000 characters");
    assertThat(work).as("the file is read on this thread: the count sees the work").isGreaterThan(lines * 1_000L);
    return work;
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  @Test
  void rolesReferencedOnlyByReferencesAreNotErrors() throws IOException {
    Path f = write("c.yaml", """
        apiVersion: roleform/v1
        order: [Admin, Live Only]
        roles:
          - name: Auditors
            copyFrom: Live Template
        removed:
          - name: Interns
            moveMembersTo: Live Target
        """);
    assertThat(ConfigLoader.load(f, Map.of()).problems()).isEmpty();
  }

  @Test
  void renamingOnlyTheCaseOfARoleIsAllowed() throws IOException {
    Path f = write("c.yaml", "apiVersion: roleform/v1\nroles:\n  - name: Billing\n    formerNames: [billing]\n");
    assertThat(ConfigLoader.load(f, Map.of()).problems()).isEmpty();
  }

  @Test
  void reportsProblemsOfAllFilesAtOnce() throws IOException {
    write("a.yaml", "apiVersion: roleform/v1\nroles: [\n");
    write("b.yaml", "apiVersion: roleform/v2\n");
    write("c.yaml", "apiVersion: roleform/v1\nroles:\n  - name: X\n    members: [x]\n");
    ConfigResult r = ConfigLoader.load(dir, Map.of());
    assertThat(r.problems()).extracting(d -> d.position().file())
        .containsExactly(dir.resolve("a.yaml").toString(), dir.resolve("b.yaml").toString(),
            dir.resolve("c.yaml").toString());
  }
}
