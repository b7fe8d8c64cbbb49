package io.roleform.portal.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roleform.cli.RoleformCommand;
import io.roleform.cli.Terminal;
import io.roleform.portal.PortalRegistry;
import io.roleform.testing.CliRun;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: a Keycloak restarted mid-apply leaves a state the next apply finishes.
 *
 * <p>The test runs a Keycloak of its own ({@link OwnKeycloak}: another directory, database and
 * port than the shared server of the other Keycloak ITs, which it never touches). An apply of a
 * config with 64 writes (8 new groups, their realm-role mappings, 48 memberships) runs in-process;
 * after its {@value #KILL_AFTER_WRITES}th write has been answered, the server JVM is killed with
 * SIGKILL, from the thread that logged the answer, so the apply meets a dead server mid-flight. The
 * apply must end with exit 1 and one paragraph saying where it stopped, without a stack trace. The
 * server is started again on the same database and port; a plan still shows changes (the partial
 * state survived the crash), the next apply exits 0, {@code plan --detailed-exitcode} exits 0, and
 * the Admin API shows each group once, with exactly its members and role mappings and no
 * duplicate.
 *
 * <p>Bounded: two server start-ups of at most {@value OwnKeycloak#START_TIMEOUT_SECONDS} s each, the
 * applies with {@code --max-retries 2 --timeout 20}, the whole class at most 20 minutes. If the
 * first start-up fails (no Keycloak distribution and no network, say) the class is skipped with a
 * loud message on stderr; a server that does not come back after the kill fails the test.
 */
@Tag("keycloak")
@DisabledIfSystemProperty(named = KeycloakServer.SKIP_PROPERTY, matches = "true",
    disabledReason = "-Droleform.keycloak.skip=true: the real-Keycloak tests are skipped")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class KeycloakRestartIT {

  static final int KILL_AFTER_WRITES = 20;
  private static final Path DIR = Path.of("target", "keycloak-restart");
  private static final String SECRET = "restart-secret-" + UUID.randomUUID();
  private static final Pattern ADMIN_WRITE = Pattern.compile("^(POST|PUT|DELETE) /admin/realms/\\S+ -> \\d{3}\\b.*");
  private static final List<String> PERMISSIONS = List.of("perm-1", "perm-2", "perm-3", "perm-4", "perm-5", "perm-6");
  private static final int USERS = 24;
  private static final int GROUPS = 8;
  private static final int MEMBERS = 6;

  private static OwnKeycloak server;

  @TempDir Path dir;

  @BeforeAll
  static void startOwnKeycloak() {
    try {
      server = OwnKeycloak.start(DIR);
    } catch (RuntimeException e) {
      String loud = "\n!!!!!!!! KeycloakRestartIT SKIPPED: its own Keycloak could not start: " + e.getMessage()
          + "\n!!!!!!!! (issue 11's 'Keycloak restarted mid-apply' is NOT verified by this run)\n";
      System.err.println(loud);
      Assumptions.abort(loud);
    }
  }

  @AfterAll
  static void stopOwnKeycloak() {
    if (server != null) server.close();
  }

  @Test
  void anApplyCutByAKeycloakCrashIsFinishedByTheNextApply() throws Exception {
    String realm = "restart-" + UUID.randomUUID().toString().substring(0, 8);
    RealmFixture kc = new RealmFixture(server.url, server.adminUser, server.adminPassword, realm);
    for (String p : PERMISSIONS) kc.role(p, "Grants " + p);
    List<String> userIds = new ArrayList<>();
    for (int u = 0; u < USERS; u++) userIds.add(kc.user(user(u), email(u), true));
    String roleform = kc.group(null, "roleform", null, Map.of());
    String admin = kc.group(roleform, "Admin", "Full access", Map.of("roleform.position", "0"));
    kc.mapRealmRoles(admin, PERMISSIONS.toArray(String[]::new));
    kc.join(userIds.get(0), admin);
    kc.serviceAccount("roleform", SECRET, RealmFixture.SERVICE_ACCOUNT_ROLES);
    String portal = "keycloak:" + server.url + "?realm=" + realm + "&parentGroup=roleform&concurrency=2";
    Map<String, String> env = Map.of(Credentials.ENV_CLIENT_ID, "roleform", Credentials.ENV_CLIENT_SECRET, SECRET);
    Path config = dir.resolve("roles.yaml");
    Files.writeString(config, config(), StandardCharsets.UTF_8);
    List<String> apply = List.of("apply", config.toString(), "--auto-approve", "--verbose", "--max-retries", "2",
        "--timeout", "20", "--portal", portal);

    // 1. The apply that loses Keycloak after KILL_AFTER_WRITES answered writes.
    AtomicInteger writes = new AtomicInteger();
    AtomicBoolean killed = new AtomicBoolean();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    OutputStream watcher = new LineWatcher(errBytes, line -> {
      if (ADMIN_WRITE.matcher(line).matches() && writes.incrementAndGet() == KILL_AFTER_WRITES
          && killed.compareAndSet(false, true)) {
        server.kill9();
      }
    });
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(watcher, true, StandardCharsets.UTF_8)) {
      code = RoleformCommand.run(apply.toArray(String[]::new), o, e, env, PortalRegistry.installed(), Terminal.none());
    }
    CliRun cut = new CliRun(apply, code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    assertThat(killed).as("Keycloak was killed mid-apply; %s", cut).isTrue();
    System.err.printf("[KeycloakRestartIT] the cut apply:%n%s%n", cut);
    assertThat(cut.exitCode()).as("the apply that lost Keycloak: %s", cut).isEqualTo(1);
    assertThat(cut.err()).as("%s", cut).doesNotContain("\tat ").doesNotContain("Caused by").doesNotContain(SECRET)
        .contains("Re-running apply continues from the live state.");
    String message = errorParagraph(cut.err());
    assertThat(message).as("one paragraph; %s", cut).startsWith("error: Apply stopped at operation ")
        .doesNotContain("\n\n").doesNotContain("Exception");

    // 2. The same server, restarted on its database: the partial state survived the crash.
    server.restart();
    CliRun between = CliRun.run(env, "plan", config.toString(), "--detailed-exitcode", "--portal", portal);
    assertThat(between.exitCode()).as("changes remain after the cut apply: %s", between).isEqualTo(2);
    RealmFixture after = new RealmFixture(server.url, server.adminUser, server.adminPassword, realm, false);
    String parent = after.get(after.base() + "/group-by-path/roleform").get("id").asText();
    assertThat(after.get(after.base() + "/groups/" + parent + "/children?max=1000")).as("groups written before the kill")
        .isNotEmpty();

    // 3. The next apply finishes it; the plan after it is empty.
    CliRun resumed = CliRun.run(env, apply);
    assertThat(resumed.exitCode()).as("%s", resumed).isZero();
    assertThat(resumed.err()).doesNotContain("\tat ").doesNotContain(SECRET);
    CliRun plan = CliRun.run(env, "plan", config.toString(), "--detailed-exitcode", "--portal", portal);
    assertThat(plan.exitCode()).as("%s", plan).isZero();

    // 4. Read back through the Admin API: each group once, exactly its members and role mappings.
    Map<String, Integer> names = new TreeMap<>();
    for (JsonNode g : after.get(after.base() + "/groups/" + parent + "/children?max=1000")) {
      String name = g.get("name").asText();
      names.merge(name, 1, Integer::sum);
      if (name.equals("Admin")) continue;
      int i = Integer.parseInt(name.substring("Team-".length()));
      String id = g.get("id").asText();
      List<String> members = new ArrayList<>();
      after.get(after.base() + "/groups/" + id + "/members?max=1000").forEach(u -> members.add(u.get("email").asText()));
      assertThat(members).as("members of %s", name).doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(members(i));
      List<String> roles = new ArrayList<>();
      after.get(after.base() + "/groups/" + id + "/role-mappings/realm").forEach(r -> roles.add(r.get("name").asText()));
      assertThat(roles).as("role mappings of %s", name).doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(permissions(i));
    }
    assertThat(names).hasSize(GROUPS + 1).containsKey("Admin")
        .allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
    after.close();
  }

  /** The error message: from the last "error:" to the next blank line or the end. */
  private static String errorParagraph(String err) {
    int at = err.lastIndexOf("error: ");
    assertThat(at).as("an 'error:' message in %s", err).isGreaterThanOrEqualTo(0);
    String rest = err.substring(at).strip();
    int blank = rest.indexOf("\n\n");
    String paragraph = blank < 0 ? rest : rest.substring(0, blank);
    assertThat(blank < 0 ? "" : rest.substring(blank).strip()).as("nothing after the error paragraph").isEmpty();
    return paragraph;
  }

  private static String config() {
    StringBuilder y = new StringBuilder("apiVersion: roleform/v1\norder: [Admin");
    for (int i = 0; i < GROUPS; i++) y.append(", Team-").append(i);
    y.append("]\nroles:\n  - name: Admin\n    description: Full access\n    permissions: [")
        .append(String.join(", ", PERMISSIONS)).append("]\n    members: [").append(email(0)).append("]\n");
    for (int i = 0; i < GROUPS; i++) {
      y.append("  - name: Team-").append(i).append('\n')
          .append("    description: Team ").append(i).append('\n')
          .append("    permissions: [").append(String.join(", ", permissions(i))).append("]\n")
          .append("    members: [").append(String.join(", ", members(i))).append("]\n");
    }
    return y.toString();
  }

  private static List<String> permissions(int group) {
    return List.copyOf(new TreeSet<>(List.of(PERMISSIONS.get(group % 6), PERMISSIONS.get((group + 2) % 6))));
  }

  private static List<String> members(int group) {
    List<String> m = new ArrayList<>();
    for (int j = 0; j < MEMBERS; j++) m.add(email((3 * group + j) % USERS));
    return m;
  }

  private static String user(int u) {
    return String.format("user%02d", u);
  }

  private static String email(int u) {
    return user(u) + "@acme.example";
  }

  /** Copies bytes to {@code sink} and hands every complete line to {@code onLine}, in the writing thread. */
  private static final class LineWatcher extends OutputStream {
    private final ByteArrayOutputStream sink;
    private final java.util.function.Consumer<String> onLine;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineWatcher(ByteArrayOutputStream sink, java.util.function.Consumer<String> onLine) {
      this.sink = sink;
      this.onLine = onLine;
    }

    @Override
    public void write(int b) {
      String complete = null;
      synchronized (this) {
        sink.write(b);
        if (b == '\n') {
          complete = line.toString(StandardCharsets.UTF_8);
          line.reset();
        } else {
          line.write(b);
        }
      }
      if (complete != null) onLine.accept(complete);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      for (int i = off; i < off + len; i++) write(b[i]);
    }
  }
}
