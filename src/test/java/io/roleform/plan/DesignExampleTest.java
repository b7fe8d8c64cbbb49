package io.roleform.plan;

import io.roleform.diff.Operation;
import io.roleform.diff.RoleRef;
import io.roleform.diff.Change;
import io.roleform.diff.Warning;
import static io.roleform.plan.Scenarios.SECURE;
import static io.roleform.plan.Scenarios.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.testing.InMemoryPortal;
import io.roleform.testing.RealApply;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example config of DESIGN.md §2 (without its case-portal entry), against secure-exchanges. */
class DesignExampleTest {

  private static Desired designExample() {
    return Desired.config()
        .order("Admin", "IT Administrators", "Support Technicians", "Billing")
        .role("IT Administrators", r -> r.description("Domains and activation rules")
            .permissions("domain-management", "activation-rules", "roles-and-authorizations")
            .members("carol@acme.example", "dan@acme.example"))
        .role("Support Technicians", r -> r.formerNames("Support Techs").permissions("logs"))
        .role("Billing", r -> r.permissions("billing", "purchase"))
        .role("Billing Auditors", r -> r.copyFrom("Billing").members("frank@acme.example"))
        .removed("Interns", "Support Technicians");
  }

  @Test
  void plansEveryKindOfChangeInApplyOrder() {
    Plan plan = Scenarios.plan(designExample(), SECURE);

    RoleRef techs = new RoleRef("r2", "Support Technicians");
    assertThat(plan.operations()).containsExactly(
        new Operation.UpdateRole(new RoleRef("r2", "Support Techs"), new Change<>("Support Techs", "Support Technicians"),
            null, null, null, "1", "renamed from \"Support Techs\" (formerNames)"),
        new Operation.CreateRole("Billing Auditors", "", List.of("billing", "purchase"), null, new RoleRef("r3", "Billing"),
            "not in the live portal (copied from \"Billing\")"),
        new Operation.CreateRole("IT Administrators", "Domains and activation rules",
            List.of("activation-rules", "domain-management", "roles-and-authorizations"), null, null, "not in the live portal"),
        new Operation.DeleteRole(new RoleRef("r4", "Interns"), techs, 2, "listed in removed: (members move to Support Technicians)"),
        new Operation.ChangeMembers(new RoleRef(null, "Billing Auditors"), List.of(user(SECURE, "frank")), List.of(),
            "config differs from live"),
        new Operation.ChangeMembers(new RoleRef(null, "IT Administrators"), List.of(user(SECURE, "carol"), user(SECURE, "dan")),
            List.of(), "config differs from live"),
        new Operation.ReorderRoles(
            List.of(new RoleRef("r1", "Admin"), new RoleRef("r2", "Support Techs"), new RoleRef("r3", "Billing"),
                new RoleRef("r4", "Interns")),
            List.of(new RoleRef("r1", "Admin"), new RoleRef(null, "IT Administrators"), techs, new RoleRef("r3", "Billing"),
                new RoleRef(null, "Billing Auditors")),
            "order: differs from live"));
    assertThat(plan.refusals()).isEmpty();
    assertThat(plan.access()).extracting(a -> a.user() + " " + a.direction() + " " + a.permission()).containsExactly(
        "carol@acme.example GAINED activation-rules", "carol@acme.example GAINED domain-management",
        "carol@acme.example GAINED roles-and-authorizations", "dan@acme.example GAINED activation-rules",
        "dan@acme.example GAINED domain-management", "dan@acme.example GAINED roles-and-authorizations",
        "frank@acme.example GAINED billing", "frank@acme.example GAINED purchase");
  }

  @Test
  void applyingItThenPlanningAgainChangesNothing() {
    InMemoryPortal portal = InMemoryPortal.secureExchanges();
    RealApply.apply(Scenarios.plan(designExample(), portal.read()), portal);

    Plan again = Scenarios.plan(designExample(), portal.read());

    assertThat(again.operations()).isEmpty();
    // The removed role that is gone is no longer a warning on every later plan (an info note).
    assertThat(again.warnings()).extracting(Warning::message).containsExactly(
        "role `Admin` is not in the config; left as it is (unmanaged)");
    assertThat(portal.read().roles()).extracting(r -> r.name())
        .containsExactly("Admin", "IT Administrators", "Support Technicians", "Billing", "Billing Auditors");
  }
}
