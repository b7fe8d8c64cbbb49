package io.roleform.bench;

import io.roleform.cli.ConfigHeap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every scenario at one size: generates the portals (full, and users only) once in a sandbox
 * child process, exports the config from the full one, then measures no-op plan (with the floor
 * interleaved), validate, initial apply and churn apply, each run a fresh roleform JVM and each
 * apply run on a fresh copy of the generated database.
 */
final class SizeBench {
  static final String TOKEN = "demo-write";
  static final Map<String, String> ENV = Map.of("ROLEFORM_TOKEN", TOKEN, "NO_COLOR", "1");

  private final Size size;
  private final int runs;
  private final Path root;
  private final Path jar;
  private final Path work;
  private final Path log;

  /**
   * The JVM options of every measured roleform run and of the floor client: the default of the
   * {@code ./roleform} launcher (its {@code ROLEFORM_JAVA_OPTS}), so figures reflect what users run.
   * {@code LauncherOptionsTest} keeps the two in step.
   */
  static final List<String> JVM_OPTS = BenchJvm.OPTIONS;

  /** The no-op plan as a user who calls the jar directly gets it: no JVM options at all. */
  static final String PLAIN = "no-op plan (plain java -jar)";

  /** Issue 12: the no-op plan of an export that also manages every user ({@code export --users}). */
  static final String USERS = "no-op plan (all users in users:)";

  record Result(Size size, double generateFullMs, double generateUsersMs, double restartMs, List<Scenario> scenarios,
      List<TimedRun> floors, String floorLine, long configBytes, int configFiles, TimedRun export,
      List<TimedRun> yamlFloors, String yamlFloorLine) {}

  SizeBench(Size size, int runs, Path root, Path work) throws IOException {
    this.size = size;
    this.runs = runs;
    this.root = root;
    this.jar = root.resolve("target/roleform.jar");
    this.work = Files.createDirectories(work.resolve(size.name()));
    this.log = work.resolve(size.name() + "-sandbox.log");
  }

  Result run() throws IOException {
    Path full = work.resolve("full.db");
    Path usersOnly = work.resolve("users.db");
    Path config = work.resolve("config");
    List<Scenario> scenarios = new ArrayList<>();
    List<TimedRun> floors = new ArrayList<>();
    String floorLine;
    TimedRun export;
    double genFull;
    progress("generating " + size.label());
    try (SandboxProcess sandbox = SandboxProcess.start(jar, full, size.generateSpec(), log)) {
      genFull = sandbox.startMs;
      progress("export");
      export = roleform(sandbox, "export", "--out", config.toString()).expectExit(0, "export");
      progress("no-op plan x" + runs + " (launcher options, then plain java -jar) with the floor interleaved");
      String load = load();
      List<TimedRun> plans = new ArrayList<>();
      List<TimedRun> plain = new ArrayList<>();
      List<SandboxProcess.Counts> counts = new ArrayList<>();
      List<SandboxProcess.Counts> plainCounts = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        TimedRun floor = floor(sandbox);
        floors.add(floor);
        var before = sandbox.totals();
        plans.add(roleform(sandbox, "plan", config.toString(), "--detailed-exitcode").expectExit(0, "no-op plan"));
        counts.add(sandbox.totals().minus(before));
        before = sandbox.totals();
        plain.add(plainRoleform(sandbox, "plan", config.toString(), "--detailed-exitcode")
            .expectExit(0, "no-op plan (plain java -jar)"));
        plainCounts.add(sandbox.totals().minus(before));
      }
      // Issue 12: the same portal with every user managed in `users:` (export --users), interleaved
      // with more floor runs; the users-unmanaged plan above is the one the targets judge.
      Path usersConfig = work.resolve("config-users");
      boolean usersScenario = !size.equals(Size.XL); // 500,000 users in users: is not a scenario of #12
      if (usersScenario) progress("export --users, then no-op plan x" + runs + " with all users in users: (floor interleaved)");
      if (usersScenario) {
        roleform(sandbox, "export", "--users", "--out", usersConfig.toString()).expectExit(0, "export --users");
      }
      String usersLoad = load();
      List<TimedRun> withUsers = new ArrayList<>();
      List<SandboxProcess.Counts> withUsersCounts = new ArrayList<>();
      for (int i = 0; usersScenario && i < runs; i++) {
        floors.add(floor(sandbox));
        var before = sandbox.totals();
        withUsers.add(roleform(sandbox, "plan", usersConfig.toString(), "--detailed-exitcode")
            .expectExit(0, USERS));
        withUsersCounts.add(sandbox.totals().minus(before));
      }
      floorLine = floors.get(0).stdout().trim();
      TimedRun verbose = roleform(sandbox, "plan", config.toString(), "--verbose").expectExit(0, "no-op plan --verbose");
      scenarios.add(new Scenario("no-op plan", size, plans, counts, minimumReads(floorLine), 0,
          PortalWait.of(verbose.stderr()), verbose.wallMs(), load,
          "exit 0 and \"No changes\" every run; `java " + String.join(" ", BenchJvm.roleform(jar))
              + String.join("", ConfigHeap.options(List.of("plan", config.toString())).stream().map(o -> " " + o).toList())
              + " -jar` (the launcher's options)"));
      scenarios.add(new Scenario(PLAIN, size, plain, plainCounts, minimumReads(floorLine), 0, null, 0, load,
          "exit 0 and \"No changes\" every run; `java -jar target/roleform.jar`, no JVM options (re-run by `cli.Relaunch` with the launcher's)"));
      if (usersScenario) scenarios.add(new Scenario(USERS, size, withUsers, withUsersCounts, minimumReads(floorLine), 0, null, 0,
          usersLoad, "exit 0 and \"No changes\" every run; config = `export --users` (every user in `users:`,"
              + " departments too where the portal has them), launcher options; issue 12's variant"));
    }
    double genUsers;
    String usersFloor;
    try (SandboxProcess sandbox = SandboxProcess.start(jar, usersOnly, size.usersOnlySpec(), log)) {
      genUsers = sandbox.startMs;
      usersFloor = floor(sandbox).stdout().trim();
    }
    List<TimedRun> yamlFloors = new ArrayList<>();
    scenarios.add(validate(config, yamlFloors));
    ChurnConfig churn = ChurnConfig.write(config, work.resolve("churn"),
        0.05, 0.02, 42);
    double[] restart = new double[1];
    if (size.initialApply()) {
      scenarios.add(apply("initial apply", usersOnly, config, minimumReads(usersFloor), -1, restart,
          "config = the full export; portal = the same users, no generated roles or memberships"));
    }
    scenarios.add(apply("churn apply", full, churn.config().getParent(), minimumReads(floorLine),
        churn.expectedOperations(), restart,
        String.format("%,d memberships changed (half removed, half added), %d roles changed (description;"
            + " every other one permissions too)", churn.membershipsChanged(), churn.rolesChanged())));
    long bytes;
    int fileCount;
    try (var files = Files.list(config)) {
      List<Path> all = files.toList();
      bytes = all.stream().mapToLong(f -> f.toFile().length()).sum();
      fileCount = all.size();
    }
    return new Result(size, genFull, genUsers, restart[0], scenarios, floors, floorLine, bytes, fileCount, export,
        yamlFloors, yamlFloors.get(0).stdout().trim());
  }

  /** Validate runs interleaved with the bare-SnakeYAML floor ({@link YamlFloor}) on the same files. */
  private Scenario validate(Path config, List<TimedRun> yamlFloors) throws IOException {
    progress("validate x" + runs + " with the SnakeYAML floor interleaved");
    String load = load();
    List<TimedRun> list = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      yamlFloors.add(TimedRun.run(root, Map.of(), java("-cp",
          root.resolve("target/test-classes") + java.io.File.pathSeparator + jar,
          YamlFloor.class.getName(), config.toString())).expectExit(0, "SnakeYAML floor"));
      list.add(TimedRun.run(root, ENV, roleformJava("validate", config.toString()))
          .expectExit(0, "validate"));
    }
    return new Scenario("validate", size, list, List.of(), 0, 0, null, 0, load, "offline; no requests");
  }

  /**
   * Runs apply {@code runs} times, each on a fresh copy of {@code base}, plus one {@code --verbose}
   * run for the time split. The first run also records the plan's operation count (the minimum
   * writes) and checks that a plan afterwards shows no changes.
   */
  private Scenario apply(String name, Path base, Path config, long minimumReads, int expectedOps,
      double[] restartMs, String note) throws IOException {
    progress(name + " x" + runs + " (+1 verbose), fresh portal each");
    String load = load();
    List<TimedRun> list = new ArrayList<>();
    List<SandboxProcess.Counts> counts = new ArrayList<>();
    int operations = -1;
    PortalWait.Split split = null;
    double splitWall = 0;
    Path copy = work.resolve("run.db");
    for (int i = 0; i <= runs; i++) {
      SandboxProcess.copyDatabase(base, copy);
      try (SandboxProcess sandbox = SandboxProcess.start(jar, copy, null, log)) {
        restartMs[0] = sandbox.startMs;
        if (i == 0) {
          TimedRun json = roleform(sandbox, "plan", config.toString(), "--format", "json",
              "--max-member-removals", "10000000", "--max-member-removal-percent", "100");
          operations = countOperations(json.stdout());
        }
        boolean verbose = i == runs;
        List<String> args = new ArrayList<>(List.of("apply", config.toString(), "--auto-approve",
            "--max-member-removals", "10000000", "--max-member-removal-percent", "100"));
        if (verbose) {
          args.add("--verbose");
        }
        var before = sandbox.totals();
        TimedRun run = roleform(sandbox, args.toArray(String[]::new)).expectExit(0, name);
        var delta = sandbox.totals().minus(before);
        if (verbose) {
          split = PortalWait.of(run.stderr());
          splitWall = run.wallMs();
        } else {
          list.add(run);
          counts.add(delta);
        }
        if (i == 0) {
          roleform(sandbox, "plan", config.toString(), "--detailed-exitcode").expectExit(0, name + ", then plan");
        }
      }
    }
    String ops = operations + " operations in the plan"
        + (expectedOps < 0 ? "" : expectedOps == operations ? " (as the churn predicts)"
            : " (the churn predicts " + expectedOps + "!)");
    return new Scenario(name, size, list, counts, minimumReads, operations, split, splitWall, load,
        note + "; " + ops + "; a plan after the first run shows no changes");
  }

  private static int countOperations(String planJson) throws IOException {
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(planJson);
    return tree.path("operations").size();
  }

  /** 1 (GET /portal) + the pages of each list at limit 1000, at least one page each. */
  static long minimumReads(String floorLine) {
    String items = floorLine.replaceAll(".*items=", "");
    long reads = 1;
    for (String n : items.split(",")) {
      reads += Math.max(1, (Long.parseLong(n.trim()) + 999) / 1000);
    }
    return reads;
  }

  private TimedRun floor(SandboxProcess sandbox) throws IOException {
    return TimedRun.run(root, Map.of(), java("-cp",
        root.resolve("target/test-classes") + java.io.File.pathSeparator + jar,
        FloorClient.class.getName(), sandbox.url().toString(), TOKEN)).expectExit(0, "floor client");
  }

  private TimedRun plainRoleform(SandboxProcess sandbox, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("java", "-jar", jar.toString()));
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--portal", sandbox.url().toString()));
    return TimedRun.run(root, ENV, cmd);
  }

  private TimedRun roleform(SandboxProcess sandbox, String... args) throws IOException {
    List<String> cmd = roleformJava(args);
    cmd.addAll(List.of("--portal", sandbox.url().toString()));
    return TimedRun.run(root, ENV, cmd);
  }

  /**
   * {@code java}, the launcher's JVM options with its class-data sharing archive ({@link
   * BenchJvm#roleform}) and, as the launcher, the initial heap of a big config ({@link
   * ConfigHeap}), then {@code -jar JAR} and the roleform command line {@code args}; a mutable list.
   */
  private List<String> roleformJava(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("java");
    cmd.addAll(BenchJvm.roleform(jar));
    cmd.addAll(ConfigHeap.options(List.of(args)));
    cmd.addAll(List.of("-jar", jar.toString()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** {@code java}, the launcher's JVM options, then {@code args}; a mutable list. */
  static List<String> java(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("java");
    cmd.addAll(JVM_OPTS);
    cmd.addAll(List.of(args));
    return cmd;
  }

  static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private void progress(String what) {
    System.err.printf("[bench %s] %s (load %s)%n", size.name(), what, load());
  }
}
