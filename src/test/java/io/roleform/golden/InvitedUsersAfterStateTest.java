package io.roleform.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.config.ConfigLoader;
import io.roleform.config.ConfigResult;
import io.roleform.plan.Plan;
import io.roleform.plan.PlanOptions;
import io.roleform.plan.PlannedAccess;
import io.roleform.plan.Planner;
import io.roleform.policy.AccessState;
import io.roleform.portal.LiveState;
import io.roleform.portal.LiveUser;
import io.roleform.render.AccessReport;
import io.roleform.render.ReportData;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Users a plan invites are users of THE after-state (one simulation for the access impact, the
 * safety limits, the notifications, the policies and the report): by their email, never by the key
 * the plan keeps them under before the portal gives them an id. Golden case 47 shows the policy
 * side in every output; this checks the state and the access report behind it.
 */
class InvitedUsersAfterStateTest {

  private static final Path CASE = GoldenPlanTest.ROOT.resolve("47_policy_invitees__invited_users_seen_by_their_email");

  @Test
  void inviteesAreUsersOfTheAfterStateAndRowsOfTheReportByTheirEmail() throws Exception {
    ConfigResult loaded = ConfigLoader.load(CASE.resolve("desired.yaml"), Map.of());
    assertThat(loaded.problems()).isEmpty();
    LiveState live = LiveStateJson.read(CASE.resolve("live.json"));
    Plan plan = Planner.plan(loaded.desired(), live, PlanOptions.DEFAULTS, GoldenPlanTest.PORTAL,
        Clock.fixed(Instant.parse(GoldenPlanTest.DEFAULT_NOW), ZoneOffset.UTC)).plan();

    AccessState after = PlannedAccess.after(live, plan);
    assertThat(after.users()).extracting(LiveUser::email).contains("nora@acme.example", "eve@contractor.example");
    AccessState.Role handlers = after.role("Case handler");
    assertThat(handlers.members()).hasSize(4);
    assertThat(handlers.members()).extracting(after::email)
        .containsExactlyInAnyOrder("grace@acme.example", "heidi@acme.example", "nora@acme.example", "eve@contractor.example");
    assertThat(after.holders("cases")).extracting(after::email).noneMatch(e -> e.startsWith("+"));
    assertThat(plan.access()).extracting(a -> a.user()).contains("nora@acme.example", "eve@contractor.example")
        .noneMatch(u -> u.startsWith("+"));

    ReportData data = ReportData.of(GoldenPlanTest.PORTAL, 5, live.permissions(), live.users(), plan,
        PlannedAccess.before(live), after);
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    AccessReport.csv.write(data, csv);
    assertThat(csv.toString(StandardCharsets.UTF_8))
        .contains("nora@acme.example,false,Case handler,cases,", "eve@contractor.example,false,Case handler,cases,")
        .doesNotContain("+nora", "+eve");
  }
}
