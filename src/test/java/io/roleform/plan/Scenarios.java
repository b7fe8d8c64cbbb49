package io.roleform.plan;

import io.roleform.diff.Operation;
import io.roleform.diff.UserRef;
import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.config.Diagnostic;
import io.roleform.portal.LiveState;
import io.roleform.portal.LiveUser;
import io.roleform.portal.UserStatus;
import io.roleform.testing.InMemoryPortalSeeds;
import java.util.ArrayList;
import java.util.List;

/** Test support: plan a desired state against a seeded live state and pick out what was planned. */
final class Scenarios {

  static final LiveState SECURE = InMemoryPortalSeeds.secureExchanges();
  static final LiveState CASES = InMemoryPortalSeeds.casePortal();
  static final LiveState APPS = InMemoryPortalSeeds.appRoles();

  private Scenarios() {}

  static Plan plan(Desired desired, LiveState live) {
    return plan(desired, live, PlanOptions.DEFAULTS);
  }

  static Plan plan(Desired desired, LiveState live, PlanOptions options) {
    PlanResult result = Planner.plan(desired.build(), live, options, "http://127.0.0.1:8080");
    assertThat(result.problems()).as("problems").isEmpty();
    return result.plan();
  }

  /** The problems of a config that must not plan. */
  static List<Diagnostic> problems(Desired desired, LiveState live) {
    PlanResult result = Planner.plan(desired.build(), live, PlanOptions.DEFAULTS, "http://127.0.0.1:8080");
    assertThat(result.ok()).as("planned although problems were expected").isFalse();
    assertThat(result.plan()).isNull();
    return result.problems();
  }

  static <T extends Operation> List<T> ops(Plan plan, Class<T> kind) {
    List<T> found = new ArrayList<>();
    for (Operation op : plan.operations()) if (kind.isInstance(op)) found.add(kind.cast(op));
    return found;
  }

  static <T extends Operation> T only(Plan plan, Class<T> kind) {
    List<T> found = ops(plan, kind);
    assertThat(found).as(kind.getSimpleName() + " operations").hasSize(1);
    return found.get(0);
  }

  static PlanOptions options() {
    return PlanOptions.DEFAULTS;
  }

  static PlanOptions withPrune() {
    PlanOptions d = PlanOptions.DEFAULTS;
    return new PlanOptions(true, d.minAdmins(), d.maxDeletions(), d.maxMemberRemovals(), d.maxMemberRemovalPercent(),
        d.allowMemberRemoval());
  }

  static UserRef user(LiveState live, String name) {
    String email = name.contains("@") ? name : name + "@acme.example";
    LiveUser u = live.users().stream().filter(x -> x.email().equals(email)).findFirst().orElseThrow();
    return new UserRef(u.id(), u.email());
  }

  /** The live state with one user's status changed. */
  static LiveState withStatus(LiveState live, String email, UserStatus status) {
    List<LiveUser> users = live.users().stream()
        .map(u -> u.email().equals(email) ? new LiveUser(u.id(), u.email(), u.firstName(), u.lastName(), status, u.external()) : u)
        .toList();
    return new LiveState(live.portal(), live.permissions(), users, live.roles(), live.members());
  }
}
