package io.roleform.plan;

import io.roleform.diff.Operation;
import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.portal.LiveState;
import io.roleform.testing.InMemoryPortal;
import io.roleform.testing.RealApply;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

class PlanPropertiesTest {

  private static final PlanOptions LENIENT = new PlanOptions(false, 0, 1000, 100_000, 100, true);

  private static PlanResult plan(Desired desired, LiveState live, PlanOptions options) {
    return Planner.plan(desired.build(), live, options, "mem:");
  }

  @Property(tries = 300)
  void diffOfAStateWithItselfIsEmpty(@ForAll long seed) {
    LiveState live = RandomPortals.live(new Random(seed));

    PlanResult result = Planner.plan(Desired.exportOf(live), live, PlanOptions.DEFAULTS, "mem:");

    assertThat(result.problems()).isEmpty();
    assertThat(result.plan().operations()).isEmpty();
    assertThat(result.plan().access()).isEmpty();
    assertThat(result.plan().refusals()).isEmpty();
  }

  @Property(tries = 400)
  void applyingAPlanLeavesNothingToPlan(@ForAll long seed, @ForAll boolean prune) {
    Random rnd = new Random(seed);
    InMemoryPortal portal = new InMemoryPortal(RandomPortals.live(rnd));
    Desired desired = RandomPortals.desired(rnd, portal.read());
    PlanOptions options = new PlanOptions(prune, 0, 1000, 100_000, 100, true);
    PlanResult first = plan(desired, portal.read(), options);
    Assume.that(first.ok());

    for (Operation op : first.plan().operations()) Statistics.label("operation kinds").collect(op.getClass().getSimpleName());
    RealApply.apply(first.plan(), portal);
    PlanResult second = plan(desired, portal.read(), options);

    assertThat(second.problems()).isEmpty();
    assertThat(second.plan().operations()).as("left after applying %s", first.plan().operations()).isEmpty();
    assertThat(second.plan().access()).isEmpty();
  }

  @Property(tries = 200)
  void simulatedAccessMatchesWhatApplyingReallyDoes(@ForAll long seed) {
    Applied applied = applyRandomPlan(seed);

    assertThat(applied.plan().access()).containsExactlyInAnyOrderElementsOf(EffectiveAccess.between(applied.before(),
        applied.after()));
  }

  @Property(tries = 200)
  void adminRoleIsRefusedExactlyWhenThePlanLeavesItBelowMinAdmins(@ForAll long seed, @ForAll("minAdmins") int minAdmins) {
    Random rnd = new Random(seed);
    LiveState live = RandomPortals.live(rnd);
    Desired desired = Desired.config().role("Admin", r -> r.members(RandomPortals.subset(rnd, live.users().stream()
        .filter(u -> live.members().get("r1").contains(u.id())).map(u -> u.email()).toList()).toArray(String[]::new)));
    PlanOptions options = new PlanOptions(false, minAdmins, 3, 100_000, 100, true);

    Plan plan = plan(desired, live, options).plan();

    // Only active administrators count: a disabled one or a pending applier administers nothing (and
    // this config changes no status).
    java.util.Set<String> inactive = new java.util.HashSet<>();
    live.users().forEach(u -> { if (u.status() != io.roleform.portal.UserStatus.ACTIVE) inactive.add(u.id()); });
    java.util.Set<String> admins = new java.util.HashSet<>(live.members().get("r1"));
    admins.removeAll(inactive);
    int before = admins.size();
    Scenarios.ops(plan, Operation.ChangeMembers.class).forEach(m -> m.remove().forEach(u -> admins.remove(u.id())));
    int after = admins.size();
    boolean refused = plan.refusals().stream().anyMatch(r -> r.rule() == Refusal.Rule.MIN_ADMINS);
    assertThat(refused).isEqualTo(after < before && after < minAdmins);
  }

  @Property(tries = 200)
  void deletionsAreRefusedExactlyAboveMaxDeletions(@ForAll long seed, @ForAll("maxDeletions") int maxDeletions) {
    LiveState live = RandomPortals.live(new Random(seed));
    Plan plan = plan(Desired.config(), live, new PlanOptions(true, 0, maxDeletions, 100_000, 100, true)).plan();

    long deletions = Scenarios.ops(plan, Operation.DeleteRole.class).size();
    assertThat(plan.refusals().stream().anyMatch(r -> r.rule() == Refusal.Rule.MAX_DELETIONS)).isEqualTo(deletions > maxDeletions);
  }

  @Property(tries = 300)
  void selfLockoutIsRefusedExactlyWhenApplyingWouldTakeRoleManagementFromTheTokensUser(@ForAll long seed) {
    Applied applied = applyRandomPlan(seed);

    boolean locksOut = holdsRoleManagement(applied.before()) && !holdsRoleManagement(applied.after());
    Statistics.label("locks out").collect(locksOut);
    assertThat(applied.plan().refusals().stream().anyMatch(r -> r.rule() == Refusal.Rule.SELF_LOCKOUT)).isEqualTo(locksOut);
  }

  /** A random portal, a random plan for it (made with no limits; a plan with problems is skipped), applied for real. */
  private record Applied(LiveState before, Plan plan, LiveState after) {}

  private static Applied applyRandomPlan(long seed) {
    Random rnd = new Random(seed);
    InMemoryPortal portal = new InMemoryPortal(RandomPortals.live(rnd));
    LiveState before = portal.read();
    PlanResult result = plan(RandomPortals.desired(rnd, before), before, LENIENT);
    Assume.that(result.ok());
    RealApply.apply(result.plan(), portal);
    return new Applied(before, result.plan(), portal.read());
  }

  private static boolean holdsRoleManagement(LiveState live) {
    String viewer = live.portal().viewerUserId();
    return live.roles().stream().anyMatch(r -> r.permissions().contains(live.portal().roleManagementPermission())
        && live.members().get(r.id()).contains(viewer));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Integer> minAdmins() {
    return net.jqwik.api.Arbitraries.integers().between(0, 5);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Integer> maxDeletions() {
    return net.jqwik.api.Arbitraries.integers().between(0, 5);
  }
}
