package io.roleform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Governance end to end over loopback (the secure-exchanges seed: Admin = alice, bob; Support
 * Techs = grace, heidi; Billing = ivan; Interns = judy, mallory): a plan that breaks a policy is
 * refused in plan and apply with exit 4 and nothing is written; {@code check} exits 2 on a live
 * violation and 0 when every policy holds; expiring memberships are kept until the end of their
 * day and removed after it ({@code ROLEFORM_NOW}); {@code report} writes HTML, CSV and JSON.
 */
class GovernanceIT {

  private static final String POLICIES = """
      apiVersion: roleform/v1
      policies:
        - name: two-admins
          minMembers: {role: Admin, count: 2}
        - name: billing-alone
          exclusive: {roles: [Billing, Support Techs]}
      """;

  private LoopbackSandbox sandbox;
  @TempDir Path dir;

  @AfterEach
  void stop() {
    if (sandbox != null) sandbox.close();
  }

  @Test
  void aPlanThatBreaksAPolicyIsRefusedInPlanAndApplyAndNothingIsWritten() throws Exception {
    sandbox = LoopbackSandbox.start("secure-exchanges");
    Path config = config("""
        apiVersion: roleform/v1
        roles:
          - name: Billing
            members: [ivan@acme.example, grace@acme.example]
        """);
    long before = sandbox.stateVersion();

    CliRun plan = CliRun.run(sandbox.env(), "plan", config.toString());
    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(4);
    assertThat(plan.out()).as(plan.toString())
        .contains("x refused by policy billing-alone (" + config.resolve("policies.yaml") + ":5:5, exclusive)")
        .contains("introduced by this plan")
        .contains("caused by " + config.resolve("roles.yaml") + ":4:34: grace@acme.example is a member of Billing");
    assertThat(plan.err()).contains("Refused by policy billing-alone");

    CliRun apply = CliRun.run(sandbox.env(), "apply", config.toString(), "--auto-approve");
    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(4);
    assertThat(apply.err()).contains("refused by policy billing-alone".substring(1), "nothing was changed");
    assertThat(sandbox.stateVersion()).isEqualTo(before);
  }

  @Test
  void checkExitsTwoOnALiveViolationAndZeroWhenThePoliciesHold() throws Exception {
    sandbox = LoopbackSandbox.start("secure-exchanges");
    Path config = config("""
        apiVersion: roleform/v1
        roles:
          - name: Admin
        """);
    CliRun clean = CliRun.run(sandbox.env(), "check", config.toString());
    assertThat(clean.exitCode()).as(clean.toString()).isZero();
    assertThat(clean.out()).contains("All 2 policies hold.");

    Path broken = config("""
        apiVersion: roleform/v1
        roles:
          - name: Admin
            members: [alice@acme.example]
        """);
    CliRun applied = CliRun.run(sandbox.env(), "apply", broken.toString(), "--auto-approve");
    assertThat(applied.exitCode()).as("removing an admin is refused by two-admins: %s", applied).isEqualTo(4);
    Path noPolicies = Files.writeString(dir.resolve("admins.yaml"), Files.readString(broken.resolve("roles.yaml")));
    CliRun byHand = CliRun.run(sandbox.env(), "apply", noPolicies.toString(), "--auto-approve");
    assertThat(byHand.exitCode()).as("without the policy the change goes through: %s", byHand).isZero();

    CliRun check = CliRun.run(sandbox.env(), "check", config.toString());
    assertThat(check.exitCode()).as(check.toString()).isEqualTo(2);
    assertThat(check.out()).contains("1 of 2 policies is broken", "x policy two-admins",
        "role `Admin` has 1 member, fewer than 2");
    CliRun json = CliRun.run(sandbox.env(), "check", config.toString(), "--format", "json");
    assertThat(json.exitCode()).isEqualTo(2);
    assertThat(json.out()).contains("\"policy\" : \"two-admins\"", "\"status\" : \"PRE_EXISTING\"");
  }

  @Test
  void expiringMembershipIsKeptThroughItsLastDayAndRemovedAfterIt() throws Exception {
    sandbox = LoopbackSandbox.start("secure-exchanges");
    Path config = billingWithDanUntilJanuary31();

    CliRun add = CliRun.run(env("2027-01-20T08:00:00Z"), "apply", config.toString(), "--auto-approve");
    assertThat(add.exitCode()).as(add.toString()).isZero();
    assertThat(add.out()).contains("+ dan@acme.example", "Access expiring within 14 days:",
        "dan@acme.example in \"Billing\" until 2027-01-31 (11 days left)");

    CliRun lastDay = CliRun.run(env("2027-01-31T23:59:59Z"), "plan", config.toString(), "--detailed-exitcode");
    assertThat(lastDay.exitCode()).as(lastDay.toString()).isZero();
    assertThat(lastDay.out()).contains("(last day today)");

    CliRun after = CliRun.run(env("2027-02-01T00:00:00Z"), "apply", config.toString(), "--auto-approve");
    assertThat(after.exitCode()).as(after.toString()).isZero();
    assertThat(after.out()).contains("# access expired on 2027-01-31", "- dan@acme.example");
    CliRun again = CliRun.run(env("2027-02-01T00:00:00Z"), "plan", config.toString(), "--detailed-exitcode");
    assertThat(again.exitCode()).as(again.toString()).isZero();
  }

  @Test
  void aSavedPlanThatRemovesExpiredAccessIsAppliedAsOfTheSameClock() throws Exception {
    sandbox = LoopbackSandbox.start("secure-exchanges");
    Path config = billingWithDanUntilJanuary31();
    CliRun add = CliRun.run(env("2027-01-20T08:00:00Z"), "apply", config.toString(), "--auto-approve");
    assertThat(add.exitCode()).as(add.toString()).isZero();

    // plan and apply --plan both read ROLEFORM_NOW: the re-plan at apply time must see the same
    // expiry as the reviewed plan (it used the system clock and refused the plan with exit 3).
    Path saved = dir.resolve("expired.plan.json");
    CliRun plan = CliRun.run(env("2027-02-01T00:00:00Z"), "plan", config.toString(), "--out", saved.toString(),
        "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(2);
    assertThat(plan.out()).contains("# access expired on 2027-01-31");
    CliRun apply = CliRun.run(env("2027-02-01T00:00:00Z"), "apply", "--plan", saved.toString());
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    CliRun again = CliRun.run(env("2027-02-01T00:00:00Z"), "plan", config.toString(), "--detailed-exitcode");
    assertThat(again.exitCode()).as(again.toString()).isZero();
  }

  @Test
  void reportWritesHtmlCsvAndJsonOfTheLiveStateAndOfAPlan() throws Exception {
    sandbox = LoopbackSandbox.start("secure-exchanges");
    Path html = dir.resolve("access.html");
    CliRun live = CliRun.run(sandbox.env(), "report", "--format", "html", "--out", html.toString());
    assertThat(live.exitCode()).as(live.toString()).isZero();
    String page = Files.readString(html);
    assertThat(page).startsWith("<!doctype html>").contains("grace@acme.example", "Support Techs")
        .contains("default-src 'none'")
        .doesNotContain("<link", "src=", "href=\"http", "url(", "@import", "fetch(", "XMLHttpRequest");

    Path config = config("""
        apiVersion: roleform/v1
        roles:
          - name: Billing
            members: [ivan@acme.example, {email: dan@acme.example, until: 2027-01-31}]
        """);
    Path csv = dir.resolve("access.csv");
    CliRun planned = CliRun.run(env("2027-01-20T00:00:00Z"), "report", config.toString(), "--format", "csv",
        "--out", csv.toString());
    assertThat(planned.exitCode()).as(planned.toString()).isZero();
    List<String> rows = Files.readAllLines(csv);
    assertThat(rows.get(0)).isEqualTo("user,external,role,permission,status,until,policies");
    assertThat(rows).contains("dan@acme.example,false,Billing,billing,added,2027-01-31,",
        "dan@acme.example,false,Billing,purchase,added,2027-01-31,",
        "grace@acme.example,false,Support Techs,logs,unchanged,,");

    CliRun json = CliRun.run(env("2027-01-20T00:00:00Z"), "report", config.toString(), "--format", "json");
    assertThat(json.exitCode()).as(json.toString()).isZero();
    assertThat(json.out()).contains("\"withPlan\" : true", "\"status\" : \"added\"", "\"until\" : \"2027-01-31\"");
  }

  /** Billing = ivan, and dan until 2027-01-31 (the last day he keeps it, UTC). */
  private Path billingWithDanUntilJanuary31() throws Exception {
    return Files.writeString(dir.resolve("billing.yaml"), """
        apiVersion: roleform/v1
        roles:
          - name: Billing
            members: [ivan@acme.example, {email: dan@acme.example, until: 2027-01-31}]
        """, StandardCharsets.UTF_8);
  }

  private Map<String, String> env(String now) {
    Map<String, String> env = new HashMap<>(sandbox.env());
    env.put("ROLEFORM_NOW", now);
    return env;
  }

  private Path config(String roles) throws Exception {
    Path d = Files.createTempDirectory(dir, "config");
    Files.writeString(d.resolve("policies.yaml"), POLICIES, StandardCharsets.UTF_8);
    Files.writeString(d.resolve("roles.yaml"), roles, StandardCharsets.UTF_8);
    return d;
  }
}
