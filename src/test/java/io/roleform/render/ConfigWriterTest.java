package io.roleform.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.config.ConfigLoader;
import io.roleform.config.ConfigResult;
import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import io.roleform.portal.LiveUser;
import io.roleform.portal.Permission;
import io.roleform.portal.PortalInfo;
import io.roleform.portal.http.PortalApiCapabilities;
import io.roleform.portal.PortalSettings;
import io.roleform.portal.UserStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

class ConfigWriterTest {

  /** Strings YAML would read as something else, or that need quoting and escaping. */
  static final List<String> HOSTILE = List.of(
      "NO", "no", "No", "on", "Off", "yes", "Y", "n", "true", "False", "null", "Null", "~", "", " ",
      "1e3", "0x1F", "0o17", "012", "1_000", "1:20", "+1", "-1", ".5", ".inf", "-.inf", ".NaN", "2001-12-14",
      "a: b", "a:b", "a #b", "#x", "- x", "-", "? x", "x:", "[a]", "{a}", "a, b", "*alias", "&anchor",
      "!tag", "%dir", "@at", "`tick", "|", ">", "'single'", "\"double\"", " lead", "trail ", "tab\there",
      "new\nline", "cr\rx", "${HOME}", "a ${X} b", "$${x}", "$", "$$", "é", "日本", "emoji 😀", "\u0085",
      "\u2028", "\ufeff", "\u0000", "\u001b[31m", "back\\slash", "<<", "=", "Admin", "IT Administrators");

  @Test
  void writesTheDocumentedFormat() {
    String yaml = ConfigWriter.write(appRoles());
    assertThat(yaml).isEqualTo("""
        # yaml-language-server: $schema=https://roleform.dev/schema/roleform.schema.json
        apiVersion: roleform/v1
        settings:
          owner: alice@acme.example
          allowView: false
          notifyMembers: true
        order:
          - Admin
          - Editors
          - Viewers
          - Empty
        roles:
          - name: Admin
            description: Everything
            members:
              - alice@acme.example
              - Bob@acme.example
          - name: Editors
            permissions: [view-records, add-records, edit-records]
            members:
              - carol@acme.example
              - sybil@partner.example
          - name: Viewers
            description: "Read: records"
            permissions: [view-records]
            caseActions: [view, comment]
            members:
              - erin@acme.example
          - name: Empty
            permissions: []
            members: []
        users:
          - email: alice@acme.example
            firstName: Alice
            lastName: A
            status: active
          - email: Bob@acme.example
            firstName: Bob
            lastName: B
            status: active
          - email: carol@acme.example
            firstName: Carol
            lastName: C
            status: active
          - email: erin@acme.example
            firstName: Erin
            lastName: E
            status: disabled
          - email: sybil@partner.example
            firstName: Sybil
            lastName: S
            status: active
            external: true
        """);
  }

  @Test
  void usersCanBeLeftOutAndDepartmentsAreWrittenByName() {
    assertThat(ConfigWriter.write(appRoles(), false)).doesNotContain("users:");
    LiveState live = appRoles();
    List<LiveUser> users = List.of(new LiveUser("u1", "alice@acme.example", "Alice", "A", UserStatus.ACTIVE, false,
        List.of("d2", "d1"), "1"));
    LiveState cases = new LiveState(
        new PortalInfo("p", "case-portal", io.roleform.portal.http.PortalApiCapabilities.of("case-portal"), 1,
            new PortalSettings(null, null, null), "r1", "x", null, null),
        live.permissions(), users, List.of(), Map.of(),
        List.of(new io.roleform.portal.LiveDepartment("d1", "Finance", "1"),
            new io.roleform.portal.LiveDepartment("d2", "Legal & Compliance", "1")));
    assertThat(ConfigWriter.write(cases, true)).endsWith("""
        departments:
          - name: Finance
          - name: "Legal & Compliance"
        users:
          - email: alice@acme.example
            firstName: Alice
            lastName: A
            departments: [Finance, "Legal & Compliance"]
            status: active
        """);
  }

  @Test
  void leavesOutSettingsThePortalDoesNotHave() {
    LiveState live = appRoles();
    LiveState noSettings = new LiveState(
        new PortalInfo("p", "secure-exchanges", PortalApiCapabilities.of("secure-exchanges"), 1, new PortalSettings(null, null, null), "r1", "x", null, null),
        live.permissions(), live.users(), live.roles(), live.members());
    assertThat(ConfigWriter.write(noSettings)).doesNotContain("settings").doesNotContain("owner");
  }

  @Test
  void hostileStringsReadBackExactly() {
    List<LiveRole> roles = new ArrayList<>();
    List<LiveUser> users = new ArrayList<>();
    Map<String, Set<String>> members = new LinkedHashMap<>();
    for (int i = 0; i < HOSTILE.size(); i++) {
      String s = HOSTILE.get(i);
      roles.add(new LiveRole("r" + i, s, s, List.of(s), List.of(s), i, false, false, 1, "1"));
      users.add(new LiveUser("u" + i, s, "f", "l", UserStatus.ACTIVE, false));
      members.put("r" + i, Set.of("u" + i));
    }
    LiveState live = new LiveState(
        new PortalInfo("p", "app-roles", PortalApiCapabilities.of("app-roles"), 1, new PortalSettings("${OWNER}", true, false), "r0", "x", null, null),
        List.of(), users, roles, members);

    Map<String, Object> doc = parse(ConfigWriter.write(live));

    assertThat(doc.get("apiVersion")).isEqualTo("roleform/v1");
    assertThat(doc.get("settings")).isEqualTo(Map.of("owner", "${OWNER}", "allowView", true, "notifyMembers", false));
    assertThat(doc.get("order")).isEqualTo(HOSTILE);
    List<?> parsedRoles = (List<?>) doc.get("roles");
    assertThat(parsedRoles).hasSize(HOSTILE.size());
    for (int i = 0; i < HOSTILE.size(); i++) {
      String s = HOSTILE.get(i);
      Map<?, ?> role = (Map<?, ?>) parsedRoles.get(i);
      assertThat(role.get("name")).as("name %s", s).isEqualTo(s);
      assertThat(role.get("permissions")).as("permissions %s", s).isEqualTo(List.of(s));
      assertThat(role.get("caseActions")).as("caseActions %s", s).isEqualTo(List.of(s));
      assertThat(role.get("members")).as("members %s", s).isEqualTo(List.of(s));
      if (!s.isEmpty()) assertThat(role.get("description")).as("description %s", s).isEqualTo(s);
    }
  }

  @Property(tries = 300)
  void anyStringReadsBackExactly(@ForAll String s) {
    LiveState live = new LiveState(
        new PortalInfo("p", "app-roles", PortalApiCapabilities.of("app-roles"), 1, new PortalSettings(s, null, null), "r0", "x", null, null),
        List.of(), List.of(), List.of(new LiveRole("r0", s, "", List.of(s), List.of(), 0, false, false, 0, "1")),
        Map.of());
    Map<String, Object> doc = parse(ConfigWriter.write(live));
    assertThat(((Map<?, ?>) doc.get("settings")).get("owner")).isEqualTo(s);
    assertThat(doc.get("order")).isEqualTo(List.of(s));
    assertThat(((Map<?, ?>) ((List<?>) doc.get("roles")).get(0)).get("permissions")).isEqualTo(List.of(s));
  }

  @Test
  void writesDollarBraceEscapedForTheLoader() {
    assertThat(ConfigWriter.scalar("${HOME}")).isEqualTo("\"$${HOME}\"");
    assertThat(ConfigWriter.scalar("cost $5")).isEqualTo("\"cost $5\"");
  }

  @Test
  void aMemberWithNoKnownUserIsNamedNotDroppedSilently() {
    LiveState live = appRoles();
    Map<String, Set<String>> members = new LinkedHashMap<>(live.members());
    members.put("r4", Set.of("u404"));
    LiveState withGhost = new LiveState(live.portal(), live.permissions(), live.users(), live.roles(), members);
    assertThat(ConfigWriter.write(withGhost))
        .contains("    members: []\n      # left out: user id u404 is a member but the portal did not list that user\n");
    assertThat(parse(ConfigWriter.write(withGhost))).isNotNull();
  }

  @Test
  void writeToCreatesTheDirectoryAndReplacesTheFile(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("config/nested");
    ConfigWriter.writeTo(appRoles(), dir);
    ConfigWriter.writeTo(appRoles(), dir);
    assertThat(Files.readString(dir.resolve("roleform.yaml"), StandardCharsets.UTF_8))
        .isEqualTo(ConfigWriter.write(appRoles()));
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(dir.resolve("roleform.yaml"));
    }
  }

  /** Parses as the loader would: YAML 1.1 resolution, then {@code $${} read as a literal {@code ${}. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String yaml) {
    Object doc = new Yaml(new LoaderOptions()).load(yaml);
    return (Map<String, Object>) unescapeDollar(doc);
  }

  private static Object unescapeDollar(Object value) {
    if (value instanceof String s) return s.replace("$${", "${");
    if (value instanceof List<?> list) return list.stream().map(ConfigWriterTest::unescapeDollar).toList();
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, unescapeDollar(v)));
      return copy;
    }
    return value;
  }

  /** app-roles-like state: a fixed admin role, pending applier, external collaborator, empty role. */
  static LiveState appRoles() {
    List<LiveUser> users = List.of(
        new LiveUser("u1", "alice@acme.example", "Alice", "A", UserStatus.ACTIVE, false),
        new LiveUser("u2", "Bob@acme.example", "Bob", "B", UserStatus.ACTIVE, false),
        new LiveUser("u3", "carol@acme.example", "Carol", "C", UserStatus.ACTIVE, false),
        new LiveUser("u5", "erin@acme.example", "Erin", "E", UserStatus.DISABLED, false),
        new LiveUser("u16", "victor@acme.example", "Victor", "V", UserStatus.PENDING, false),
        new LiveUser("u18", "sybil@partner.example", "Sybil", "S", UserStatus.ACTIVE, true));
    List<LiveRole> roles = List.of(
        new LiveRole("r3", "Viewers", "Read: records", List.of("view-records"), List.of("view", "comment"), 2,
            false, false, 1, "4"),
        new LiveRole("r1", "Admin", "Everything", List.of("manage-app", "view-records"), List.of(), 0, true, true, 2, "1"),
        new LiveRole("r2", "Editors", "", List.of("view-records", "add-records", "edit-records"), List.of(), 1,
            false, false, 3, "2"),
        new LiveRole("r4", "Empty", null, List.of(), null, 3, false, false, 0, "1"));
    Map<String, Set<String>> members = Map.of(
        "r1", Set.of("u2", "u1"),
        "r2", Set.of("u18", "u3", "u16"),
        "r3", Set.of("u5"),
        "r4", Set.of());
    return new LiveState(
        new PortalInfo("Acme app", "app-roles", PortalApiCapabilities.of("app-roles"), 7, new PortalSettings("alice@acme.example", false, true), "r1",
            "manage-members", "u1", "alice@acme.example"),
        List.of(new Permission("view-records", null, null, null)), users, roles, members);
  }

  @Test
  void aLargeExportIsSplitIntoFilesTheLoaderAcceptsAndReadsBackWhole(@TempDir Path tmp) throws Exception {
    // 20,000 users and 400 roles of 500 members each: about 200,000 memberships, over 5 MiB as one file.
    List<LiveUser> users = new ArrayList<>();
    for (int u = 0; u < 20_000; u++) {
      users.add(new LiveUser("u" + u, "user" + u + "@big.example", "F", "L", UserStatus.ACTIVE, false));
    }
    List<LiveRole> roles = new ArrayList<>();
    Map<String, Set<String>> members = new LinkedHashMap<>();
    for (int r = 0; r < 400; r++) {
      roles.add(new LiveRole("r" + r, "Role " + r, "", List.of("logs"), List.of(), r, false, false, 500, "1"));
      Set<String> m = new java.util.HashSet<>();
      for (int i = 0; i < 500; i++) m.add("u" + ((r * 37 + i * 41) % 20_000));
      members.put("r" + r, m);
    }
    LiveState live = new LiveState(
        new PortalInfo("Big", "secure-exchanges", PortalApiCapabilities.of("secure-exchanges"), 1, new PortalSettings(null, null, null), "r0", "logs", null, null),
        List.of(new Permission("logs", "Logs", "", List.of())), users, roles, members);
    assertThat(ConfigWriter.write(live).length()).isGreaterThan(5 * 1024 * 1024);

    ConfigWriter.writeTo(live, tmp);
    List<Path> files;
    try (var list = Files.list(tmp)) {
      files = list.sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(2).first().isEqualTo(tmp.resolve("roleform.yaml"));
    for (Path f : files) assertThat(Files.size(f)).isLessThan(5L * 1024 * 1024);

    ConfigResult loaded = ConfigLoader.load(tmp, Map.of());
    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.desired().roles()).hasSize(400);
    assertThat(loaded.desired().order()).hasSize(400);
    assertThat(loaded.desired().roles().stream().mapToInt(r -> r.members().size()).sum())
        .isEqualTo(members.values().stream().mapToInt(Set::size).sum());

    // A smaller export into the same directory leaves no stale part behind.
    LiveState small = new LiveState(live.portal(), live.permissions(), users, roles.subList(0, 1),
        Map.of("r0", members.get("r0")));
    ConfigWriter.writeTo(small, tmp);
    try (var list = Files.list(tmp)) {
      assertThat(list.toList()).containsExactly(tmp.resolve("roleform.yaml"));
    }
  }
}
