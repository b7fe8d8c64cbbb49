package io.roleform.portal.http;

import static io.roleform.portal.http.PortalServer.TOKEN;
import static io.roleform.portal.http.PortalServer.json;
import static io.roleform.portal.http.PortalServer.noContent;
import static io.roleform.portal.http.PortalServer.role;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roleform.apply.Applier;
import io.roleform.apply.ApplyReport;
import io.roleform.apply.OperationOutcome;
import io.roleform.apply.ProgressListener;
import io.roleform.diff.Change;
import io.roleform.plan.Fingerprint;
import io.roleform.diff.Operation;
import io.roleform.plan.Plan;
import io.roleform.plan.PlanOptions;
import io.roleform.diff.RoleRef;
import io.roleform.diff.UserRef;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The exact requests an apply sends, for a plan with every kind of operation. */
class ApplyOverHttpTest extends OverPortalServer {

  private static final ObjectMapper JSON = new ObjectMapper();


  static Plan planWithEveryOperationKind() {
    RoleRef billing = new RoleRef("r3", "Billing");
    RoleRef auditors = new RoleRef(null, "Billing Auditors");
    RoleRef support = new RoleRef("r2", "Support Techs");
    UserRef victor = new UserRef("u16", "victor@acme.example");
    UserRef frank = new UserRef("u6", "frank@acme.example");
    UserRef judy = new UserRef("u10", "judy@acme.example");
    List<Operation> ops =
        List.of(
            new Operation.CreateRole("Billing Auditors", "Audits the bills", List.of("billing"), null,
                billing, "not in the live portal"),
            new Operation.UpdateRole(support, new Change<>("Support Techs", "Support Technicians"), null,
                new Change<>(List.of("logs"), List.of("admin-logs", "logs")), null, "7",
                "renamed from Support Techs"),
            new Operation.ApproveApplier(victor, new RoleRef(null, "billing AUDITORS"), "pending applier listed"),
            new Operation.ReorderRoles(
                List.of(new RoleRef("r1", "Admin"), support, billing),
                List.of(new RoleRef("r1", "Admin"), auditors, support, billing), "order in config"),
            new Operation.ChangeMembers(auditors, List.of(frank), List.of(), "members in config"),
            new Operation.ChangeMembers(support, List.of(), List.of(judy), "members in config"),
            new Operation.DeleteRole(new RoleRef("r4", "Interns"), new RoleRef("r2", "Support Technicians"), 2,
                "in removed"),
            new Operation.UpdateSettings(new Change<>(false, true), null, "settings in config"),
            new Operation.TransferOwner(new UserRef("u1", "alice@acme.example"),
                new UserRef("u2", "bob@acme.example"), "owner in config"));
    return new Plan(1, "http://127.0.0.1", "app-roles", "sha256:c", new Fingerprint(41, "sha256:l"),
        PlanOptions.DEFAULTS, ops, List.of(), List.of(), List.of());
  }

  @Test
  void anApplySendsExactlyTheRequestsOfThePlanChainedOnTheStateVersion() throws Exception {
    portal.enqueue(json(201, role("r9", "Billing Auditors", 4, "1"), 42));
    portal.enqueue(json(200, role("r2", "Support Technicians", 1, "8"), 43));
    portal.enqueue(json(200, "{\"id\":\"u16\",\"email\":\"victor@acme.example\",\"status\":\"active\"}", 44));
    portal.enqueue(json(200, "{\"roleIds\":[\"r1\",\"r9\",\"r2\",\"r3\"]}", 45));
    portal.enqueue(json(200, "{\"roleId\":\"r9\",\"memberCount\":1}", 46));
    portal.enqueue(json(200, "{\"roleId\":\"r2\",\"memberCount\":1}", 47));
    portal.enqueue(noContent(48));
    portal.enqueue(json(200, "{\"owner\":\"alice@acme.example\",\"allowView\":true,\"notifyMembers\":true,\"version\":\"3\"}", 49));
    portal.enqueue(json(200, "{\"owner\":\"bob@acme.example\",\"allowView\":true,\"notifyMembers\":true,\"version\":\"4\"}", 50));

    client.assumeRead(41, "app-roles");
    ApplyReport report = new Applier(client, ProgressListener.NONE).apply(planWithEveryOperationKind());

    assertThat(report.succeeded()).isTrue();
    assertThat(report.outcomes()).extracting(OperationOutcome::status).containsOnly(OperationOutcome.Status.DONE);
    List<RecordedRequest> sent = portal.takeAll(9);
    assertThat(portal.server.getRequestCount()).isEqualTo(9);
    assertThat(client.requestCount()).isEqualTo(9);

    assertRequest(sent.get(0), "POST", "/api/v1/roles",
        "{\"name\":\"Billing Auditors\",\"description\":\"Audits the bills\",\"permissions\":[\"billing\"],\"copyFrom\":\"r3\"}");
    assertRequest(sent.get(1), "PATCH", "/api/v1/roles/r2",
        "{\"name\":\"Support Technicians\",\"permissions\":[\"admin-logs\",\"logs\"]}");
    assertRequest(sent.get(2), "POST", "/api/v1/users/u16/approve", "{\"roleId\":\"r9\"}");
    assertRequest(sent.get(3), "PUT", "/api/v1/roles/order", "{\"roleIds\":[\"r1\",\"r9\",\"r2\",\"r3\"]}");
    assertRequest(sent.get(4), "POST", "/api/v1/roles/r9/members", "{\"add\":[\"u6\"],\"remove\":[]}");
    assertRequest(sent.get(5), "POST", "/api/v1/roles/r2/members", "{\"add\":[],\"remove\":[\"u10\"]}");
    assertRequest(sent.get(6), "DELETE", "/api/v1/roles/r4?moveMembersTo=r2", null);
    assertRequest(sent.get(7), "PATCH", "/api/v1/portal/settings", "{\"allowView\":true}");
    assertRequest(sent.get(8), "POST", "/api/v1/portal/owner-transfer", "{\"newOwner\":\"u2\"}");

    // the chain: the first write requires the plan's state version, each next one the version
    // the previous answer reported
    assertThat(sent).extracting(r -> r.getHeaders().get("If-State-Version"))
        .containsExactly("41", "42", "43", "44", "45", "46", "47", "48", "49");
    // If-Match only where the plan knows a version: the role update
    assertThat(sent.get(1).getHeaders().get("If-Match")).isEqualTo("\"7\"");
    assertThat(sent).filteredOn(r -> r != sent.get(1)).allSatisfy(
        r -> assertThat(r.getHeaders().get("If-Match")).isNull());
    // every write carries its own idempotency key
    Set<String> keys = sent.stream().map(r -> r.getHeaders().get("Idempotency-Key")).collect(Collectors.toSet());
    assertThat(keys).hasSize(9).doesNotContainNull();
    assertThat(sent).allSatisfy(r -> assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN));
  }

  @Test
  void theVerboseLogHasOneLinePerRequestAndNeverTheToken() {
    portal.enqueue(json(200, "{\"roleIds\":[\"r1\"]}", 2));
    client.reorderRoles(List.of("r1"));
    assertThat(portal.log).hasSize(1);
    assertThat(portal.log.get(0)).matches("PUT /api/v1/roles/order -> 200 \\(\\d+ ms, attempt 1/4\\)");
    assertThat(String.join("\n", portal.log)).doesNotContain(TOKEN);
  }

  private static void assertRequest(RecordedRequest r, String method, String target, String body) throws Exception {
    assertThat(r.getMethod()).isEqualTo(method);
    assertThat(r.getTarget()).isEqualTo(target);
    if (body == null) {
      assertThat(r.getBodySize()).isZero();
    } else {
      assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
      JsonNode actual = JSON.readTree(r.getBody().utf8());
      assertThat(actual).isEqualTo(JSON.readTree(body));
    }
  }
}
