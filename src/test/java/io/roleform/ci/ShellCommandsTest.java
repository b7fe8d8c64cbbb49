package io.roleform.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ShellCommands} finds commands and their arguments as sh would hand them to the program. */
class ShellCommandsTest {

  private static List<List<String>> words(String script) {
    return ShellCommands.parse(script).stream().map(ShellCommands.Command::words).toList();
  }

  private static List<List<String>> roleform(String script) {
    return ShellCommands.parse(script).stream()
        .filter(ShellCommands.Command::isRoleform)
        .map(ShellCommands.Command::args)
        .toList();
  }

  @Test
  void joinsContinuationLinesAndDropsComments() {
    assertThat(roleform("# plan it\nroleform plan config/ \\\n  --out plan.json \\\n  --format markdown  # why\n"))
        .containsExactly(List.of("plan", "config/", "--out", "plan.json", "--format", "markdown"));
  }

  @Test
  void removesQuotesAndReplacesExpansionsWithThePlaceholder() {
    assertThat(roleform("roleform plan \"$CONFIG\" --out '$literal' --portal \"${URL:-x}/a b\" --timeout $((2*3))"))
        .containsExactly(List.of("plan", "1", "--out", "$literal", "--portal", "1/a b", "--timeout", "1"));
    assertThat(roleform("roleform apply --plan \"$RUNNER_TEMP\"/p.json --report=`date`.json"))
        .containsExactly(List.of("apply", "--plan", "1/p.json", "--report=1.json"));
  }

  @Test
  void skipsRedirectionsAndTheirTargets() {
    assertThat(roleform("roleform plan c --format markdown > plan.md 2>&1 < /dev/null"))
        .containsExactly(List.of("plan", "c", "--format", "markdown"));
    assertThat(roleform("roleform plan c 2> err.log >>out.log &> all.log"))
        .containsExactly(List.of("plan", "c"));
  }

  @Test
  void splitsAtListOperatorsAndPipes() {
    assertThat(words("roleform validate c && roleform plan c || echo failed; ./roleform export | tee x & wait"))
        .containsExactly(
            List.of("roleform", "validate", "c"),
            List.of("roleform", "plan", "c"),
            List.of("echo", "failed"),
            List.of("./roleform", "export"),
            List.of("tee", "x"),
            List.of("wait"));
  }

  @Test
  void findsInvocationsAfterKeywordsAssignmentsAndInsideCommandSubstitution() {
    String script = String.join("\n",
        "set +e",
        "if ! NO_COLOR=1 roleform plan a --detailed-exitcode; then",
        "  out=$(roleform validate b --format json)",
        "fi",
        "case \"$code\" in 0|2|4) ;; *) exit \"$code\" ;; esac");
    assertThat(roleform(script))
        .containsExactly(
            List.of("plan", "a", "--detailed-exitcode"),
            List.of("validate", "b", "--format", "json"));
  }

  @Test
  void ignoresTheWordRoleformAsAnArgumentOrInsideQuotesAndHereDocuments() {
    String script = String.join("\n",
        "printf '#!/bin/sh\\nexec java -jar roleform.jar \"$@\"\\n' > \"$dir/roleform\"",
        "echo \"roleform plan is next\"",
        "cat <<'EOF' > x",
        "roleform plan not-a-command",
        "EOF",
        "roleform plan real");
    assertThat(roleform(script)).containsExactly(List.of("plan", "real"));
  }

  @Test
  void reportsTheLineEachCommandStartsOn() {
    List<ShellCommands.Command> commands = ShellCommands.parse("a\n\nb \\\n c\nroleform x");
    assertThat(commands).extracting(ShellCommands.Command::line).containsExactly(1, 3, 5);
  }
}
