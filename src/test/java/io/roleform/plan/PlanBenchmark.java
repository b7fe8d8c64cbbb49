package io.roleform.plan;

import io.roleform.config.DesiredState;
import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import io.roleform.portal.LiveUser;
import io.roleform.portal.Permission;
import io.roleform.portal.PortalInfo;
import io.roleform.portal.http.PortalApiCapabilities;
import io.roleform.portal.PortalSettings;
import io.roleform.portal.UserStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Prints how long diff + plan and the fingerprint take for a portal of 50,000 users, 1,000 roles and
 * 200,000 memberships, with a config that manages every role's members and changes some of them.
 * Not a test (timings on shared machines are noise, hence the CPU time beside the wall time); run
 * it by hand after {@code ./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt}:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) io.roleform.plan.PlanBenchmark}.
 */
public final class PlanBenchmark {

  private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

  private PlanBenchmark() {}

  public static void main(String[] args) {
    LiveState live = bigPortal(50_000, 1_000, 200_000);
    DesiredState desired = changedExport(live);
    for (int round = 1; round <= 5; round++) {
      long c0 = CPU.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      PlanResult result = Planner.plan(desired, live, PlanOptions.DEFAULTS, "bench");
      long t1 = System.nanoTime();
      long c1 = CPU.getCurrentThreadCpuTime();
      Fingerprint f = Fingerprints.of(live);
      long t2 = System.nanoTime();
      System.out.printf("round %d: plan %d ms wall, %d ms cpu (%d operations, %d access changes, ok=%s), fingerprint alone %d ms (%s…)%n",
          round, (t1 - t0) / 1_000_000, (c1 - c0) / 1_000_000, result.ok() ? result.plan().operations().size() : -1,
          result.ok() ? result.plan().access().size() : -1, result.ok(), (t2 - t1) / 1_000_000, f.liveHash().substring(0, 8));
    }
  }

  static LiveState bigPortal(int userCount, int roleCount, int membershipCount) {
    Random rnd = new Random(42);
    List<Permission> permissions = new ArrayList<>();
    for (int i = 0; i < 40; i++) permissions.add(new Permission("perm-" + i, null, null, null));
    List<LiveUser> users = new ArrayList<>(userCount);
    for (int i = 0; i < userCount; i++) {
      users.add(new LiveUser("u" + i, "user" + i + "@acme.example", "U", "" + i, UserStatus.ACTIVE, false));
    }
    List<LiveRole> roles = new ArrayList<>(roleCount);
    Map<String, Set<String>> members = new HashMap<>();
    for (int r = 0; r < roleCount; r++) members.put("r" + r, new HashSet<>());
    for (int m = 0; m < membershipCount; m++) members.get("r" + rnd.nextInt(roleCount)).add("u" + rnd.nextInt(userCount));
    for (int r = 0; r < roleCount; r++) {
      List<String> perms = new ArrayList<>();
      for (Permission p : permissions) if (r == 0 || rnd.nextInt(10) == 0) perms.add(p.id());
      perms.sort(null);
      roles.add(new LiveRole("r" + r, r == 0 ? "Admin" : "Role " + r, "", perms, List.of(), r, r == 0, r == 0,
          members.get("r" + r).size(), "1"));
    }
    members.get("r0").add("u0");
    PortalInfo info = new PortalInfo("bench", "secure-exchanges", PortalApiCapabilities.of("secure-exchanges"), 7, new PortalSettings(null, null, null), "r0", "perm-0",
        "u0", "user0@acme.example");
    return new LiveState(info, permissions, users, roles, members);
  }

  /** Every role and member managed; every tenth role gets one member more and one permission less. */
  private static DesiredState changedExport(LiveState live) {
    DesiredState export = Desired.exportOf(live);
    List<io.roleform.config.DesiredRole> roles = new ArrayList<>();
    int i = 0;
    for (var role : export.roles()) {
      if (i++ % 10 == 5) {
        List<String> members = new ArrayList<>(role.members());
        members.add("user" + (i * 37 % 50_000) + "@acme.example");
        List<String> perms = role.permissions().isEmpty() ? role.permissions() : role.permissions().subList(1, role.permissions().size());
        role = new io.roleform.config.DesiredRole(role.name(), role.description(), perms, members, role.formerNames(),
            role.copyFrom(), role.caseActions(), role.position(), role.positions());
      }
      roles.add(role);
    }
    return new DesiredState(roles, export.removed(), export.order(), export.settings(), export.digest());
  }
}
