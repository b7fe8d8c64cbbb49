package io.roleform.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roleform.apply.OperationOutcome.Status;
import io.roleform.diff.Change;
import io.roleform.plan.Fingerprint;
import io.roleform.diff.Operation;
import io.roleform.plan.Plan;
import io.roleform.plan.PlanOptions;
import io.roleform.plan.Refusal;
import io.roleform.diff.RoleRef;
import io.roleform.diff.UserRef;
import io.roleform.portal.PortalException;
import io.roleform.portal.PortalException.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplierTest {

  private static final RoleRef EDITORS = new RoleRef("r2", "Editors");
  private static final UserRef CAROL = new UserRef("u3", "carol@acme.example");
  private static final UserRef DAN = new UserRef("u4", "dan@acme.example");

  private static Plan plan(List<Operation> ops) {
    return plan(ops, List.of());
  }

  private static Plan plan(List<Operation> ops, List<Refusal> refusals) {
    return new Plan(1, "http://127.0.0.1:1", "app-roles", "sha256:c", new Fingerprint(17, "sha256:l"),
        PlanOptions.DEFAULTS, ops, List.of(), List.of(), refusals);
  }

  private static Operation create(String name) {
    return new Operation.CreateRole(name, "", List.of("view-records"), null, null, "not in the live portal");
  }

  private static Operation rename(RoleRef role, String to, String version) {
    return new Operation.UpdateRole(role, new Change<>(role.name(), to), null, null, null, version, "renamed");
  }

  private static Operation addMember(RoleRef role, UserRef user) {
    return new Operation.ChangeMembers(role, List.of(user), List.of(), "members in config");
  }

  @Test
  void runsTheOperationsInPlanOrderAfterGuardingOnThePlansStateVersion() {
    RecordingClient client = new RecordingClient();
    Plan plan = plan(List.of(
        create("Auditors"),
        new Operation.CreateRole("Auditors 2", "d", List.of(), null, new RoleRef(null, "AUDITORS"), "copy"),
        addMember(new RoleRef(null, "auditors"), CAROL),
        new Operation.ApproveApplier(DAN, new RoleRef(null, "Auditors 2"), "pending"),
        new Operation.ReorderRoles(List.of(), List.of(new RoleRef("r1", "Admin"), new RoleRef(null, "Auditors 2"), EDITORS), "order"),
        new Operation.DeleteRole(new RoleRef("r5", "Old"), new RoleRef(null, "Auditors"), 3, "removed"),
        new Operation.UpdateSettings(null, new Change<>(true, false), "settings"),
        new Operation.TransferOwner(null, CAROL, "owner")));

    ApplyReport report = new Applier(client, ProgressListener.NONE).apply(plan);

    assertThat(report.succeeded()).isTrue();
    assertThat(report.failure()).isEmpty();
    assertThat(client.calls).containsExactly(
        "create Auditors perms=[view-records] copyFrom=null",
        "create Auditors 2 perms=[] copyFrom=new1",
        "members new1 +[u3] -[]",
        "approve u4 into new2",
        "order [r1, new2, r2]",
        "delete r5 moveTo=new1",
        "settings allowView=null notify=false",
        "owner u3");
    assertThat(report.outcomes()).extracting(OperationOutcome::index).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
  }

  @Test
  void anUpdateSendsOnlyTheChangedFieldsAndTheVersionReadAtPlanTime() {
    RecordingClient client = new RecordingClient();
    new Applier(client, ProgressListener.NONE).apply(plan(List.of(
        new Operation.UpdateRole(EDITORS, null, new Change<>("a", "b"),
            new Change<>(List.of("x"), List.of("x", "y")), null, "5", "config"))));
    assertThat(client.calls).containsExactly(
        "update r2 RolePatch[name=null, description=b, permissions=[x, y], caseActions=null] ifMatch=5");
  }

  @Test
  void aRoleThisApplyAlreadyWroteToIsUpdatedWithoutItsStaleVersion() {
    RecordingClient client = new RecordingClient();
    new Applier(client, ProgressListener.NONE).apply(plan(List.of(
        addMember(EDITORS, CAROL),
        rename(EDITORS, "Writers", "5"),
        rename(new RoleRef("r3", "Viewers"), "Readers", "2"))));
    assertThat(client.calls).containsExactly(
        "members r2 +[u3] -[]",
        "update r2 RolePatch[name=Writers, description=null, permissions=null, caseActions=null] ifMatch=null",
        "update r3 RolePatch[name=Readers, description=null, permissions=null, caseActions=null] ifMatch=2");
  }

  @Test
  void stopsAtTheFirstFailureAndRunsNothingAfterIt() {
    RecordingClient client = new RecordingClient().failOnCall(2,
        new PortalException(Kind.INVALID, 422, "PATCH /api/v1/roles/r2 was refused with 422: name taken."));
    List<String> progress = new ArrayList<>();
    ProgressListener listener = new ProgressListener() {
      @Override
      public void started(int index, int total, Operation op) {
        progress.add("start " + index + "/" + total);
      }

      @Override
      public void finished(int index, int total, Operation op, OperationOutcome outcome) {
        progress.add("end " + index + "/" + total + " " + outcome.status());
      }
    };

    ApplyReport report = new Applier(client, listener).apply(plan(List.of(
        create("A"), rename(EDITORS, "Admin", "1"), create("B"), create("C"))));

    assertThat(report.succeeded()).isFalse();
    assertThat(report.stoppedByConcurrentChange()).isFalse();
    assertThat(report.outcomes()).extracting(OperationOutcome::status)
        .containsExactly(Status.DONE, Status.FAILED, Status.NOT_RUN, Status.NOT_RUN);
    assertThat(report.failure()).get().satisfies(f -> {
      assertThat(f.index()).isEqualTo(2);
      assertThat(f.message()).contains("name taken");
    });
    assertThat(client.calls).hasSize(2); // create A, the failed update; nothing after
    assertThat(progress).containsExactly("start 1/4", "end 1/4 DONE", "start 2/4", "end 2/4 FAILED");
  }

  @Test
  void aPreconditionFailureStopsTheApplyAsAConcurrentChange() {
    RecordingClient client = new RecordingClient().failOnCall(1,
        new PortalException(Kind.PRECONDITION_FAILED, 412, "PATCH ... 412"));
    ApplyReport report = new Applier(client, null).apply(plan(List.of(rename(EDITORS, "X", "1"), create("B"))));
    assertThat(report.stoppedByConcurrentChange()).isTrue();
    assertThat(report.failure()).get().extracting(OperationOutcome::message)
        .isEqualTo("the portal changed during apply (another writer?); run plan again");
    assertThat(report.outcomes().get(1).status()).isEqualTo(Status.NOT_RUN);
  }

  @Test
  void aRoleThePlanNeverCreatedFailsThatOperationWithoutACall() {
    RecordingClient client = new RecordingClient();
    ApplyReport report = new Applier(client, ProgressListener.NONE).apply(plan(List.of(
        addMember(new RoleRef(null, "Ghost"), CAROL))));
    assertThat(report.failure()).get().extracting(OperationOutcome::message).asString()
        .contains("`Ghost`", "run plan again");
    assertThat(client.calls).isEmpty();
  }

  @Test
  void aRefusedPlanIsNeverApplied() {
    RecordingClient client = new RecordingClient();
    Plan refused = plan(List.of(create("A")), List.of(new Refusal(Refusal.Rule.MAX_DELETIONS, "too many", "--max-deletions=5")));
    assertThatThrownBy(() -> new Applier(client, ProgressListener.NONE).apply(refused))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(client.calls).isEmpty();
  }

  @Test
  void theReportJsonListsEveryOperationWithItsOutcome() throws Exception {
    RecordingClient client = new RecordingClient().failOnCall(2,
        new PortalException(Kind.UNAVAILABLE, 503, "POST /api/v1/roles/r2/members failed after 6 attempts."));
    ApplyReport report = new Applier(client, ProgressListener.NONE).apply(plan(List.of(
        create("Auditors"), addMember(EDITORS, CAROL), new Operation.TransferOwner(null, DAN, "owner"))));

    JsonNode json = new ObjectMapper().readTree(ApplyReportJson.write(report));

    assertThat(json.get("formatVersion").asInt()).isEqualTo(1);
    assertThat(json.get("succeeded").asBoolean()).isFalse();
    assertThat(json.get("stoppedByConcurrentChange").asBoolean()).isFalse();
    JsonNode ops = json.get("operations");
    assertThat(ops).hasSize(3);
    assertThat(ops.get(0).toString()).isEqualTo(
        "{\"index\":1,\"type\":\"createRole\",\"target\":\"Auditors\",\"status\":\"done\",\"message\":\"created with id new1\"}");
    assertThat(ops.get(1).toString()).isEqualTo(
        "{\"index\":2,\"type\":\"changeMembers\",\"target\":\"Editors\",\"status\":\"failed\","
            + "\"message\":\"POST /api/v1/roles/r2/members failed after 6 attempts.\"}");
    assertThat(ops.get(2).toString()).isEqualTo(
        "{\"index\":3,\"type\":\"transferOwner\",\"target\":\"owner\",\"status\":\"not_run\",\"message\":null}");
  }
}
