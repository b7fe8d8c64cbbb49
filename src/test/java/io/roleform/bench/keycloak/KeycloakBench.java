package io.roleform.bench.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roleform.portal.keycloak.Credentials;
import io.roleform.portal.keycloak.KeycloakConfig;
import io.roleform.portal.keycloak.KeycloakPortalClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Issues 7 §6 and 14: roleform against the floor on Keycloak realms of two sizes ({@link
 * BenchRealm.Scale#M}: 10,000 users / 300 groups / 50,000 memberships; {@link BenchRealm.Scale#L}:
 * 50,000 users / 3,000 groups / 250,000 memberships). Run by {@code bench/keycloak.sh}; prints a
 * Markdown report on stdout.
 *
 * <p>Every roleform figure is a fresh {@code java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmn64m -jar}
 * (the launcher's options) and so is every floor figure ({@link KeycloakFloorClient#main}: same
 * options, fresh JVM, token included), run interleaved so that both see the same load.
 *
 * <p>Arguments: {@code URL ADMIN_USER ADMIN_PASSWORD JAR WORK_DIR RUNS [SIZES]} (SIZES: {@code M},
 * {@code L} or {@code M,L}; default M).
 */
public final class KeycloakBench {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REALM = "bench";
  private static final List<String> JVM_OPTS = io.roleform.bench.BenchJvm.OPTIONS;

  private final String url;
  private final Path jar;
  private final Path work;
  private final int runs;
  private final String secret = "bench-" + UUID.randomUUID();
  private final StringBuilder report = new StringBuilder();

  private KeycloakBench(String url, Path jar, Path work, int runs) {
    this.url = url;
    this.jar = jar;
    this.work = work;
    this.runs = runs;
  }

  public static void main(String[] args) throws Exception {
    KeycloakBench b = new KeycloakBench(args[0], Path.of(args[3]), Path.of(args[4]), Integer.parseInt(args[5]));
    List<BenchRealm.Scale> scales = new ArrayList<>();
    for (String n : (args.length > 6 ? args[6] : "M").split(",")) {
      scales.add(switch (n) {
        case "M" -> BenchRealm.Scale.M;
        case "L" -> BenchRealm.Scale.L;
        default -> throw new IllegalArgumentException("unknown size " + n + "; expected M or L");
      });
    }
    try {
      for (BenchRealm.Scale scale : scales) {
        b.run(scale, args[1], args[2]);
      }
    } finally {
      System.out.print(b.report);
    }
  }

  private void run(BenchRealm.Scale scale, String adminUser, String adminPassword) throws Exception {
    Path dir = Files.createDirectories(work.resolve(scale.name()));
    line("");
    line("## %s: %s", scale.name(), scale.label());
    line("");
    line("Load average at start: %s", load());
    List<BenchRealm.Group> a = BenchRealm.groups(scale, false);
    List<BenchRealm.Group> b = BenchRealm.groups(scale, true);
    check(BenchRealm.memberships(a) == scale.memberships() && BenchRealm.memberships(b) == scale.memberships(),
        scale.memberships() + " memberships");
    Path configA = writeConfig(dir, "a", a);
    Path configB = writeConfig(dir, "b", b);

    long t0 = System.nanoTime();
    String how = createRealm(adminUser, adminPassword, scale, scale == BenchRealm.Scale.M ? 15 : 45);
    line("- Realm created in %.1f s: %s", secs(System.nanoTime() - t0), how);

    List<Long> jvm = times(3, () -> cli(dir, "--version").nanos);
    line("- JVM start-up (`roleform --version`), median of 3: %.2f s", secs(median(jvm)));

    String spec = "keycloak:" + url + "?realm=" + REALM + "&parentGroup=roleform";
    Map<String, String> env = Map.of(Credentials.ENV_CLIENT_ID, BenchRealm.SA_CLIENT, Credentials.ENV_CLIENT_SECRET, secret);
    List<Long> validates = times(3, () -> cli(dir, "validate", configA.toString()).nanos);
    line("- Config load only (`roleform validate`, %,d roles, %,d members), median of 3: %.2f s", scale.groups(),
        scale.memberships(), secs(median(validates)));

    // Interleaved (CLI plan, fresh-JVM floor, in-process read, warm floor) so all see the same load.
    Run warm = cli(dir, "plan", configA.toString(), "--portal", spec, "--detailed-exitcode", "--verbose");
    check(warm.exit == 0, "the no-op plan shows no changes (exit " + warm.exit + "): " + warm.stderrTail);
    KeycloakFloorClient floor = new KeycloakFloorClient(url, REALM, BenchRealm.SA_CLIENT, secret);
    floor.read();  // warm-up
    List<Long> plans = new ArrayList<>();
    List<Long> freshFloors = new ArrayList<>();
    List<Long> reads = new ArrayList<>();
    List<Long> floorReads = new ArrayList<>();
    long planRequests = 0;
    long freshFloorRequests = 0;
    long readRequests = 0;
    long floorReadRequests = 0;
    String planLoad = load();
    try (KeycloakPortalClient c = KeycloakPortalClient.create(KeycloakConfig.parse(spec, env))) {
      c.read();  // warm-up (and the token)
      for (int i = 0; i < runs; i++) {
        Run r = cli(dir, "plan", configA.toString(), "--portal", spec, "--detailed-exitcode", "--verbose");
        check(r.exit == 0, "no-op plan exit " + r.exit);
        plans.add(r.nanos);
        planRequests = r.requests;

        Run f = floorJvm(dir);
        check(f.exit == 0, "floor exit " + f.exit + ": " + f.stderrTail);
        freshFloors.add(f.nanos);
        freshFloorRequests = Long.parseLong(f.stdout.replaceAll("(?s).*requests=(\\d+).*", "$1"));

        long before = c.requestCount();
        long s = System.nanoTime();
        c.read();
        reads.add(System.nanoTime() - s);
        readRequests = c.requestCount() - before;

        before = floor.requests.get();
        s = System.nanoTime();
        floor.read();
        floorReads.add(System.nanoTime() - s);
        floorReadRequests = floor.requests.get() - before;
      }
    }
    line("");
    line("| measurement | roleform | requests | floor | requests | time ratio | request ratio |");
    line("|---|---|---|---|---|---|---|");
    row("No-op plan (CLI, fresh JVM, wall) vs floor (fresh JVM, wall)", plans, planRequests, freshFloors,
        freshFloorRequests);
    row("Read (in-process `KeycloakPortalClient.read`, warm JVM, token cached) vs floor (warm)", reads, readRequests,
        floorReads, floorReadRequests - 1);

    List<Long> applies = new ArrayList<>();
    List<Long> floorApplies = new ArrayList<>();
    long applyRequests = 0;
    long floorApplyRequests = 0;
    String applyKinds = "";
    List<String> applyPhases = new ArrayList<>();
    List<String> floorPhases = new ArrayList<>();
    long floorWrites = 0;
    String applyLoad = load();
    int rounds = Integer.parseInt(System.getenv().getOrDefault("KC_BENCH_CHURN_ROUNDS", "2"));
    for (int round = 0; round < rounds; round++) {
      Run apply = cli(dir, "apply", configB.toString(), "--portal", spec, "--auto-approve", "--verbose",
          "--max-member-removals", "1000000", "--max-member-removal-percent", "100");
      check(apply.exit == 0, "churn apply exit " + apply.exit + ": " + apply.stderrTail);
      applies.add(apply.nanos);
      applyRequests = apply.requests;
      if (round == 0) applyKinds = apply.byKind.toString();
      applyPhases.add(phases(apply));
      check(cli(dir, "plan", configB.toString(), "--portal", spec, "--detailed-exitcode").exit == 0, "converged to B");

      // The floor in a fresh JVM would only add its start-up once; it is measured in this JVM
      // (warm) and so favours the floor.
      long before = floor.requests.get();
      long s = System.nanoTime();
      KeycloakFloorClient.State live = floor.read();
      long readDone = System.nanoTime();
      long busyBefore = floor.writeBusyNanos.get();
      floorWrites = floor.write(live, a);
      long end = System.nanoTime();
      floorApplies.add(end - s);
      floorPhases.add(String.format("read %.2f s, %,d writes %.2f s (%.1f ms per write, %.2f in flight on average)",
          secs(readDone - s), floorWrites, secs(end - readDone), (end - readDone) / 1e6 / floorWrites,
          (double) (floor.writeBusyNanos.get() - busyBefore) / (end - readDone)));
      floorApplyRequests = floor.requests.get() - before;
      check(cli(dir, "plan", configA.toString(), "--portal", spec, "--detailed-exitcode").exit == 0,
          "floor converged to A");
    }
    row("Churn apply (CLI, fresh JVM, wall) vs floor (warm JVM: read + writes)", applies, applyRequests,
        floorApplies, floorApplyRequests);
    line("");
    line("- Load average: no-op plans started at %s, churn applies at %s, end %s", planLoad, applyLoad, load());
    line("- Churn apply requests by kind (roleform's verbose log): %s", applyKinds);
    line("- Churn apply phases (roleform, per round, from its --verbose log's arrival times): %s",
        String.join("; ", applyPhases));
    line("- Churn phases (floor, warm JVM, per round): %s", String.join("; ", floorPhases));
    line("- Churn: %,d writes by the floor (memberships moved, 3 renames, 3 permission swaps)", floorWrites);
    line("- Requests issued / minimum (the floor's): no-op plan %d / %d = %.3f, in-process read %d / %d = %.3f,"
        + " churn apply %d / %d = %.3f", planRequests, freshFloorRequests, (double) planRequests / freshFloorRequests,
        readRequests, floorReadRequests - 1, (double) readRequests / (floorReadRequests - 1), applyRequests,
        floorApplyRequests, (double) applyRequests / floorApplyRequests);
    double ratio = (double) median(plans) / median(freshFloors);
    line("- Target: no-op plan ≤ 1.5× the fresh-JVM floor: **%s** (%.2f×)", ratio <= 1.5 ? "met" : "NOT met", ratio);
    deleteRealm(adminUser, adminPassword);
  }

  private static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private Run floorJvm(Path dir) {
    List<String> cmd = new ArrayList<>(List.of("java"));
    cmd.addAll(JVM_OPTS);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), KeycloakFloorClient.class.getName(), url, REALM,
        BenchRealm.SA_CLIENT, secret));
    return exec(dir, cmd);
  }

  private void row(String what, List<Long> roleform, long requests, List<Long> floor, long floorRequests) {
    line("| %s | %.2f s (min %.2f, max %.2f; n=%d) | %d | %.2f s (min %.2f, max %.2f; n=%d) | %d | %.2f× | %.3f× |",
        what, secs(median(roleform)), secs(Collections.min(roleform)), secs(Collections.max(roleform)), roleform.size(),
        requests, secs(median(floor)), secs(Collections.min(floor)), secs(Collections.max(floor)), floor.size(),
        floorRequests, (double) median(roleform) / median(floor), (double) requests / floorRequests);
  }

  private Path writeConfig(Path dir, String name, List<BenchRealm.Group> groups) throws IOException {
    Path d = Files.createDirectories(dir.resolve(name));
    try (var old = Files.list(d)) { // a part left by an earlier run would be loaded too
      for (Path f : (Iterable<Path>) old.filter(f -> f.toString().endsWith(".yaml"))::iterator) Files.delete(f);
    }
    for (Map.Entry<String, String> f : BenchRealm.config(groups).entrySet()) {
      Files.writeString(d.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
    }
    return d;
  }

  private record Run(int exit, long nanos, long requests, String stdout, String stderrTail, Map<String, Long> byKind,
      List<String> lines, List<Long> arrivals) {}

  /**
   * Runs the CLI in a fresh JVM with the launcher's options; counts the requests its --verbose log
   * shows (one line per request sent, the token request included).
   */
  private Run cli(Path dir, String... args) {
    List<String> cmd = new ArrayList<>(List.of("java"));
    cmd.addAll(io.roleform.bench.BenchJvm.roleform(jar)); // the launcher's options and its class-data sharing archive
    cmd.addAll(List.of("-jar", jar.toString()));
    cmd.addAll(List.of(args));
    return exec(dir, cmd);
  }

  private Run exec(Path dir, List<String> cmd) {
    try {
      Path out = dir.resolve("cli.out");
      Path err = dir.resolve("cli.err");
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile());
      pb.environment().put(Credentials.ENV_CLIENT_ID, BenchRealm.SA_CLIENT);
      pb.environment().put(Credentials.ENV_CLIENT_SECRET, secret);
      long s = System.nanoTime();
      Process process = pb.start();
      // stderr is read as it comes, each line with its arrival time (the CLI flushes every line).
      List<String> lines = new ArrayList<>();
      List<Long> arrivals = new ArrayList<>();
      try (java.io.BufferedReader r = new java.io.BufferedReader(
          new java.io.InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String l; (l = r.readLine()) != null; ) {
          arrivals.add(System.nanoTime() - s);
          lines.add(l);
        }
      }
      int exit = process.waitFor();
      long nanos = System.nanoTime() - s;
      Files.write(err, lines, StandardCharsets.UTF_8);
      long requests = lines.stream().filter(l -> l.matches(REQUEST_LINE)).count();
      String tail = String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
      Map<String, Long> byKind = new java.util.TreeMap<>();
      for (String l : lines) {
        if (!l.matches(REQUEST_LINE)) continue;
        String kind = l.replaceAll(" -> .*", "").replaceAll("\\?.*", "")
            .replaceAll("/[0-9a-f]{8}-[0-9a-f-]{27}", "/{id}").replaceAll("^(\\S+) /admin/realms/[^/]+", "$1 ");
        byKind.merge(kind, 1L, Long::sum);
      }
      String stdout = Files.readString(out, StandardCharsets.UTF_8);
      return new Run(exit, nanos, requests, stdout.length() > 2000 ? stdout.substring(0, 2000) : stdout, tail, byKind,
          lines, arrivals);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static final String REQUEST_LINE = "^(GET|POST|PUT|DELETE) \\S+ -> .*";
  private static final java.util.regex.Pattern REQUEST_MS = java.util.regex.Pattern.compile(" -> .* \\((\\d+) ms");

  /**
   * Where a CLI apply's wall time went, from its --verbose log: start-up and config load (until
   * the first request was sent), the read (until the last read answer), planning and printing the
   * plan (until the first operation starts), the writes (until the last answer) and the exit; for
   * the writes also how many requests were in flight on average (the sum of their times over the
   * phase) — the floor keeps 4 in flight.
   */
  private static String phases(Run r) {
    int firstOp = -1;
    for (int i = 0; i < r.lines.size(); i++) {
      if (r.lines.get(i).startsWith("[1/")) {
        firstOp = i;
        break;
      }
    }
    if (firstOp < 0) return "no operation line in the log";
    long firstSent = -1;
    long readEnd = 0;
    long lastAnswer = 0;
    long writeBusyMs = 0;
    int writes = 0;
    for (int i = 0; i < r.lines.size(); i++) {
      java.util.regex.Matcher m = REQUEST_MS.matcher(r.lines.get(i));
      if (!r.lines.get(i).matches(REQUEST_LINE) || !m.find()) continue;
      long ms = Long.parseLong(m.group(1));
      long at = r.arrivals.get(i);
      if (firstSent < 0) firstSent = at - ms * 1_000_000;
      if (i < firstOp) {
        readEnd = at;
      } else {
        writes++;
        writeBusyMs += ms;
      }
      lastAnswer = at;
    }
    long opStart = r.arrivals.get(firstOp);
    return String.format("start-up + config %.2f s, read %.2f s, plan + printing it %.2f s, %,d writes %.2f s"
        + " (%.1f ms per write, %.2f in flight on average), exit %.2f s; wall %.2f s",
        secs(firstSent), secs(readEnd - firstSent), secs(opStart - readEnd), writes, secs(lastAnswer - opStart),
        (lastAnswer - opStart) / 1e6 / Math.max(1, writes), writeBusyMs * 1e6 / Math.max(1, lastAnswer - opStart),
        secs(r.nanos - lastAnswer), secs(r.nanos));
  }

  /**
   * Users per {@code partialImport} request (each with 5 memberships). Small on purpose: Keycloak
   * flushes its whole persistence context at every group join of an import, so the cost per user
   * grows with the users already in the same request (measured: 30 users/s in slices of 300, about
   * 3× that in slices of 25, on a loaded 2-core machine).
   */
  static final int USER_SLICE = 25;
  /** Slices sent at once. */
  private static final int SLICE_CONCURRENCY = 2;
  /** Attempts per slice (a slice is idempotent: existing users are skipped). */
  private static final int SLICE_ATTEMPTS = 3;

  /**
   * Creates the realm: the skeleton (roles, groups, client) by one {@code POST /admin/realms}, then
   * the users with their memberships by {@code POST /admin/realms/bench/partialImport} in slices of
   * {@value #USER_SLICE}, {@value #SLICE_CONCURRENCY} at a time, each tried up to {@value
   * #SLICE_ATTEMPTS} times. One import request with every user failed at M on a loaded machine with
   * {@code 400 Database operation failed} (its transaction outlived Keycloak's timeout); a slice
   * takes seconds. Bounded by {@code deadlineMinutes}.
   */
  private String createRealm(String user, String password, BenchRealm.Scale scale, int deadlineMinutes) throws Exception {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(deadlineMinutes);
    AdminToken token = new AdminToken(user, password);
    HttpClient http = HttpClient.newHttpClient();
    http.send(admin("DELETE", "/admin/realms/" + REALM, token.get(), null), HttpResponse.BodyHandlers.discarding());
    long t0 = System.nanoTime();
    String body = JSON.writeValueAsString(BenchRealm.realmSkeleton(JSON, REALM, secret, scale));
    HttpResponse<String> r = http.send(admin("POST", "/admin/realms", token.get(), body), HttpResponse.BodyHandlers.ofString());
    check(r.statusCode() == 201, "realm skeleton import: " + r.statusCode() + " " + r.body());
    double skeleton = secs(System.nanoTime() - t0);
    long t1 = System.nanoTime();
    java.util.concurrent.atomic.AtomicInteger retried = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
    List<Integer> starts = new ArrayList<>();
    for (int from = 0; from < scale.users(); from += USER_SLICE) starts.add(from);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(SLICE_CONCURRENCY);
    try {
      List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
      for (int from : starts) {
        futures.add(pool.submit(() -> {
          int to = Math.min(scale.users(), from + USER_SLICE);
          String slice = JSON.writeValueAsString(BenchRealm.users(JSON, scale, from, to));
          for (int attempt = 1; ; attempt++) {
            check(System.nanoTime() < deadline, "realm population within " + deadlineMinutes + " min (at user " + from + ")");
            HttpResponse<String> p = null;
            Exception failure = null;
            try {
              p = http.send(admin("POST", "/admin/realms/" + REALM + "/partialImport", token.get(), slice),
                  HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
              failure = e;
            }
            if (p != null && p.statusCode() == 200) break;
            if (attempt >= SLICE_ATTEMPTS) {
              throw new IllegalStateException("partialImport of users " + from + ".." + to + ": "
                  + (p == null ? String.valueOf(failure) : p.statusCode() + " " + p.body()));
            }
            retried.incrementAndGet();
          }
          int n = done.addAndGet(to - from);
          if (n % 2_000 < USER_SLICE) {
            System.err.printf("[bench] users %,d/%,d imported (%.0f s)%n", n, scale.users(), secs(System.nanoTime() - t1));
          }
          return null;
        }));
      }
      for (java.util.concurrent.Future<?> f : futures) f.get();
    } finally {
      pool.shutdownNow();
    }
    return String.format("skeleton (roles, %,d groups, client) by `POST /admin/realms` %.1f s, then %,d users with"
        + " their %,d memberships by %,d `partialImport` requests of %,d users, %d at a time, %.1f s (%d retried)",
        scale.groups(), skeleton, scale.users(), scale.memberships(), starts.size(), USER_SLICE, SLICE_CONCURRENCY,
        secs(System.nanoTime() - t1), retried.get());
  }

  /** The bootstrap admin's token, fetched again when 30 s old (master tokens live 60 s). */
  private final class AdminToken {
    private final String user;
    private final String password;
    private String token;
    private long fetched;

    AdminToken(String user, String password) {
      this.user = user;
      this.password = password;
    }

    synchronized String get() throws Exception {
      if (token == null || System.nanoTime() - fetched > java.util.concurrent.TimeUnit.SECONDS.toNanos(30)) {
        token = adminToken(user, password);
        fetched = System.nanoTime();
      }
      return token;
    }
  }

  private void deleteRealm(String user, String password) throws Exception {
    HttpClient.newHttpClient().send(admin("DELETE", "/admin/realms/" + REALM, adminToken(user, password), null),
        HttpResponse.BodyHandlers.discarding());
  }

  private HttpRequest admin(String method, String path, String token, String body) {
    return HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(10))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private String adminToken(String user, String password) throws Exception {
    String form = "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(url + "/realms/master/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode t = JSON.readTree(r.body());
    return t.get("access_token").asText();
  }

  private static List<Long> times(int n, LongSupplier f) {
    List<Long> t = new ArrayList<>();
    for (int i = 0; i < n; i++) t.add(f.getAsLong());
    return t;
  }

  private static long median(List<Long> xs) {
    List<Long> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static double secs(long nanos) {
    return nanos / 1e9;
  }

  private void line(String format, Object... args) {
    String l = String.format(format, args);
    report.append(l).append('\n');
    System.err.println(l);
  }

  private static void check(boolean ok, String what) {
    if (!ok) throw new IllegalStateException("benchmark check failed: " + what);
  }
}
