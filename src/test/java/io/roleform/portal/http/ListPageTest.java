package io.roleform.portal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveUser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * {@link ListPage} and the item readers against the databind reading they replace: on random valid
 * pages (fields in random order, unknown fields, nulls, coerced scalars, white space, escapes) the
 * same live values and the same {@code nextCursor}; and {@link PageCursor} never disagrees with
 * the parse (it may only say it cannot tell).
 */
class ListPageTest {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  /** The page shape as the databind reading had it. */
  record Page<T>(List<T> items, String nextCursor) {
    Page {
      items = items == null ? List.of() : items; // as LiveStateReader read a null items list
    }
  }

  @Property(tries = 300)
  void usersAsDatabindReadThem(@ForAll long seed) throws IOException {
    asDatabindReadsThem(seed, "users", Wire.UserDoc.class, Wire.UserDoc::toLive, LiveItems::users);
  }

  @Property(tries = 300)
  void rolesAsDatabindReadThem(@ForAll long seed) throws IOException {
    asDatabindReadsThem(seed, "roles", Wire.RoleDoc.class, Wire.RoleDoc::toLive, LiveItems::roles);
  }

  @Property(tries = 200)
  void permissionsAsDatabindReadThem(@ForAll long seed) throws IOException {
    asDatabindReadsThem(seed, "permissions", Wire.PermissionDoc.class, Wire.PermissionDoc::toLive,
        LiveItems::permissions);
  }

  @Property(tries = 200)
  void departmentsAsDatabindReadThem(@ForAll long seed) throws IOException {
    asDatabindReadsThem(seed, "departments", Wire.DepartmentDoc.class, Wire.DepartmentDoc::toLive,
        LiveItems::departments);
  }

  /**
   * A random valid page of {@code list}: read by its item reader, the same live values (in order)
   * and the same {@code nextCursor} as databind into {@code doc} and its {@code toLive} give; and
   * the cursor scan agrees with both or says it cannot tell.
   */
  private static <D, L> void asDatabindReadsThem(long seed, String list, Class<D> doc, BiFunction<D, Integer, L> toLive,
      Function<List<L>, ListPage.Item> reader) throws IOException {
    byte[] body = page(new Random(seed), list);
    Page<D> expected = JSON.readValue(body, JSON.getTypeFactory().constructParametricType(Page.class, doc));
    List<L> want = new ArrayList<>();
    for (int i = 0; i < expected.items().size(); i++) want.add(toLive.apply(expected.items().get(i), i));
    List<L> got = new ArrayList<>();
    String cursor = ListPage.read(JSON, body, reader.apply(got));
    assertThat(got).isEqualTo(want);
    assertThat(cursor).isEqualTo(expected.nextCursor());
    String scanned = PageCursor.scan(body);
    if (scanned != PageCursor.UNKNOWN) assertThat(scanned).isEqualTo(cursor);
  }

  @Test
  void theCursorIsReadFromTheEndOnlyInTheDocumentedShape() {
    assertThat(PageCursor.scan(bytes("{\"items\":[],\"nextCursor\":\"abc\"}"))).isEqualTo("abc");
    assertThat(PageCursor.scan(bytes("{\"items\":[] , \"nextCursor\" : \"a=b/c\" }\n"))).isEqualTo("a=b/c");
    assertThat(PageCursor.scan(bytes("{\"items\":[],\"nextCursor\":null}"))).isNull();
    assertThat(PageCursor.scan(bytes("{\"nextCursor\":\"x\"}"))).isEqualTo("x");
    assertThat(PageCursor.scan(bytes("{\"items\":[],\"nextCursor\":\"é\"}"))).isEqualTo("é");
    for (String unknown : new String[] {
        "{\"nextCursor\":\"abc\",\"items\":[]}",
        "{\"items\":[{\"nextCursor\":\"x\"}]}",
        "{\"items\":[],\"x\":{\"nextCursor\":\"x\"}}",
        "{\"items\":[],\"nextCursor\":\"a\\\"b\"}",
        "{\"items\":[],\"nextCursor\":\"a\\\\\"}",
        "{\"items\":[],\"next\\u0043ursor\":\"x\"}",
        "{\"items\":[],\"prevCursor\":\"x\"}",
        "{\"items\":[],\"xnextCursor\":\"x\"}",
        "{\"items\":[\"nextCursor\",\"x\"]}",
        "{\"items\":[],\"nextCursor\":12}",
        "",
        "null",
        "[\"x\"]"}) {
      assertThat(PageCursor.scan(bytes(unknown))).as(unknown).isSameAs(PageCursor.UNKNOWN);
    }
  }

  @Test
  void shapeProblemsNameWhere() {
    assertThat(trouble("{\"items\":[{\"id\":\"r1\",\"name\":\"A\",\"position\":{}}],\"nextCursor\":null}"))
        .isEqualTo("`$.items[0].position` in the body is missing or of the wrong type");
    assertThat(trouble("{\"items\":[{\"id\":\"r1\",\"name\":\"A\",\"position\":1},{\"id\":[],\"name\":\"B\",\"position\":2}]}"))
        .isEqualTo("`$.items[1].id` in the body is missing or of the wrong type");
    assertThat(trouble("{\"items\":[{\"id\":\"r1\",\"name\":\"A\",\"position\":1,\"permissions\":[\"a\",{}]}]}"))
        .isEqualTo("`$.items[0].permissions[1]` in the body is missing or of the wrong type");
    assertThat(trouble("{\"items\":{},\"nextCursor\":null}"))
        .isEqualTo("`$.items` in the body is missing or of the wrong type");
    assertThat(trouble("{\"items\":[3]}")).isEqualTo("`$.items[0]` in the body is missing or of the wrong type");
    assertThat(trouble("{\"items\":[],\"nextCursor\":{}}"))
        .isEqualTo("`$.nextCursor` in the body is missing or of the wrong type");
    assertThat(trouble("[]")).isEqualTo("the body is JSON of the wrong shape");
    assertThat(trouble("{\"items\":[]} {}")).isEqualTo("the body is JSON of the wrong shape");
    assertThat(trouble("null")).isEqualTo("the body is JSON null");
    assertThat(trouble("")).isEqualTo("the body is empty");
    assertThat(trouble("  ")).isEqualTo("the JSON body is cut short");
    assertThat(trouble("{\"items\":[{\"id\":\"r1\"")).isEqualTo("the JSON body is cut short");
    assertThat(trouble("{\"items\":[],\"items\":[]}")).startsWith("the body is not valid JSON (");
    assertThat(trouble("{\"items\":[}")).startsWith("the body is not valid JSON (").contains("line 1 column");
  }

  @Test
  void requiredFieldsAndNullItemsAreMissing() {
    assertThat(missing("{\"items\":[{\"name\":\"A\",\"position\":1}]}")).isEqualTo("$.items[0].id");
    assertThat(missing("{\"items\":[{\"id\":\"r1\",\"name\":\"A\"}]}")).isEqualTo("$.items[0].position");
    assertThat(missing("{\"items\":[null]}")).isEqualTo("$.items[0]");
    assertThat(missing("{\"items\":[{\"id\":\"r1\",\"name\":\"A\",\"position\":1,\"caseActions\":[null]}]}"))
        .isEqualTo("$.items[0].caseActions[0]");
  }

  @Test
  void membershipsArePooledAndGroupedByRole() throws IOException {
    MemberPages pages = new MemberPages();
    ListPage.read(JSON, bytes("{\"items\":[{\"roleId\":\"r1\",\"userId\":\"u2\"},{\"userId\":\"u1\",\"roleId\":\"r1\"},"
        + "{\"roleId\":\"r2\",\"userId\":\"u2\",\"extra\":[1,{}]}],\"nextCursor\":\"n\"}"), pages.item());
    ListPage.read(JSON, bytes("{\"items\":[{\"roleId\":\"r1\",\"userId\":\"u3\"}],\"nextCursor\":null}"), pages.item());
    var roles = List.of(role("r1"), role("r2"), role("r3"));
    LiveUser u2 = new LiveUser(new String("u2"), "b@acme.example", null, null, io.roleform.portal.UserStatus.ACTIVE, false);
    var members = pages.byRole(roles, List.of(u2));
    assertThat(members.get("r1")).containsExactly("u1", "u2", "u3");
    assertThat(members.get("r2")).containsExactly("u2");
    assertThat(members.get("r3")).isEmpty();
    assertThat(members.get("r2").iterator().next()).isSameAs(members.get("r1").toArray()[1]).isSameAs(u2.id());
  }

  @Test
  void membershipsOfListedUsersSortAsStringsAndShareTheUsersIds() throws IOException {
    java.util.Random rnd = new java.util.Random(3);
    List<LiveUser> users = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      // Ids whose string order is not their number's: u10 < u100 < u11 < u2; some not starting with u.
      String id = (i % 7 == 0 ? "x" : "u") + rnd.nextInt(100_000);
      users.add(new LiveUser(new String(id), "e" + i + "@acme.example", null, null,
          io.roleform.portal.UserStatus.ACTIVE, false));
    }
    users.add(users.get(5)); // listed twice: still one member
    java.util.Collections.shuffle(users, rnd);
    MemberPages pages = new MemberPages();
    java.util.Map<String, java.util.TreeSet<String>> expected = new java.util.HashMap<>();
    var roles = new ArrayList<LiveRole>();
    for (int r = 0; r < 20; r++) {
      roles.add(role("r" + r));
      expected.put("r" + r, new java.util.TreeSet<>());
    }
    for (int page = 0; page < 5; page++) {
      StringBuilder body = new StringBuilder("{\"items\":[");
      for (int m = 0; m < 600; m++) {
        String roleId = "r" + (page * 4 + m / 150) % 19; // grouped by role; r19 has none
        String userId = users.get(rnd.nextInt(users.size())).id();
        expected.get(roleId).add(userId);
        body.append(m == 0 ? "" : ",").append("{\"roleId\":\"").append(roleId).append("\",\"userId\":\"")
            .append(userId).append("\"}");
      }
      ListPage.read(JSON, bytes(body.append("],\"nextCursor\":null}").toString()), pages.item());
    }
    var members = pages.byRole(roles, users);
    java.util.Map<String, LiveUser> byId = new java.util.HashMap<>();
    for (LiveUser u : users) byId.putIfAbsent(u.id(), u);
    for (LiveRole role : roles) {
      assertThat(List.copyOf(members.get(role.id()))).as(role.id()).containsExactlyElementsOf(expected.get(role.id()));
      for (String id : members.get(role.id())) {
        assertThat(id).isSameAs(byId.get(id).id());
        assertThat(members.get(role.id()).contains(new String(id))).isTrue();
      }
    }
    assertThat(members.get("r19")).isEmpty();
  }

  private static LiveRole role(String id) {
    return new LiveRole(id, id, "", List.of(), List.of(), 1, false, false, 0, "1");
  }

  private static String trouble(String body) {
    Reply reply = new Reply("GET /api/v1/roles", 200, "OK", "application/json", "1", null, bytes(body), 1);
    try {
      ListPage.read(JSON, reply.body(), LiveItems.roles(new ArrayList<>()));
      throw new AssertionError("no problem found in " + body);
    } catch (IOException e) {
      return JsonTrouble.describe(e, reply, new Failures(JSON, "tok"));
    }
  }

  private static String missing(String body) {
    try {
      ListPage.read(JSON, bytes(body), LiveItems.roles(new ArrayList<>()));
      throw new AssertionError("nothing missing in " + body);
    } catch (Wire.Missing e) {
      return e.getMessage();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  // ---- random valid pages -------------------------------------------------------------------

  private static byte[] page(Random r, String list) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
      if (r.nextBoolean()) g.useDefaultPrettyPrinter();
      g.writeStartObject();
      boolean cursorFirst = r.nextInt(5) == 0;
      if (cursorFirst) cursor(r, g);
      if (r.nextInt(4) == 0) {
        g.writeFieldName("total");
        g.writeNumber(r.nextInt(100));
      }
      g.writeFieldName("items");
      if (r.nextInt(20) == 0) {
        g.writeNull();
      } else {
        g.writeStartArray();
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) item(r, g, list);
        g.writeEndArray();
      }
      if (!cursorFirst) cursor(r, g);
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  private static void cursor(Random r, JsonGenerator g) throws IOException {
    switch (r.nextInt(5)) {
      case 0 -> { } // absent
      case 1 -> g.writeNullField("nextCursor");
      default -> g.writeStringField("nextCursor", text(r));
    }
  }

  private static void item(Random r, JsonGenerator g, String list) throws IOException {
    List<Runnable> fields = new ArrayList<>();
    Io io = new Io(g);
    fields.add(() -> io.string("id", "id-" + text(r)));
    switch (list) {
      case "users" -> {
        fields.add(() -> io.string("email", text(r) + "@acme.example"));
        if (r.nextBoolean()) fields.add(() -> io.maybe(r, "firstName", text(r)));
        if (r.nextBoolean()) fields.add(() -> io.maybe(r, "lastName", text(r)));
        String[] statuses = {"active", "pending", "disabled", "ACTIVE"};
        fields.add(() -> io.string("status", statuses[r.nextInt(statuses.length)]));
        if (r.nextBoolean()) fields.add(() -> io.bool(r, "external"));
        if (r.nextBoolean()) fields.add(() -> io.strings(r, "departments"));
        if (r.nextBoolean()) fields.add(() -> io.maybe(r, "version", Integer.toString(r.nextInt(9))));
      }
      case "roles" -> {
        fields.add(() -> io.string("name", text(r)));
        if (r.nextBoolean()) fields.add(() -> io.maybe(r, "description", text(r)));
        if (r.nextBoolean()) fields.add(() -> io.strings(r, "permissions"));
        if (r.nextBoolean()) fields.add(() -> io.strings(r, "caseActions"));
        fields.add(() -> io.integer(r, "position"));
        if (r.nextBoolean()) fields.add(() -> io.bool(r, "builtIn"));
        if (r.nextBoolean()) fields.add(() -> io.bool(r, "fixedPermissions"));
        if (r.nextBoolean()) fields.add(() -> io.integer(r, "memberCount"));
        if (r.nextBoolean()) fields.add(() -> io.maybe(r, "version", Integer.toString(r.nextInt(9))));
      }
      case "departments" -> {
        fields.add(() -> io.string("name", text(r)));
        if (r.nextBoolean()) fields.add(() -> io.maybe(r, "version", Integer.toString(r.nextInt(9))));
      }
      default -> {
        if (r.nextBoolean()) fields.add(() -> io.maybe(r, "name", text(r)));
        if (r.nextBoolean()) fields.add(() -> io.maybe(r, "description", text(r)));
        if (r.nextBoolean()) fields.add(() -> io.strings(r, "caseActions"));
      }
    }
    if (r.nextInt(3) == 0) fields.add(() -> io.unknown(r));
    java.util.Collections.shuffle(fields, r);
    try {
      g.writeStartObject();
      fields.forEach(Runnable::run);
      g.writeEndObject();
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static String text(Random r) {
    String alphabet = "abcXYZ019-_=/+ é\"\\\u2028\t€";
    StringBuilder b = new StringBuilder();
    int n = 1 + r.nextInt(8);
    for (int i = 0; i < n; i++) b.append(alphabet.charAt(r.nextInt(r.nextInt(3) == 0 ? alphabet.length() : 17)));
    return b.toString();
  }

  /** Writes fields, some as Jackson would coerce them. */
  private record Io(JsonGenerator g) {
    void string(String name, String value) {
      run(() -> g.writeStringField(name, value));
    }

    void maybe(Random r, String name, String value) {
      run(() -> {
        if (r.nextInt(4) == 0) g.writeNullField(name);
        else g.writeStringField(name, value);
      });
    }

    void bool(Random r, String name) {
      run(() -> {
        switch (r.nextInt(4)) {
          case 0 -> g.writeNullField(name);
          case 1 -> g.writeStringField(name, r.nextBoolean() ? "true" : "false");
          default -> g.writeBooleanField(name, r.nextBoolean());
        }
      });
    }

    void integer(Random r, String name) {
      run(() -> {
        int v = r.nextInt(2000);
        switch (r.nextInt(4)) {
          case 0 -> g.writeStringField(name, Integer.toString(v));
          default -> g.writeNumberField(name, v);
        }
      });
    }

    void strings(Random r, String name) {
      run(() -> {
        if (r.nextInt(5) == 0) {
          g.writeNullField(name);
          return;
        }
        g.writeArrayFieldStart(name);
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          if (r.nextInt(6) == 0) g.writeNumber(r.nextInt(50));
          else g.writeString(text(r));
        }
        g.writeEndArray();
      });
    }

    void unknown(Random r) {
      run(() -> {
        g.writeFieldName("x" + r.nextInt(1000));
        g.writeStartObject();
        g.writeArrayFieldStart("nextCursor");
        g.writeString("no");
        g.writeEndArray();
        g.writeEndObject();
      });
    }

    private interface Io2 {
      void run() throws IOException;
    }

    private static void run(Io2 w) {
      try {
        w.run();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
