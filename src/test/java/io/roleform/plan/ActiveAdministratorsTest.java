package io.roleform.plan;

import static io.roleform.plan.Scenarios.APPS;
import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.portal.LiveState;
import io.roleform.portal.UserStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two safety rules on the admin role — {@code min-admins} ({@link SafetyRules}) and {@code
 * last-admin} ({@link PeopleSafety}) — count the same people: the <em>active administrators</em>
 * of {@link ActiveAdmins}, members of the admin role whose account can sign in (not disabled, not a
 * pending applier), before and after the plan.
 *
 * <p>They used to count differently: {@code last-admin} left pending appliers out and {@code
 * min-admins} counted them, so with a pending applier in the admin role one plan could say both
 * "left without an active member" and "left with 1 active member(s)", and a plan that took the
 * last active administrator out of the role by its {@code members} list (leaving only the pending
 * applier) was accepted.
 *
 * <p>On the app-roles portal here, Admin's members are bob (active) and victor (a pending applier
 * the portal lists in the role); alice, whose token applies, is in no role that manages members.
 */
class ActiveAdministratorsTest {

  @TempDir Path dir;

  /** Admin = {bob, victor (pending)}; alice out of Admin. */
  private static final LiveState PENDING_IN_ADMIN = withAdminMembers(APPS, "bob@acme.example", "victor@acme.example");

  private static final String DISABLE_BOB = Scenarios.statuses("bob", "disabled");

  private static final String ONLY_VICTOR_IN_ADMIN = """
      apiVersion: roleform/v1
      roles:
        - name: Admin
          members: [victor@acme.example]
      """;

  @Test
  void thePendingApplierIsAMemberButNoActiveAdministrator() {
    assertThat(user(PENDING_IN_ADMIN, "victor@acme.example").status()).isEqualTo(UserStatus.PENDING);
    assertThat(PENDING_IN_ADMIN.members().get(PENDING_IN_ADMIN.portal().adminRoleId())).hasSize(2);
  }

  @Test
  void disablingTheLastActiveAdministratorBesideAPendingOneIsOneRefusalNotTwoContradictoryOnes() throws Exception {
    Plan plan = plan(DISABLE_BOB, PENDING_IN_ADMIN, minAdmins(2));

    // Before: last-admin said "without an active member" and min-admins "left with 1 active member(s)".
    assertThat(plan.refusals()).extracting(Refusal::rule).containsExactly(Refusal.Rule.LAST_ADMIN);
    assertThat(plan(DISABLE_BOB, PENDING_IN_ADMIN, minAdmins(1)).refusals()).extracting(Refusal::rule)
        .containsExactly(Refusal.Rule.LAST_ADMIN);
  }

  @Test
  void takingTheLastActiveAdministratorOutOfTheRoleLeavingOnlyAPendingApplierIsRefused() throws Exception {
    Plan plan = plan(ONLY_VICTOR_IN_ADMIN, PENDING_IN_ADMIN, PlanOptions.DEFAULTS);

    // Before: accepted (victor counted as an administrator), leaving Admin with nobody who can sign in.
    assertThat(plan.refusals()).containsExactly(new Refusal(Refusal.Rule.MIN_ADMINS,
        "the admin role `Admin` would be left with 0 active member(s), fewer than 1", "--min-admins=0"));
  }

  @Test
  void aPendingApplierIsNotCountedBeforeThePlanEither() throws Exception {
    // Admin = {alice, bob, victor (pending)}; removing bob leaves one active administrator of two.
    LiveState live = withAdminMembers(APPS, "alice@acme.example", "bob@acme.example", "victor@acme.example");
    Plan plan = plan("""
        apiVersion: roleform/v1
        roles:
          - name: Admin
            members: [alice@acme.example, victor@acme.example]
        """, live, minAdmins(2));

    assertThat(plan.refusals()).containsExactly(new Refusal(Refusal.Rule.MIN_ADMINS,
        "the admin role `Admin` would be left with 1 active member(s), fewer than 2", "--min-admins=1"));
  }

  @Test
  void approvingAPendingApplierIntoAdminMakesThemAnActiveAdministrator() throws Exception {
    // Admin = {bob}; victor pending outside it. Approving victor into Admin while disabling bob.
    LiveState live = withAdminMembers(APPS, "bob@acme.example");
    Plan plan = plan("""
        apiVersion: roleform/v1
        roles:
          - name: Admin
            members: [bob@acme.example, victor@acme.example]
        users:
          - email: bob@acme.example
            status: disabled
        """, live, minAdmins(1));

    assertThat(plan.refusals()).isEmpty();
  }

  /**
   * Both rules agree on every case here: whenever last-admin refuses, min-admins is silent (it is
   * the same fact), and the count min-admins names is the after-count of {@link ActiveAdmins}.
   */
  @Test
  void bothRulesReadOneCount() throws Exception {
    LiveState bobDisabled = Scenarios.withStatus(withAdminMembers(APPS, "alice@acme.example", "bob@acme.example"),
        "bob@acme.example", UserStatus.DISABLED);
    List<Case> cases = List.of(
        new Case(DISABLE_BOB, PENDING_IN_ADMIN, 0),
        new Case(ONLY_VICTOR_IN_ADMIN, PENDING_IN_ADMIN, 0),
        new Case(DISABLE_BOB, withAdminMembers(APPS, "alice@acme.example", "bob@acme.example"), 1),
        new Case(Scenarios.statuses("bob", "active"), bobDisabled, 2),
        new Case("""
            apiVersion: roleform/v1
            roles:
              - name: Admin
                members: [alice@acme.example, bob@acme.example, carol@acme.example]
            """, bobDisabled, 2));
    for (Case c : cases) {
      for (int min = 0; min <= 3; min++) {
        Plan plan = plan(c.config, c.live, minAdmins(min));
        assertThat(PlannedAccess.after(c.live, plan).role("Admin").members())
            .as("policies and the access report count the same administrators: " + c.config).hasSize(c.activeAfter);
        List<Refusal> refusals = plan.refusals();
        boolean last = refusals.stream().anyMatch(r -> r.rule() == Refusal.Rule.LAST_ADMIN);
        for (Refusal r : refusals) {
          if (r.rule() != Refusal.Rule.MIN_ADMINS) continue;
          assertThat(last).as("min-admins and last-admin together: " + r.message()).isFalse();
          Matcher m = Pattern.compile("left with (\\d+) active member").matcher(r.message());
          assertThat(m.find()).isTrue();
          assertThat(Integer.parseInt(m.group(1))).as(c.config).isEqualTo(c.activeAfter);
        }
        if (last) assertThat(c.activeAfter).isZero();
      }
    }
  }

  private record Case(String config, LiveState live, int activeAfter) {}

  private static PlanOptions minAdmins(int n) {
    return new PlanOptions(false, n, 3, 50, 100, false);
  }

  private static io.roleform.portal.LiveUser user(LiveState live, String email) {
    return live.users().stream().filter(u -> u.email().equals(email)).findFirst().orElseThrow();
  }

  /** {@code live} with exactly these users as the admin role's members. */
  private static LiveState withAdminMembers(LiveState live, String... emails) {
    return Scenarios.withMembers(live, "Admin", emails);
  }

  private Plan plan(String config, LiveState live, PlanOptions options) throws Exception {
    return Scenarios.plan(dir, config, live, options);
  }
}
