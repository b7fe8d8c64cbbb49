package io.roleform.plan;

import io.roleform.diff.Operation;
import io.roleform.diff.UserRef;
import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.config.ConfigLoader;
import io.roleform.config.ConfigResult;
import io.roleform.config.Diagnostic;
import io.roleform.portal.LiveState;
import io.roleform.portal.LiveUser;
import io.roleform.portal.UserStatus;
import io.roleform.testing.InMemoryPortalSeeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  /**
   * A config that sets users' {@code status} and nothing else: {@code email, status} pairs, as
   * {@code users: [{email: bob@acme.example, status: disabled}]} in block style (a user's {@code
   * status} on line 2 + 2n, column 13). A name without {@code @} is {@code name@acme.example}.
   */
  static String statuses(String... emailAndStatus) {
    StringBuilder yaml = new StringBuilder("apiVersion: roleform/v1\nusers:\n");
    for (int i = 0; i < emailAndStatus.length; i += 2) {
      String email = emailAndStatus[i].contains("@") ? emailAndStatus[i] : emailAndStatus[i] + "@acme.example";
      yaml.append("  - email: ").append(email).append("\n    status: ").append(emailAndStatus[i + 1]).append('\n');
    }
    return yaml.toString();
  }

  /** {@code yaml} loaded as {@code roleform.yaml} in {@code dir} (positions as a user sees them); no problems. */
  static ConfigResult load(Path dir, String yaml) throws IOException {
    Path file = Files.writeString(dir.resolve("roleform.yaml"), yaml);
    ConfigResult loaded = ConfigLoader.load(file, Map.of());
    assertThat(loaded.problems()).as("problems").isEmpty();
    return loaded;
  }

  /** {@code yaml} (see {@link #load}) planned against {@code live}; no problems. */
  static Plan plan(Path dir, String yaml, LiveState live, PlanOptions options) throws IOException {
    PlanResult result = Planner.plan(load(dir, yaml).desired(), live, options, "test");
    assertThat(result.problems()).as("problems").isEmpty();
    return result.plan();
  }

  /** {@code live} with exactly these users (by email) as the members of the role named {@code role}. */
  static LiveState withMembers(LiveState live, String role, String... emails) {
    String id = live.roles().stream().filter(r -> r.name().equals(role)).findFirst().orElseThrow().id();
    Map<String, Set<String>> members = new HashMap<>(live.members());
    members.put(id, Set.of(java.util.Arrays.stream(emails).map(e -> user(live, e).id()).toArray(String[]::new)));
    return new LiveState(live.portal(), live.permissions(), live.users(), live.roles(), members);
  }

  /** The live state with one user's status changed. */
  static LiveState withStatus(LiveState live, String email, UserStatus status) {
    List<LiveUser> users = live.users().stream()
        .map(u -> u.email().equals(email) ? new LiveUser(u.id(), u.email(), u.firstName(), u.lastName(), status, u.external()) : u)
        .toList();
    return new LiveState(live.portal(), live.permissions(), users, live.roles(), live.members());
  }
}
