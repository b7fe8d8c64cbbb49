package io.roleform.plan;

import io.roleform.diff.Operation;
import io.roleform.diff.RoleRef;
import io.roleform.diff.UserRef;
import io.roleform.diff.Change;
import io.roleform.diff.Warning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roleform.diff.Operation.ApproveApplier;
import io.roleform.diff.Operation.ChangeMembers;
import io.roleform.diff.Operation.CreateRole;
import io.roleform.diff.Operation.DeleteRole;
import io.roleform.diff.Operation.ReorderRoles;
import io.roleform.diff.Operation.TransferOwner;
import io.roleform.diff.Operation.UpdateRole;
import io.roleform.diff.Operation.UpdateSettings;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlanJsonTest {

  // ---- round trip -------------------------------------------------------------------------

  @Property(tries = 300)
  void aPlanSurvivesAJsonRoundTrip(@ForAll("plans") Plan plan) throws Exception {
    String json = PlanJson.write(plan);
    assertThat(PlanJson.read(json)).isEqualTo(plan);
    assertThat(PlanJson.write(PlanJson.read(json))).isEqualTo(json);
  }

  @Test
  void everyOperationKindSurvivesARoundTrip() throws Exception {
    Plan plan = samplePlan();
    assertThat(plan.operations()).extracting(o -> o.getClass()).hasSize(8).doesNotHaveDuplicates();
    assertThat(PlanJson.read(PlanJson.write(plan))).isEqualTo(plan);
  }

  @Test
  void writesPrettyJsonWithFormatVersionFirstEveryFieldPresentAndAFinalNewline() {
    String json = PlanJson.write(samplePlan());
    assertThat(json).startsWith("{\n  \"formatVersion\": 2,\n  \"portal\": \"http://127.0.0.1:8080\",\n");
    assertThat(json).endsWith("}\n");
    assertThat(json).contains("\"type\": \"transferOwner\"");
    assertThat(json).contains("\"from\": null"); // absent values are written, not dropped
    assertThat(json).contains("\"access\": [");
    assertThat(json).contains("\"direction\": \"GAINED\"");
  }

  @Test
  void writingIsDeterministic() {
    assertThat(PlanJson.write(samplePlan())).isEqualTo(PlanJson.write(samplePlan()));
  }

  // ---- refusals ---------------------------------------------------------------------------

  @Test
  void refusesAPlanFromANewerRoleform() {
    String json = PlanJson.write(samplePlan()).replace("\"formatVersion\": 2", "\"formatVersion\": 7");
    assertThatThrownBy(() -> PlanJson.read(json))
        .isInstanceOf(PlanFormatException.class)
        .hasMessageContaining("made by a newer roleform (format 7")
        .hasMessageContaining("upgrade");
  }

  @Test
  void refusesAPlanFromANewerRoleformEvenIfItHasFieldsThisOneDoesNotKnow() {
    String json =
        PlanJson.write(samplePlan())
            .replace("\"formatVersion\": 2,", "\"formatVersion\": 3, \"newThing\": true,");
    assertThatThrownBy(() -> PlanJson.read(json)).hasMessageContaining("newer roleform (format 3");
  }

  @Test
  void refusesAPlanOfFormatOneWhoseAccessImpactHadExternalInsideTheEmail() {
    String json = PlanJson.write(samplePlan()).replace("\"formatVersion\": 2", "\"formatVersion\": 1");
    assertThatThrownBy(() -> PlanJson.read(json))
        .isInstanceOf(PlanFormatException.class)
        .hasMessageContaining("made by an older roleform (format 1; this roleform reads format 2)")
        .hasMessageContaining("make the plan again");
  }

  @Test
  void anExternalUsersAccessChangeAndNotificationCarryExternalAsAFieldOfTheirOwn() throws Exception {
    Plan base = samplePlan();
    Plan plan = new Plan(base.formatVersion(), base.portal(), base.profile(), base.configDigest(), base.fingerprint(),
        base.options(), base.operations(),
        List.of(new AccessChange("sybil@partner.example", true, "view", AccessChange.Direction.LOST, List.of("Editors"))),
        base.warnings(), base.refusals(),
        List.of(new Notification("sybil@partner.example", true, Notification.Reason.REMOVED, List.of(), List.of("Editors"))),
        List.of(), List.of());
    String json = PlanJson.write(plan);
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    assertThat(tree.at("/access/0/user").asText()).isEqualTo("sybil@partner.example");
    assertThat(tree.at("/access/0/external").asBoolean()).isTrue();
    assertThat(tree.at("/notifications/0/user").asText()).isEqualTo("sybil@partner.example");
    assertThat(tree.at("/notifications/0/external").asBoolean()).isTrue();
    assertThat(json).doesNotContain("(external)");
    assertThat(PlanJson.read(json)).isEqualTo(plan);
  }

  @Test
  void refusesGarbage() {
    assertThatThrownBy(() -> PlanJson.read("hello")).isInstanceOf(PlanFormatException.class)
        .hasMessageStartingWith("it is not valid JSON at line 1");
    assertThatThrownBy(() -> PlanJson.read("")).hasMessage("the file is empty.");
    assertThatThrownBy(() -> PlanJson.read("[1, 2]")).hasMessageContaining("not a roleform plan");
    assertThatThrownBy(() -> PlanJson.read("{\"a\": 1}")).hasMessageContaining("no \"formatVersion\"");
    assertThatThrownBy(() -> PlanJson.read("{\"formatVersion\": \"1\"}"))
        .hasMessageContaining("not a whole number");
    assertThatThrownBy(() -> PlanJson.read("{\"formatVersion\": 0}")).hasMessageContaining("does not exist");
  }

  @Test
  void refusesATruncatedPlanAtEveryCut() {
    String json = PlanJson.write(samplePlan());
    for (int cut = 1; cut < json.length() - 2; cut += 7) {
      String truncated = json.substring(0, cut);
      assertThatThrownBy(() -> PlanJson.read(truncated))
          .as("cut at %d", cut)
          .isInstanceOf(PlanFormatException.class);
    }
  }

  @Test
  void refusesTrailingContent() {
    assertThatThrownBy(() -> PlanJson.read(PlanJson.write(samplePlan()) + "{}"))
        .isInstanceOf(PlanFormatException.class);
  }

  @Test
  void refusesAMissingFieldNamingIt() {
    String json = PlanJson.write(samplePlan()).replace("\"liveHash\": \"abc123\"", "\"other\": 1");
    assertThatThrownBy(() -> PlanJson.read(json))
        .isInstanceOf(PlanFormatException.class)
        .hasMessage("the field \"fingerprint.liveHash\" is missing.");
    String noReason = PlanJson.write(samplePlan()).replaceFirst(",\n\\s*\"reason\": \"not in the live portal\"", "");
    assertThat(noReason).isNotEqualTo(PlanJson.write(samplePlan()));
    assertThatThrownBy(() -> PlanJson.read(noReason))
        .hasMessage("the field \"operations[0].reason\" is missing.");
  }

  @Test
  void refusesARequiredValueThatIsNull() {
    String json = PlanJson.write(samplePlan()).replace("\"liveHash\": \"abc123\"", "\"liveHash\": null");
    assertThatThrownBy(() -> PlanJson.read(json))
        .isInstanceOf(PlanFormatException.class)
        .hasMessageContaining("\"fingerprint\"")
        .hasMessageContaining("liveHash == null");
  }

  @Test
  void refusesUnknownFieldsTypesAndWrongTypes() {
    String plan = PlanJson.write(samplePlan());
    assertThatThrownBy(() -> PlanJson.read(plan.replace("\"prune\": false", "\"prune\": false, \"extra\": 1")))
        .hasMessage("it has an unknown field \"options.extra\".");
    assertThatThrownBy(() -> PlanJson.read(plan.replace("\"type\": \"createRole\"", "\"type\": \"dropTable\"")))
        .hasMessageContaining("unknown operation type \"dropTable\"");
    assertThatThrownBy(() -> PlanJson.read(plan.replace("\"minAdmins\": 1", "\"minAdmins\": \"one\"")))
        .hasMessageContaining("options.minAdmins");
    assertThatThrownBy(() -> PlanJson.read(plan.replace("\"stateVersion\": 42", "\"stateVersion\": null")))
        .isInstanceOf(PlanFormatException.class);
    assertThatThrownBy(() -> PlanJson.read(plan.replace("\"direction\": \"GAINED\"", "\"direction\": \"MAYBE\"")))
        .isInstanceOf(PlanFormatException.class);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"operations", "access", "warnings", "refusals", "notifications", "policies", "expiring"})
  void refusesAListFieldThatIsNullNamingIt(String field) {
    String json = withField(field, com.fasterxml.jackson.databind.node.NullNode.getInstance());
    assertThatThrownBy(() -> PlanJson.read(json))
        .isInstanceOf(PlanFormatException.class)
        .hasMessage("the field \"" + field + "\" is null; it must be a list (write [] for none).");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"access", "warnings", "refusals", "notifications", "policies", "expiring"})
  void refusesANullEntryInAListNamingIt(String field) {
    String json = withField(field, new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode().addNull());
    assertThatThrownBy(() -> PlanJson.read(json))
        .isInstanceOf(PlanFormatException.class)
        .hasMessage("\"" + field + "[0]\" is null; a list of the plan holds no null entries.");
  }

  @Test
  void refusesDuplicateFields() {
    String json = PlanJson.write(samplePlan()).replace("\"prune\": false", "\"prune\": false, \"prune\": true");
    assertThatThrownBy(() -> PlanJson.read(json)).isInstanceOf(PlanFormatException.class);
  }

  // ---- fixtures ---------------------------------------------------------------------------

  /** The sample plan's JSON with {@code field} set to {@code value}. */
  private static String withField(String field, com.fasterxml.jackson.databind.JsonNode value) {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    try {
      var tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(PlanJson.write(samplePlan()));
      assertThat(tree.has(field)).as(field).isTrue();
      tree.set(field, value);
      return json.writeValueAsString(tree);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Plan samplePlan() {
    RoleRef support = new RoleRef("r2", "Support Techs");
    RoleRef billing = new RoleRef("r3", "Billing");
    UserRef carol = new UserRef("u3", "carol@acme.example");
    List<Operation> ops =
        List.of(
            new CreateRole("Auditors", "Reads bills", List.of("billing"), null, billing, "not in the live portal"),
            new UpdateRole(support, new Change<>("Support Techs", "Support"), null,
                new Change<>(List.of("logs"), List.of("logs", "billing")), null, "7", "renamed"),
            new ApproveApplier(new UserRef("u16", "victor@acme.example"), billing, "listed as a member"),
            new ChangeMembers(billing, List.of(carol), List.of(), "members differ"),
            new ReorderRoles(List.of(support, billing), List.of(billing, support), "order differs"),
            new UpdateSettings(new Change<>(false, true), null, "settings differ"),
            new TransferOwner(null, carol, "owner differs"),
            new DeleteRole(new RoleRef("r4", "Interns"), support, 2, "in removed"));
    return new Plan(Plan.FORMAT_VERSION, "http://127.0.0.1:8080", "secure-exchanges", "d1", new Fingerprint(42, "abc123"),
        PlanOptions.DEFAULTS, ops,
        List.of(new AccessChange("carol@acme.example", "billing", AccessChange.Direction.GAINED, List.of("Billing"))),
        List.of(new Warning(Warning.Kind.UNMANAGED_ROLE, "Role \"X\" is unmanaged.")),
        List.of(new Refusal(Refusal.Rule.MAX_DELETIONS, "too many", "--max-deletions=5")));
  }

  @Provide
  Arbitrary<Plan> plans() {
    Arbitrary<List<Operation>> ops = operation().list().ofMaxSize(8);
    Arbitrary<List<AccessChange>> access =
        Combinators.combine(text(), text(), Arbitraries.of(AccessChange.Direction.class), text().list().ofMaxSize(3))
            .as(AccessChange::new).list().ofMaxSize(4);
    Arbitrary<List<Warning>> warnings = Combinators.combine(Arbitraries.of(Warning.Kind.class), text()).as(Warning::new).list().ofMaxSize(3);
    Arbitrary<List<Refusal>> refusals =
        Combinators.combine(Arbitraries.of(Refusal.Rule.class), text(), text().injectNull(0.3)).as(Refusal::new).list().ofMaxSize(3);
    Arbitrary<PlanOptions> options =
        Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers(), Arbitraries.integers(),
                Arbitraries.integers(), Arbitraries.integers(), Arbitraries.of(true, false))
            .as(PlanOptions::new);
    Arbitrary<Fingerprint> fingerprint = Combinators.combine(Arbitraries.longs(), text()).as(Fingerprint::new);
    return Combinators.combine(
            Arbitraries.just(Plan.FORMAT_VERSION), text().injectNull(0.2), text().injectNull(0.2),
            text().injectNull(0.2), fingerprint, options, ops, access)
        .flatAs((version, portal, profile, digest, fp, opts, os, acc) ->
            Combinators.combine(warnings, refusals)
                .as((w, r) -> new Plan(version, portal, profile, digest, fp, opts, os, acc, w, r)));
  }

  private static Arbitrary<Operation> operation() {
    Arbitrary<RoleRef> role = Combinators.combine(text().injectNull(0.2), text()).as(RoleRef::new);
    Arbitrary<UserRef> user = Combinators.combine(text(), text()).as(UserRef::new);
    Arbitrary<List<String>> strings = text().list().ofMaxSize(4);
    Arbitrary<String> reason = text();
    Arbitrary<Change<String>> stringChange =
        Combinators.combine(text().injectNull(0.1), text()).as(Change<String>::new).injectNull(0.4);
    Arbitrary<Change<List<String>>> listChange =
        Combinators.combine(strings, strings).as(Change<List<String>>::new).injectNull(0.4);
    Arbitrary<Change<Boolean>> boolChange =
        Combinators.combine(Arbitraries.of(true, false).injectNull(0.1), Arbitraries.of(true, false))
            .as(Change<Boolean>::new).injectNull(0.3);
    return Arbitraries.oneOf(
        Combinators.combine(text(), text().injectNull(0.3), strings, strings.injectNull(0.5), role.injectNull(0.5), reason)
            .as(CreateRole::new),
        Combinators.combine(role, stringChange, stringChange, listChange, listChange, text().injectNull(0.3), reason)
            .as(UpdateRole::new),
        Combinators.combine(user, role, reason).as(ApproveApplier::new),
        Combinators.combine(role, role.injectNull(0.5), Arbitraries.integers().greaterOrEqual(0), reason)
            .as(DeleteRole::new),
        Combinators.combine(role, user.list().ofMaxSize(5), user.list().ofMaxSize(5), reason).as(ChangeMembers::new),
        Combinators.combine(role.list().ofMaxSize(4), role.list().ofMaxSize(4), reason).as(ReorderRoles::new),
        Combinators.combine(boolChange, boolChange, reason).as(UpdateSettings::new),
        Combinators.combine(user.injectNull(0.3), user, reason).as(TransferOwner::new));
  }

  /** Any text, including quotes, backslashes, control characters and non-ASCII. */
  private static Arbitrary<String> text() {
    return Arbitraries.strings().all().ofMaxLength(12);
  }
}
