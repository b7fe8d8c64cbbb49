package io.roleform.portal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveUser;
import io.roleform.portal.MemberRanks;
import io.roleform.portal.UserStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * {@link MemberPageScan} (memberships pages read from their bytes) against the parser it stands in
 * for: on random pages — the compact shape servers write, and that shape broken in every way the
 * scan must hand to the parser (white space, another field order, unknown and duplicate fields,
 * escapes, non-ASCII, numbers, nulls, cut short, trailing tokens) — the same cursor or the same
 * error, and in the end the same members per role; and {@link IdPool} numbers every id the same
 * whichever way it is looked up.
 */
class MemberPageScanTest {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  @Property(tries = 400)
  void scannedPagesReadAsParsedOnes(@ForAll long seed) {
    Random r = new Random(seed);
    List<String> userIds = new ArrayList<>();
    for (int i = 0; i < 1 + r.nextInt(40); i++) userIds.add(id(r));
    List<String> roleIds = new ArrayList<>();
    for (int i = 0; i < 1 + r.nextInt(6); i++) roleIds.add("r" + i + (r.nextInt(4) == 0 ? "-é" : ""));
    MemberPages scanned = new MemberPages();
    MemberPages parsed = new MemberPages();
    ListPage.Item fast = scanned.item(true);
    ListPage.Item slow = parsed.item(false);
    int pages = 1 + r.nextInt(4);
    for (int k = 0; k < pages; k++) {
      String body = page(r, roleIds, userIds);
      String a = outcome(fast, body);
      String b = outcome(slow, body);
      assertThat(a).as(body).isEqualTo(b);
      if (b.startsWith("error")) return; // the read would stop here
    }
    List<LiveRole> roles = roleIds.stream().map(MemberPageScanTest::role).toList();
    List<LiveUser> users = new ArrayList<>();
    for (String id : userIds) if (r.nextInt(5) != 0) users.add(user(id));
    Map<String, Set<String>> x = result(scanned, roles, users);
    Map<String, Set<String>> y = result(parsed, roles, users);
    assertThat(x).isEqualTo(y);
  }

  @Test
  void theCompactShapeIsReadWithoutTheParser() {
    MemberPages pages = new MemberPages();
    ListPage.Item item = pages.item(true);
    assertThat(item.page(bytes("{\"items\":[{\"roleId\":\"r1\",\"userId\":\"u2\"},{\"roleId\":\"r1\",\"userId\":\"u1\"},"
        + "{\"roleId\":\"r2\",\"userId\":\"a-much-longer-user-id\"}],\"nextCursor\":\"YzEf/+=\"}\n"))).isEqualTo("YzEf/+=");
    assertThat(item.page(bytes("{\"items\":[],\"nextCursor\":null}"))).isNull();
    assertThat(item.page(bytes("{\"items\":[{\"roleId\":\"r2\",\"userId\":\"u1\"}]}"))).isNull();
    for (String other : new String[] {
        "{\"items\":[{\"userId\":\"u1\",\"roleId\":\"r1\"}]}",
        "{\"items\": []}",
        "{\"items\":[{\"roleId\":\"r1\",\"userId\":\"u\\u0031\"}]}",
        "{\"items\":[{\"roleId\":\"r1\",\"userId\":\"ü\"}]}",
        "{\"items\":[{\"roleId\":\"r1\",\"userId\":1}]}",
        "{\"items\":[{\"roleId\":\"r1\",\"userId\":\"u1\",\"x\":1}]}",
        "{\"items\":[{\"roleId\":\"r1\",\"userId\":\"u1\"}],\"nextCursor\":\"a\",\"nextCursor\":\"b\"}",
        "{\"items\":[{\"roleId\":\"r1\",\"userId\":\"u1\"}],\"nextCursor\":\"a\"}x",
        "{\"items\":[{\"roleId\":\"r1\",\"userId\":\"u1\"}],\"nextCursor\":\"a\"",
        "{\"items\":[{\"roleId\":\"r1\",\"userId\":\"u1\"}",
        "{\"items\":null}",
        "{\"total\":1,\"items\":[]}"}) {
      assertThat(item.page(bytes(other))).as(other).isSameAs(ListPage.Item.NOT_READ);
    }
    var members = pages.byRole(List.of(role("r1"), role("r2")), List.of(user("u1"), user("u2")));
    assertThat(members.get("r1")).containsExactly("u1", "u2");
    assertThat(members.get("r2")).containsExactly("a-much-longer-user-id", "u1");
  }

  /**
   * Users listed in id order, each once, all memberships theirs: every set offers its members'
   * indexes in that very list ({@link MemberRanks}); listed otherwise, or a membership of an
   * unlisted user: no set offers any.
   */
  @Property(tries = 300)
  void membersCarryTheirRanksOnlyOverUsersInIdOrder(@ForAll long seed) throws Exception {
    Random r = new Random(seed);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 1 + r.nextInt(30); i++) {
      ids.add(r.nextInt(6) == 0 ? "ü" + r.nextInt(50) : r.nextInt(6) == 0 ? "user-" + r.nextInt(1000) + "-x" : "u" + r.nextInt(300));
    }
    java.util.Collections.sort(ids);
    ids = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
    List<LiveUser> listed = new ArrayList<>();
    for (String id : ids) listed.add(user(id));
    int shape = r.nextInt(5);
    if (shape == 1 && listed.size() > 1) java.util.Collections.swap(listed, 0, listed.size() - 1);
    if (shape == 2) listed.add(r.nextInt(listed.size() + 1), user(new String(ids.get(r.nextInt(ids.size())))));
    List<String> memberIds = new ArrayList<>(ids);
    if (shape == 3) memberIds.add("zz-not-listed");
    List<LiveUser> users = List.copyOf(listed);
    List<LiveRole> roles = List.of(role("r1"), role("r2"), role("r3"));
    MemberPages pages = new MemberPages();
    StringBuilder b = new StringBuilder("{\"items\":[");
    Map<String, java.util.TreeSet<String>> expected = new HashMap<>();
    for (LiveRole role : roles) expected.put(role.id(), new java.util.TreeSet<>());
    for (int m = 0, n = r.nextInt(60); m < n; m++) {
      String role = "r" + (1 + m * 2 / Math.max(1, n)); // grouped by role; r3 has none
      String user = memberIds.get(r.nextInt(memberIds.size()));
      expected.get(role).add(user);
      b.append(m == 0 ? "" : ",").append("{\"roleId\":\"").append(role).append("\",\"userId\":\"").append(user).append("\"}");
    }
    ListPage.read(JSON, bytes(b.append("]}").toString()), pages.item(r.nextBoolean()));
    boolean unlisted = expected.values().stream().anyMatch(e -> e.contains("zz-not-listed"));
    boolean inOrder = (shape != 1 || listed.size() == 1) && shape != 2 && !unlisted;

    Map<String, Set<String>> members = pages.byRole(roles, users);

    for (LiveRole role : roles) {
      Set<String> set = members.get(role.id());
      assertThat(set).containsExactlyElementsOf(expected.get(role.id()));
      MemberRanks ranks = (MemberRanks) set;
      if (!inOrder) {
        assertThat(ranks.rankedUsers()).isNull();
        continue;
      }
      assertThat(ranks.rankedUsers()).isSameAs(users);
      int[] want = expected.get(role.id()).stream().mapToInt(ids::indexOf).toArray();
      assertThat(ranks.ranksEqual(want, want.length)).isTrue();
      if (want.length > 0) {
        int[] other = want.clone();
        other[r.nextInt(other.length)] += 1 + r.nextInt(3);
        assertThat(ranks.ranksEqual(other, other.length)).isFalse();
        assertThat(ranks.ranksEqual(want, want.length - 1)).isFalse();
      }
    }
  }

  @Property(tries = 200)
  void idsAreNumberedOnceHoweverTheyAreLookedUp(@ForAll long seed) {
    Random r = new Random(seed);
    IdPool pool = new IdPool();
    Map<String, Integer> numbers = new HashMap<>();
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      String id = r.nextInt(3) == 0 && !seen.isEmpty() ? seen.get(r.nextInt(seen.size())) : anyId(r);
      int n;
      if (ascii(id) && r.nextBoolean()) {
        byte[] b = ("xx" + id + "yy").getBytes(StandardCharsets.US_ASCII);
        n = pool.ofAscii(b, 2, id.length());
      } else {
        char[] c = ("{" + id + "}").toCharArray();
        n = pool.of(c, 1, id.length());
      }
      Integer before = numbers.putIfAbsent(id, n);
      if (before == null) seen.add(id);
      assertThat(n).as(id).isEqualTo(before == null ? numbers.size() - 1 : before);
      assertThat(pool.find(new String(id))).isEqualTo(n);
      assertThat(pool.id(n)).isEqualTo(id);
    }
    assertThat(pool.size()).isEqualTo(numbers.size());
    assertThat(pool.find("never-seen-id")).isEqualTo(-1);
    assertThat(pool.find("u0x")).isEqualTo(numbers.getOrDefault("u0x", -1));
  }

  @Test
  void aBigReadSharesTheMembersWithAHelperAndGetsTheSameSets() throws Exception {
    Random r = new Random(7);
    List<LiveUser> users = new ArrayList<>();
    for (int i = 0; i < MemberPages.SPLIT + 5_000; i++) users.add(user((i % 3 == 0 ? "a-long-user-id-" : "u") + i));
    users.add(users.get(17)); // listed twice
    List<LiveRole> roles = new ArrayList<>();
    for (int i = 0; i < 40; i++) roles.add(role("r" + i));
    MemberPages alone = new MemberPages();
    MemberPages shared = new MemberPages();
    for (int page = 0; page < 30; page++) {
      StringBuilder b = new StringBuilder("{\"items\":[");
      for (int m = 0; m < 1000; m++) {
        b.append(m == 0 ? "" : ",").append("{\"roleId\":\"r").append((page * 1000 + m) / 800)
            .append("\",\"userId\":\"").append(users.get(r.nextInt(users.size())).id()).append("\"}");
      }
      String body = b.append("]}").toString();
      ListPage.read(JSON, bytes(body), alone.item(true));
      ListPage.read(JSON, bytes(body), shared.item(false));
    }
    var helper = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      Map<String, Set<String>> a = alone.byRole(roles, users);
      Map<String, Set<String>> b = shared.byRole(roles, users, helper);
      assertThat(b).isEqualTo(a);
      Map<String, LiveUser> byId = new HashMap<>();
      for (LiveUser u : users) byId.putIfAbsent(u.id(), u);
      for (Set<String> ids : b.values()) for (String id : ids) assertThat(id).isSameAs(byId.get(id).id());
      assertThat(b.values().stream().mapToInt(Set::size).sum()).isGreaterThan(25_000);
    } finally {
      helper.shutdownNow();
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static String outcome(ListPage.Item item, String body) {
    try {
      return "cursor " + ListPage.read(JSON, bytes(body), item);
    } catch (Exception e) {
      return "error " + e.getClass().getName() + ": " + e.getMessage();
    }
  }

  private static Map<String, Set<String>> result(MemberPages pages, List<LiveRole> roles, List<LiveUser> users) {
    try {
      return pages.byRole(roles, users);
    } catch (RuntimeException e) {
      return Map.of("error", Set.of(e.getMessage()));
    }
  }

  /** A memberships page: compact, grouped by role; sometimes broken in one way. */
  private static String page(Random r, List<String> roleIds, List<String> userIds) {
    StringBuilder b = new StringBuilder("{\"items\":[");
    int n = r.nextInt(12);
    int role = r.nextInt(roleIds.size());
    for (int i = 0; i < n; i++) {
      if (r.nextInt(4) == 0) role = r.nextInt(roleIds.size());
      String roleId = r.nextInt(30) == 0 ? "r-unlisted" : roleIds.get(role);
      b.append(i == 0 ? "" : ",").append("{\"roleId\":").append(quote(roleId)).append(",\"userId\":")
          .append(quote(userIds.get(r.nextInt(userIds.size())))).append('}');
    }
    b.append(']');
    switch (r.nextInt(4)) {
      case 0 -> { }
      case 1 -> b.append(",\"nextCursor\":null");
      default -> b.append(",\"nextCursor\":").append(quote("c" + r.nextInt(1000) + (r.nextInt(8) == 0 ? "/é" : "=")));
    }
    b.append('}');
    if (r.nextInt(4) == 0) b.append(r.nextBoolean() ? "\n" : " \t\r\n");
    String s = b.toString();
    return r.nextInt(3) == 0 ? s : broken(r, s);
  }

  private static String broken(Random r, String s) {
    String[][] swaps = {
        {"{\"roleId\":", "{ \"roleId\" :"},
        {",\"userId\":", ", \"userId\":"},
        {"\"roleId\":", "\"role\\u0049d\":"},
        {"{\"roleId\":\"", "{\"x\":[1,{\"y\":null}],\"roleId\":\""},
        {"{\"roleId\":", "{\"roleId\":\"r0\",\"roleId\":"},
        {",\"userId\":\"u", ",\"userId\":\"u\\u0041"},
        {",\"userId\":\"", ",\"userId\":12,\"z\":\""},
        {",\"userId\":\"", ",\"userId\":null,\"z\":\""},
        {"]", "] "},
        {"],\"nextCursor\"", "],\"total\":3,\"nextCursor\""},
        {"{\"items\":[", "{\"nextCursor\":\"first\",\"items\":["},
        {"{\"items\":[", "{\"items\":[null,"},
        {"{\"items\":[", "{\"items\":[3,"},
        {"\"}", "\"} "},
    };
    switch (r.nextInt(5)) {
      case 0 -> { return s.substring(0, r.nextInt(s.length() + 1)); }
      case 1 -> { return s + (r.nextBoolean() ? "{}" : "x"); }
      default -> {
        String[] swap = swaps[r.nextInt(swaps.length)];
        int at = s.indexOf(swap[0]);
        return at < 0 ? s : s.substring(0, at) + swap[1] + s.substring(at + swap[0].length());
      }
    }
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }

  /** A user id as portals might send: mostly short ASCII, sometimes long, with escapes or non-ASCII. */
  private static String id(Random r) {
    return switch (r.nextInt(10)) {
      case 0 -> "user-" + Long.toHexString(r.nextLong()) + "-" + r.nextInt(1000);
      case 1 -> "ü" + r.nextInt(100);
      case 2 -> "u\"" + r.nextInt(10);
      case 3 -> "";
      default -> "u" + r.nextInt(200);
    };
  }

  private static String anyId(Random r) {
    String alphabet = "u0123456789-_ab\u0000\u007f\u0080é€x";
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(5) == 0 ? r.nextInt(20) : r.nextInt(10);
    for (int i = 0; i < n; i++) b.append(alphabet.charAt(r.nextInt(r.nextInt(4) == 0 ? alphabet.length() : 15)));
    return b.toString();
  }

  private static boolean ascii(String id) {
    for (char c : id.toCharArray()) if (c == 0 || c > 0x7F) return false;
    return true;
  }

  private static LiveRole role(String id) {
    return new LiveRole(id, id, "", List.of(), List.of(), 1, false, false, 0, "1");
  }

  private static LiveUser user(String id) {
    return new LiveUser(new String(id), id + "@acme.example", null, null, UserStatus.ACTIVE, false);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
