package io.roleform.portal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.roleform.portal.LiveUser;
import io.roleform.portal.UserStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * {@link UserPageScan} (users pages read from their bytes) against the parser it stands in for: on
 * random pages — the compact shape servers write, and that shape broken in every way the scan must
 * hand to the parser (white space, another field order, missing, unknown and duplicate fields,
 * escapes, non-ASCII, numbers and booleans as text, nulls, other status spellings, cut short,
 * trailing tokens) — the same users, the same cursor or the same error; and the compact shape is
 * in fact read without the parser.
 */
class UserPageScanTest {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  @Property(tries = 1000)
  void scannedPagesReadAsParsedOnes(@ForAll long seed) {
    Random r = new Random(seed);
    List<LiveUser> scanned = new ArrayList<>();
    List<LiveUser> parsed = new ArrayList<>();
    ListPage.Item fast = LiveItems.users(scanned, true);
    ListPage.Item slow = LiveItems.users(parsed, false);
    for (int k = 1 + r.nextInt(3); k > 0; k--) {
      String body = page(r);
      String a = outcome(fast, body);
      String b = outcome(slow, body);
      assertThat(a).as(body).isEqualTo(b);
      assertThat(scanned).as(body).isEqualTo(parsed);
      if (b.startsWith("error")) return; // the read would stop here
    }
  }

  @Test
  void mostCompactPagesAreReadWithoutTheParserAndBrokenOnesNever() {
    int read = 0, compact = 0;
    for (long seed = 0; seed < 2_000; seed++) {
      Random r = new Random(seed);
      boolean nice = r.nextBoolean();
      String body = nice ? compactPage(r) : broken(r, compactPage(r));
      List<LiveUser> out = new ArrayList<>();
      String cursor = new UserPageScan().page(bytes(body), out);
      if (nice) {
        compact++;
        if (cursor != ListPage.Item.NOT_READ) read++;
      } else if (cursor == ListPage.Item.NOT_READ) {
        assertThat(out).as(body).isEmpty(); // nothing kept of a page handed to the parser
      }
    }
    assertThat(read).isEqualTo(compact).isGreaterThan(900);
  }

  @Test
  void theCompactShapeIsReadWithoutTheParser() {
    List<LiveUser> out = new ArrayList<>();
    UserPageScan scan = new UserPageScan();
    String body = "{\"items\":[{\"id\":\"u1\",\"email\":\"alice@acme.example\",\"firstName\":\"Alice\",\"lastName\":\"Archer\","
        + "\"status\":\"active\",\"external\":false,\"departments\":[],\"version\":\"1\"},"
        + "{\"id\":\"u2\",\"email\":\"bob@x.example\",\"firstName\":null,\"lastName\":\"Number 2\",\"status\":\"disabled\","
        + "\"external\":true,\"departments\":[\"d2\",\"d10\",\"d1\"],\"version\":null}],\"nextCursor\":\"YzEfdXNlcnMfdTEwMA\"}\n";
    assertThat(scan.page(bytes(body), out)).isEqualTo("YzEfdXNlcnMfdTEwMA");
    assertThat(out).containsExactly(
        new LiveUser("u1", "alice@acme.example", "Alice", "Archer", UserStatus.ACTIVE, false, List.of(), "1"),
        new LiveUser("u2", "bob@x.example", null, "Number 2", UserStatus.DISABLED, true, List.of("d1", "d10", "d2"), null));
    assertThat(scan.page(bytes("{\"items\":[],\"nextCursor\":null}"), out)).isNull();
    assertThat(scan.page(bytes("{\"items\":[]}"), out)).isNull();
    assertThat(out).hasSize(2);
    String user = "{\"id\":\"u1\",\"email\":\"e\",\"firstName\":\"A\",\"lastName\":\"B\",\"status\":\"active\","
        + "\"external\":false,\"departments\":[\"d1\"],\"version\":\"1\"}";
    for (String other : new String[] {
        "{\"items\":[" + user.replace("\"A\"", "\"\\u0041\"") + "]}",
        "{\"items\":[" + user.replace("\"A\"", "\"Ä\"") + "]}",
        "{\"items\":[" + user.replace("\"1\"}", "1}") + "]}",
        "{\"items\":[" + user.replace("active", "Active") + "]}",
        "{\"items\":[" + user.replace("false", "\"false\"") + "]}",
        "{\"items\":[" + user.replace("[\"d1\"]", "null") + "]}",
        "{\"items\":[" + user.replace("\"version\":\"1\"", "\"version\":\"1\",\"x\":1") + "]}",
        "{\"items\":[" + user.replace(",\"version\":\"1\"", "") + "]}",
        "{\"items\":[" + user.replace("{\"id\":\"u1\",\"email\":\"e\"", "{\"email\":\"e\",\"id\":\"u1\"") + "]}",
        "{\"items\":[" + user + "," + user + "],\"nextCursor\":\"a\",\"nextCursor\":\"b\"}",
        "{\"items\":[" + user + "],\"nextCursor\":\"a\"}x",
        "{\"items\":[" + user + "]",
        "{\"items\": [" + user + "]}",
        "{\"items\":null}"}) {
      assertThat(scan.page(bytes(other), out)).as(other).isSameAs(ListPage.Item.NOT_READ);
    }
    assertThat(out).hasSize(2);
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static String outcome(ListPage.Item item, String body) {
    try {
      return "cursor " + ListPage.read(JSON, bytes(body), item);
    } catch (Exception e) {
      return "error " + e.getClass().getName() + ": " + e.getMessage();
    }
  }

  /** A users page: the compact shape, or that shape broken in one or two ways. */
  private static String page(Random r) {
    String s = compactPage(r);
    return switch (r.nextInt(3)) {
      case 0 -> s;
      case 1 -> broken(r, s);
      default -> broken(r, broken(r, s));
    };
  }

  private static String compactPage(Random r) {
    StringBuilder b = new StringBuilder("{\"items\":[");
    int n = r.nextInt(8);
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ",");
      user(r, b);
    }
    b.append(']');
    switch (r.nextInt(4)) {
      case 0 -> { }
      case 1 -> b.append(",\"nextCursor\":null");
      default -> b.append(",\"nextCursor\":").append(quote(r.nextInt(10) == 0 ? "" : "YzEf" + r.nextInt(1000) + "/+="));
    }
    b.append('}');
    if (r.nextInt(4) == 0) b.append(r.nextBoolean() ? "\n" : " \t\r\n");
    return b.toString();
  }

  private static void user(Random r, StringBuilder b) {
    String[] names = {"User", "Alice", "Judy", "Number " + r.nextInt(1000), "O'Brien", "x"};
    String[] statuses = {"active", "pending", "disabled"};
    b.append("{\"id\":").append(quote("u" + r.nextInt(100_000)));
    b.append(",\"email\":").append(quote("user" + r.nextInt(1000) + "@gen.example"));
    b.append(",\"firstName\":").append(r.nextInt(6) == 0 ? "null" : quote(names[r.nextInt(names.length)]));
    b.append(",\"lastName\":").append(r.nextInt(6) == 0 ? "null" : quote(names[r.nextInt(names.length)]));
    b.append(",\"status\":").append(quote(statuses[r.nextInt(3)]));
    b.append(",\"external\":").append(r.nextBoolean());
    b.append(",\"departments\":[");
    int d = r.nextInt(3) == 0 ? r.nextInt(5) : 0;
    for (int k = 0; k < d; k++) b.append(k == 0 ? "" : ",").append(quote("d" + r.nextInt(12)));
    b.append("],\"version\":").append(r.nextInt(6) == 0 ? "null" : quote(Integer.toString(1 + r.nextInt(3))));
    b.append('}');
  }

  /** {@code s} broken in one way the scan must not accept (or, rarely, not broken at all). */
  private static String broken(Random r, String s) {
    String[][] swaps = {
        {"{\"id\":", "{ \"id\" :"},
        {",\"email\":", ", \"email\":"},
        {"\"id\":", "\"i\\u0064\":"},
        {"{\"id\":\"", "{\"x\":[1,{\"y\":null}],\"id\":\""},
        {",\"version\":", ",\"extra\":\"v\",\"version\":"},
        {"}", ",\"z\":{}}"},
        {",\"email\":\"", ",\"email\":null,\"email\":\""},
        {"\"firstName\":", "\"FirstName\":"},
        {"\"firstName\":\"", "\"firstName\":\"\\\""},
        {"\"lastName\":\"", "\"lastName\":\"é"},
        {"\"lastName\":\"", "\"lastName\":\"\\u00e9"},
        {"\"lastName\":\"", "\"lastName\":\"\t"},
        {"\"firstName\":\"", "\"firstName\":\"\u007f"},
        {"\"firstName\":\"User\"", "\"firstName\":7"},
        {"\"firstName\":\"User\"", "\"firstName\":[\"User\"]"},
        {"\"firstName\":\"User\"", "\"firstName\":true"},
        {"\"id\":\"u", "\"id\":1"},
        {"\"id\":\"", "\"id\":null,\"y\":\""},
        {",\"email\":\"user", ",\"email\":null,\"e\":\""},
        {",\"email\":\"user", ",\"mail\":\"user"},
        {"\"status\":\"active\"", "\"status\":\"Active\""},
        {"\"status\":\"active\"", "\"status\":\"ACTIVE\""},
        {"\"status\":\"pending\"", "\"status\":\"gone\""},
        {"\"status\":\"disabled\"", "\"status\":null"},
        {"\"status\":\"disabled\"", "\"status\":1"},
        {",\"status\":\"active\"", ""},
        {"\"external\":false", "\"external\":\"false\""},
        {"\"external\":true", "\"external\":1"},
        {"\"external\":false", "\"external\":null"},
        {"\"external\":true", "\"external\":\" TRUE \""},
        {",\"external\":false", ""},
        {"\"departments\":[]", "\"departments\":null"},
        {"\"departments\":[]", "\"departments\":[null]"},
        {"\"departments\":[]", "\"departments\":[3,\"d1\"]"},
        {"\"departments\":[]", "\"departments\":[\"dé\"]"},
        {"\"departments\":[]", "\"departments\":\"d1\""},
        {"\"departments\":[]", "\"departments\":[\"d1\",]"},
        {"\"departments\":[\"", "\"departments\":[ \""},
        {",\"departments\":[]", ""},
        {"\"version\":\"1\"", "\"version\":1"},
        {"\"version\":\"2\"", "\"version\":2.0"},
        {",\"version\":\"1\"", ""},
        {"\"version\":null", "\"version\":nul"},
        {"{\"items\":[", "{\"total\":1,\"items\":["},
        {"{\"items\":[", "{\"items\":[null,"},
        {"{\"items\":[", "{\"items\":[3,"},
        {"{\"items\":[]", "{\"items\":null"},
        {"{\"items\":[]", "{\"items\":{}"},
        {"],\"nextCursor\":", "],\"nextCursor\":\"a\",\"nextCursor\":"},
        {"\"nextCursor\":\"", "\"nextCursor\":\"\\/"},
        {"\"nextCursor\":\"", "\"nextCursor\":7,\"x\":\""},
        {"\"nextCursor\":null", "\"nextCursor\":{}"},
        {"\"nextCursor\":", "\"nextCursor\" :"},
        {"}],", "},],"},
        {"},{", "}{"},
    };
    int k = r.nextInt(swaps.length + 6);
    if (k < swaps.length) {
      String[] swap = swaps[k];
      int at = s.indexOf(swap[0]);
      if (at < 0) return s;
      return s.substring(0, at) + swap[1] + s.substring(at + swap[0].length());
    }
    return switch (k - swaps.length) {
      case 0 -> s.substring(0, r.nextInt(s.length() + 1)); // cut short
      case 1 -> s + (r.nextBoolean() ? "{}" : "x");
      case 2 -> "[" + s + "]";
      case 3 -> s.isEmpty() ? s : s.substring(0, s.length() - 1) + ",\"items\":[]}";
      case 4 -> reordered(r, s);
      default -> s.replace(",", r.nextBoolean() ? ", " : ",\n");
    };
  }

  /** The first user's fields in another order. */
  private static String reordered(Random r, String s) {
    int from = s.indexOf("{\"id\":");
    if (from < 0) return s;
    int to = s.indexOf('}', from);
    if (to < 0) return s; // a page already cut short inside its first user
    List<String> fields = new ArrayList<>(List.of(s.substring(from + 1, to).split(",(?=\")")));
    Collections.shuffle(fields, r);
    return s.substring(0, from + 1) + String.join(",", fields) + s.substring(to);
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
