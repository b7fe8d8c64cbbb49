package io.roleform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roleform.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A saved plan travels as a CI artifact between plan and apply: here it is edited as an attacker
 * with write access to that artifact would, and {@code apply --plan} must refuse every edit with
 * exit 3 and write nothing — while the untouched plan still applies.
 */
@Tag("security")
class SavedPlanTamperTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Against the secure-exchanges seed: a permission change, a creation, a deletion with a move, member changes. */
  static final String CONFIG = """
      apiVersion: roleform/v1
      roles:
        - name: Support Techs
          permissions: [logs, admin-logs]
          members: [grace@acme.example, ivan@acme.example]
        - name: Auditors
          description: Reads logs
          permissions: [logs]
          members: [judy@acme.example]
      removed:
        - name: Interns
          moveMembersTo: Billing
      """;

  @TempDir Path dir;
  PortalForTest portal;

  @BeforeEach
  void start() throws Exception {
    portal = PortalForTest.start("secure-exchanges");
  }

  @AfterEach
  void stop() {
    portal.close();
  }

  static Stream<Arguments> edits() {
    return Stream.of(
        edit("an added operation (a user put into Admin)", p -> ops(p).add(JSON.valueToTree(java.util.Map.of(
            "type", "changeMembers", "role", java.util.Map.of("id", "r1", "name", "Admin"),
            "add", java.util.List.of(java.util.Map.of("id", "u11", "email", "mallory@acme.example", "external", false)),
            "remove", java.util.List.of(), "reason", "config differs from live")))),
        edit("a removed operation", p -> ops(p).remove(1)),
        edit("reordered operations", p -> {
          JsonNode first = ops(p).get(0);
          ops(p).set(0, ops(p).get(1));
          ops(p).set(1, first);
        }),
        edit("a changed user id (the email stays the reviewed one)",
            p -> member(p).put("id", "u11")),
        edit("a changed email", p -> member(p).put("email", "mallory@acme.example")),
        edit("a changed role", p -> ((ObjectNode) ops(p).get(4)).set("role",
            JSON.valueToTree(java.util.Map.of("id", "r1", "name", "Admin")))),
        edit("a changed permission", p -> ((ArrayNode) ops(p).get(0).get("permissions").get("after"))
            .add("roles-and-authorizations")),
        edit("a deletion without its moveMembersTo", p -> ((ObjectNode) ops(p).get(2)).putNull("moveMembersTo")),
        edit("a changed plan option", p -> ((ObjectNode) p.get("options")).put("allowMemberRemoval", true)),
        edit("an emptied access impact", p -> p.putArray("access")),
        edit("a changed portal address", p -> p.put("portal", "http://127.0.0.1:9")),
        edit("a removed madeFrom", p -> p.remove("madeFrom")),
        edit("a changed config in madeFrom", p -> {
          ObjectNode file = (ObjectNode) p.get("madeFrom").get("files").get(0);
          file.put("content", file.get("content").asText().replace("judy@", "mallory@"));
        }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edits")
  void everyEditIsRefusedWithExit3AndNothingIsWritten(String what, Consumer<ObjectNode> edit) throws Exception {
    Path plan = plan(CONFIG, portal.env());
    ObjectNode tree = (ObjectNode) JSON.readTree(plan.toFile());
    edit.accept(tree);
    Files.writeString(plan, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
    long before = portal.stateVersion();

    CliRun apply = CliRun.run(portal.env(), "apply", "--plan", plan.toString());

    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(3);
    assertThat(apply.err()).as(apply.toString()).contains("the saved plan does not match what it was made from", "Nothing was changed");
    assertThat(portal.stateVersion()).isEqualTo(before);
  }

  @Test
  void theUntouchedPlanApplies() throws Exception {
    Path plan = plan(CONFIG, portal.env());
    CliRun apply = CliRun.run(portal.env(), "apply", "--plan", plan.toString());
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    assertThat(CliRun.run(portal.env(), "plan", write(CONFIG).toString(), "--detailed-exitcode").exitCode()).isZero();
  }

  @Test
  void emptiedRefusalsAreRefusedWithExit3() throws Exception {
    String emptiesAdmin = "apiVersion: roleform/v1\nroles:\n  - name: Admin\n    members: [alice@acme.example]\n";
    CliRun made = CliRun.run(portal.env(), "plan", write(emptiesAdmin).toString(), "--min-admins=2", "--out",
        dir.resolve("plan.json").toString());
    assertThat(made.exitCode()).as(made.toString()).isEqualTo(4);
    ObjectNode tree = (ObjectNode) JSON.readTree(dir.resolve("plan.json").toFile());
    assertThat(tree.get("refusals")).isNotEmpty();
    tree.putArray("refusals");
    Files.writeString(dir.resolve("plan.json"), JSON.writeValueAsString(tree));
    long before = portal.stateVersion();

    CliRun apply = CliRun.run(portal.env(), "apply", "--plan", dir.resolve("plan.json").toString());

    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(3);
    assertThat(apply.err()).contains("refusal");
    assertThat(portal.stateVersion()).isEqualTo(before);
  }

  @Test
  void aSavedPlanWithRefusalsIsStillRefusedBySafetyWithExit4() throws Exception {
    String emptiesAdmin = "apiVersion: roleform/v1\nroles:\n  - name: Admin\n    members: [alice@acme.example]\n";
    CliRun made = CliRun.run(portal.env(), "plan", write(emptiesAdmin).toString(), "--min-admins=2", "--out",
        dir.resolve("plan.json").toString());
    assertThat(made.exitCode()).isEqualTo(4);
    CliRun apply = CliRun.run(portal.env(), "apply", "--plan", dir.resolve("plan.json").toString());
    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(4);
  }

  @Test
  void aStalePlanIsStillExit3Stale() throws Exception {
    Path plan = plan(CONFIG, portal.env());
    CliRun.run(portal.env(), "apply", write("apiVersion: roleform/v1\nroles:\n  - name: Late\n").toString(),
        "--auto-approve");
    CliRun apply = CliRun.run(portal.env(), "apply", "--plan", plan.toString());
    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(3);
    assertThat(apply.err()).contains("is stale");
  }

  private static Arguments edit(String what, Consumer<ObjectNode> edit) {
    return Arguments.of(what, edit);
  }

  private static ArrayNode ops(ObjectNode plan) {
    return (ArrayNode) plan.get("operations");
  }

  /** The member added to Support Techs (ivan). */
  private static ObjectNode member(ObjectNode plan) {
    return (ObjectNode) ops(plan).get(4).get("add").get(0);
  }

  private Path write(String config) throws Exception {
    Path file = Files.createTempFile(dir, "config", ".yaml");
    Files.writeString(file, config);
    return file;
  }

  private Path plan(String config, java.util.Map<String, String> env) throws Exception {
    Path out = dir.resolve("plan.json");
    CliRun plan = CliRun.run(env, "plan", write(config).toString(), "--out", out.toString());
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
    return out;
  }
}
