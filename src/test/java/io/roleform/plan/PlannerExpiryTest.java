package io.roleform.plan;

import static io.roleform.plan.Scenarios.SECURE;
import static io.roleform.plan.Scenarios.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.config.ConfigLoader;
import io.roleform.config.ConfigResult;
import io.roleform.config.DesiredState;
import io.roleform.diff.Operation;
import io.roleform.diff.RoleRef;
import io.roleform.portal.LiveState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expiring access with a fixed clock: a member written {@code {email, until: 2027-01-31}} is a
 * member up to 2027-01-31T23:59:59Z and removed ("access expired on 2027-01-31") from
 * 2027-02-01T00:00:00Z; plans list memberships ending within {@code expiringWithinDays} (14 by
 * default), counting today as day 0.
 */
class PlannerExpiryTest {

  @TempDir Path dir;

  private static final String CONFIG = """
      apiVersion: roleform/v1
      roles:
        - name: Billing
          members: [ivan@acme.example, {email: dan@acme.example, until: 2027-01-31}]
      """;

  @Test
  void beforeTheDateTheMemberIsAddedAndListedAsExpiring() throws Exception {
    Plan plan = plan(CONFIG, SECURE, "2027-01-20T10:00:00Z", PlanOptions.DEFAULTS);

    assertThat(plan.operations()).containsExactly(new Operation.ChangeMembers(new RoleRef("r3", "Billing"),
        List.of(user(SECURE, "dan")), List.of(), "config differs from live"));
    assertThat(plan.expiring()).containsExactly(new ExpiringAccess("Billing", "dan@acme.example", "2027-01-31", 11));
  }

  @Test
  void onTheDateTheMemberStaysUntilTheEndOfTheDayUtc() throws Exception {
    LiveState withDan = applied(plan(CONFIG, SECURE, "2027-01-20T10:00:00Z", PlanOptions.DEFAULTS));

    Plan morning = plan(CONFIG, withDan, "2027-01-31T00:00:00Z", PlanOptions.DEFAULTS);
    Plan lastSecond = plan(CONFIG, withDan, "2027-01-31T23:59:59Z", PlanOptions.DEFAULTS);

    assertThat(morning.operations()).isEmpty();
    assertThat(lastSecond.operations()).isEmpty();
    assertThat(lastSecond.expiring()).containsExactly(new ExpiringAccess("Billing", "dan@acme.example", "2027-01-31", 0));
  }

  @Test
  void afterTheDateThePlanRemovesTheMembershipSayingWhy() throws Exception {
    LiveState withDan = applied(plan(CONFIG, SECURE, "2027-01-20T10:00:00Z", PlanOptions.DEFAULTS));

    Plan plan = plan(CONFIG, withDan, "2027-02-01T00:00:00Z", PlanOptions.DEFAULTS);

    assertThat(plan.operations()).containsExactly(new Operation.ChangeMembers(new RoleRef("r3", "Billing"),
        List.of(), List.of(user(SECURE, "dan")), "access expired on 2027-01-31"));
    assertThat(plan.expiring()).isEmpty();
    assertThat(plan(CONFIG, SECURE, "2027-02-01T00:00:00Z", PlanOptions.DEFAULTS).operations())
        .as("an expired member who is not a member live: nothing to do").isEmpty();
  }

  @Test
  void theExpiringListCoversExpiringWithinDaysCountingTodayAsZero() throws Exception {
    String config = """
        apiVersion: roleform/v1
        roles:
          - name: Billing
            members:
              - ivan@acme.example
              - {email: dan@acme.example, until: 2027-01-15}
              - {email: erin@acme.example, until: 2027-01-14}
              - {email: frank@acme.example, until: 2027-01-01}
        """;
    Plan plan = plan(config, SECURE, "2027-01-01T12:00:00Z", PlanOptions.DEFAULTS);
    assertThat(plan.expiring()).extracting(ExpiringAccess::user, ExpiringAccess::daysLeft)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("frank@acme.example", 0L),
            org.assertj.core.groups.Tuple.tuple("erin@acme.example", 13L),
            org.assertj.core.groups.Tuple.tuple("dan@acme.example", 14L));

    Plan narrow = plan(config, SECURE, "2027-01-01T12:00:00Z", PlanOptions.DEFAULTS.withExpiringWithinDays(0));
    assertThat(narrow.expiring()).extracting(ExpiringAccess::user).containsExactly("frank@acme.example");
    assertThat(narrow.options().expiringWithinDays()).isZero();
  }

  private static final String DRIFTED = """
      apiVersion: roleform/v1
      policies:
        - name: two-in-billing
          minMembers: {role: Billing, count: 2}
      roles:
        - name: Billing
          members:
            - ivan@acme.example
            - erin@acme.example
            - {email: dan@acme.example, until: 2027-01-31}
            - {email: frank@acme.example, until: 2027-02-05}
        - name: Audit
          permissions: [billing]
      """;

  @Test
  void onlyExpiredPlansTheExpiryRemovalsAndNothingElse() throws Exception {
    LiveState withDan = applied(plan(CONFIG, SECURE, "2027-01-20T10:00:00Z", PlanOptions.DEFAULTS));
    String config = DRIFTED.replace("count: 2", "count: 1");

    Plan full = plan(config, withDan, "2027-02-01T00:00:00Z", PlanOptions.DEFAULTS);
    Plan only = plan(config, withDan, "2027-02-01T00:00:00Z", PlanOptions.DEFAULTS.withOnlyExpired(true));

    assertThat(full.operations()).extracting(Operation::type)
        .as("the full plan: create Audit, add erin and frank, remove dan")
        .containsExactlyInAnyOrder("createRole", "changeMembers", "changeMembers");
    assertThat(only.operations()).containsExactly(new Operation.ChangeMembers(new RoleRef("r3", "Billing"),
        List.of(), List.of(user(SECURE, "dan")), "access expired on 2027-01-31"));
    assertThat(only.options().onlyExpired()).isTrue();
    assertThat(only.isRefused()).isFalse();
    assertThat(only.access()).as("the access impact is the reduced plan's: dan loses billing, nobody gains")
        .isNotEmpty().allSatisfy(c -> {
          assertThat(c.user()).isEqualTo("dan@acme.example");
          assertThat(c.direction()).isEqualTo(AccessChange.Direction.LOST);
        });
    assertThat(only.expiring()).as("the expiring-soon list is the config's, as in any plan")
        .containsExactly(new ExpiringAccess("Billing", "frank@acme.example", "2027-02-05", 4));
    assertThat(plan(CONFIG, withDan, "2027-01-31T23:59:59Z", PlanOptions.DEFAULTS.withOnlyExpired(true))
        .operations()).as("nothing has expired yet: an empty plan").isEmpty();
  }

  @Test
  void onlyExpiredIsRefusedByAPolicyItsOwnAfterStateBreaks() throws Exception {
    LiveState withDan = applied(plan(CONFIG, SECURE, "2027-01-20T10:00:00Z", PlanOptions.DEFAULTS));

    Plan full = plan(DRIFTED, withDan, "2027-02-01T00:00:00Z", PlanOptions.DEFAULTS);
    Plan only = plan(DRIFTED, withDan, "2027-02-01T00:00:00Z", PlanOptions.DEFAULTS.withOnlyExpired(true));

    assertThat(full.isRefused()).as("with erin and frank added, Billing keeps 3 members").isFalse();
    assertThat(only.refusingPolicies()).as("without the adds, removing dan leaves Billing with ivan alone")
        .containsExactly("two-in-billing");
    assertThat(only.isRefused()).isTrue();
  }

  @Test
  void onlyExpiredIsStillCheckedByTheSafetyLimits() throws Exception {
    LiveState withDan = applied(plan(CONFIG, SECURE, "2027-01-20T10:00:00Z", PlanOptions.DEFAULTS));
    PlanOptions noRemovals = new PlanOptions(false, 1, 3, 0, 100, false).withOnlyExpired(true);

    Plan only = plan(CONFIG, withDan, "2027-02-01T00:00:00Z", noRemovals);

    assertThat(only.operations()).hasSize(1);
    assertThat(only.refusals()).as("--max-member-removals 0").isNotEmpty();
    assertThat(only.isRefused()).isTrue();
  }

  /**
   * The percentage limit is per role ("member removals from any one role"), however the removals
   * are split into operations: memberships that expired on different days (one operation per day)
   * and a member the config drops count together, as they do when they expire on one day.
   */
  @Test
  void removalsFromOneRoleCountTogetherForThePercentageLimitWhateverTheirDays() throws Exception {
    io.roleform.testing.InMemoryPortal portal = io.roleform.testing.InMemoryPortal.secureExchanges();
    portal.changeMembers("r2", java.util.Set.of("u3", "u4", "u5", "u6", "u9", "u10"), java.util.Set.of());
    LiveState eight = portal.read();
    String members = """
        apiVersion: roleform/v1
        roles:
          - name: Support Techs
            members:
              - {email: carol@acme.example, until: DAY1}
              - {email: dan@acme.example, until: DAY2}
              - {email: erin@acme.example, until: DAY3}
              - frank@acme.example
              - grace@acme.example
              - heidi@acme.example
              - ivan@acme.example
              - judy@acme.example
        """;
    String oneDay = members.replace("DAY1", "2027-01-01").replace("DAY2", "2027-01-01").replace("DAY3", "2027-01-01");
    String threeDays = members.replace("DAY1", "2027-01-01").replace("DAY2", "2027-01-02").replace("DAY3", "2027-01-03");
    String dropAndExpire = threeDays.replace("              - {email: erin@acme.example, until: 2027-01-03}\n", "");

    for (String config : List.of(oneDay, threeDays, dropAndExpire)) {
      Plan plan = plan(config, eight, "2027-02-01T03:17:00Z", PlanOptions.DEFAULTS);
      assertThat(plan.operations()).as("%s", config).isNotEmpty()
          .allMatch(op -> op instanceof Operation.ChangeMembers m && m.remove().size() >= 1);
      assertThat(plan.refusals()).as("3 of 8 members of one role (37.5%% > 25%%):%n%s", config)
          .singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo(Refusal.Rule.MAX_MEMBER_REMOVALS);
            assertThat(r.message()).isEqualTo("the plan removes 3 of the 8 members of `Support Techs` (38%, more than 25%)");
            assertThat(r.override()).isEqualTo("--max-member-removal-percent=38");
          });
    }
  }

  private Plan plan(String config, LiveState live, String now, PlanOptions options) throws Exception {
    Path file = Files.writeString(Files.createTempFile(dir, "config", ".yaml"), config);
    ConfigResult loaded = ConfigLoader.load(file, Map.of());
    assertThat(loaded.problems()).isEmpty();
    DesiredState desired = loaded.desired();
    PlanResult result = Planner.plan(desired, live, options, "test",
        Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    assertThat(result.problems()).isEmpty();
    return result.plan();
  }

  /** The live state with the plan's member additions made. */
  private static LiveState applied(Plan plan) {
    java.util.Map<String, java.util.Set<String>> members = new java.util.HashMap<>(SECURE.members());
    for (Operation op : plan.operations()) {
      if (op instanceof Operation.ChangeMembers m) {
        java.util.Set<String> set = new java.util.HashSet<>(members.get(m.role().id()));
        m.add().forEach(u -> set.add(u.id()));
        members.put(m.role().id(), set);
      }
    }
    return new LiveState(SECURE.portal(), SECURE.permissions(), SECURE.users(), SECURE.roles(), members);
  }
}
