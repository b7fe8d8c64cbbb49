package io.roleform.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roleform.cli.RoleformCommand;
import io.roleform.render.DiagnosticsRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code roleform validate} run in-process, and the formats of {@link DiagnosticsRenderer}. */
class ValidateCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = RoleformCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path bad() throws IOException {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "apiVersion: roleform/v1\nroles:\n  - name: Billing\n    permisions: [billing]\n");
    return f;
  }

  @ParameterizedTest
  @ValueSource(strings = {"secure-exchanges", "case-portal", "app-roles"})
  void examplesAreValid(String name) {
    Run r = run("validate", "examples/" + name);
    assertThat(r.code()).isZero();
    assertThat(r.out()).matches("valid: \\d+ roles in \\d files?\\R");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void textFormatPrintsProblemsOnStderr() throws IOException {
    Path f = bad();
    Run r = run("validate", f.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo(f + ":4:5: error: /roles/0/permisions: unknown key `permisions`\n"
        + "    hint: did you mean `permissions`?\n1 problem found.\n");
  }

  @Test
  void jsonFormatPrintsAnArrayOnStdout() throws IOException {
    Path f = bad();
    Run r = run("validate", f.toString(), "--format", "json");
    assertThat(r.code()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.size()).isEqualTo(1);
    JsonNode p = json.get(0);
    assertThat(p.get("file").asText()).isEqualTo(f.toString());
    assertThat(p.get("line").asInt()).isEqualTo(4);
    assertThat(p.get("column").asInt()).isEqualTo(5);
    assertThat(p.get("path").asText()).isEqualTo("/roles/0/permisions");
    assertThat(p.get("message").asText()).isEqualTo("unknown key `permisions`");
    assertThat(p.get("hint").asText()).isEqualTo("did you mean `permissions`?");
    assertThat(run("validate", "examples/app-roles", "--format", "json").out().strip()).isEqualTo("[ ]");
  }

  @Test
  void githubFormatPrintsWorkflowCommands() throws IOException {
    Path f = bad();
    Run r = run("validate", f.toString(), "--format=github");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("::error file=" + f + ",line=4,col=5::/roles/0/permisions: unknown key "
        + "`permisions`%0Ahint: did you mean `permissions`?\n");
  }

  @Test
  void githubFormatEscapesDataAndProperties() {
    Diagnostic d = new Diagnostic(new SourcePosition("a,b:c%.yaml", 1, 2), "", "100% wrong\r\nreally", null);
    assertThat(DiagnosticsRenderer.github(List.of(d)))
        .isEqualTo("::error file=a%2Cb%3Ac%25.yaml,line=1,col=2::100%25 wrong%0D%0Areally\n");
    assertThat(DiagnosticsRenderer.github(List.of(Diagnostic.at(Location.NONE, "no place"))))
        .isEqualTo("::error::no place\n");
  }

  @Test
  void jsonFormatHasNullsForAProblemWithoutPosition() throws IOException {
    JsonNode json = new ObjectMapper().readTree(DiagnosticsRenderer.json(List.of(Diagnostic.at(Location.NONE, "x"))));
    assertThat(json.get(0).get("file").isNull()).isTrue();
    assertThat(json.get(0).get("hint").isNull()).isTrue();
  }

  @Test
  void aMissingConfigExitsOneWithAClearMessage() {
    Run r = run("validate", dir.resolve("nope").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("roleform: error: config `" + dir.resolve("nope") + "` does not exist");
  }

  @Test
  void usageErrorsExitOne() {
    assertThat(run("validate").code()).isEqualTo(1);
    assertThat(run("validate", "examples/app-roles", "--format", "xml").code()).isEqualTo(1);
  }

  @Test
  void helpShowsAnExample() {
    Run r = run("validate", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("roleform validate examples/app-roles").contains("--format");
  }
}
