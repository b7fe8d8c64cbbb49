package io.roleform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The schema check's fast path for members and permissions ({@link ListFastPath}) gives exactly
 * the diagnostics of the full networknt validation — same accept/reject, same messages at the same
 * positions — on random config documents: roles with lists of valid and invalid emails and
 * permission ids, items of other types (numbers, booleans, null, lists, mappings), lists that are
 * not lists, unknown keys, missing names, roles that are not mappings, and a wrong or missing
 * apiVersion.
 */
class ListFastPathTest {
  private static final List<String> EMAILS = List.of("alice@acme.example", "bob.smith+x@mail.acme.example",
      "é@ü.example", "u1@x.io", "a@b.c");
  private static final List<String> BAD_EMAILS = List.of("no-at-sign", "a@b", "two@@x.example", " lead@x.example",
      "trail@x.example ", "in side@x.example", "", "@x.example", "x@y.z\u00a0", "a\u2028@b.c", "line@x.example\n");
  private static final List<String> PERMISSIONS = List.of("billing", "view-records", "a", "0-9", "manage-members");
  private static final List<String> BAD_PERMISSIONS = List.of("Billing", "view_records", "-x", "", "a b", "x\n",
      "Ünïcode", "view-records ");
  private static final List<String> ROLE_KEYS = List.of("name", "description", "permissions", "members",
      "formerNames", "copyFrom", "caseActions", "unknownKey");

  @Property(tries = 300)
  void fastPathGivesTheFullValidationsDiagnostics(@ForAll("documents") Map<String, Object> document) {
    String yaml = dump(document);
    ParsedDocument parsed = parse(yaml);
    boolean fast = FAST.strip(parsed.root()) != parsed.root();
    Statistics.label("fast path taken").collect(fast);
    Statistics.label("diagnostics").collect(diagnostics(parsed, false).isEmpty() ? "none" : "some");
    assertThat(diagnostics(parsed, true)).as(yaml).isEqualTo(diagnostics(parsed, false));
    Statistics.label("fast path taken").coverage(c -> c.check(true).percentage(p -> p >= 10));
    Statistics.label("diagnostics").coverage(c -> c.check("some").percentage(p -> p >= 10));
  }

  private static final ListFastPath FAST = ListFastPath.of(schemaJson());

  @Test
  void aValidDocumentTakesTheFastPathAndPasses() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("apiVersion", "roleform/v1");
    Map<String, Object> role = new LinkedHashMap<>();
    role.put("name", "Editors");
    role.put("permissions", List.of("billing", "view-records"));
    role.put("members", List.of("alice@acme.example", "bob@acme.example"));
    doc.put("roles", List.of(role));
    ParsedDocument parsed = parse(dump(doc));
    assertThat(ListFastPath.of(schemaJson()).strip(parsed.root())).isNotSameAs(parsed.root());
    assertThat(diagnostics(parsed, true)).isEmpty();
  }

  @Test
  void aBadMemberFallsBackToTheFullValidationWithItsMessage() {
    String yaml = "apiVersion: roleform/v1\nroles:\n  - name: Editors\n    members: [alice@acme.example, bob]\n";
    ParsedDocument parsed = parse(yaml);
    List<Diagnostic> fast = diagnostics(parsed, true);
    assertThat(fast).singleElement().satisfies(d -> {
      assertThat(d.message()).isEqualTo("`bob` is not an email address");
      assertThat(d.position().line()).isEqualTo(4);
      assertThat(d.position().column()).isEqualTo(35);
    });
    assertThat(fast).isEqualTo(diagnostics(parsed, false));
  }

  private static List<Diagnostic> diagnostics(ParsedDocument doc, boolean fast) {
    List<Diagnostic> problems = new ArrayList<>();
    SchemaCheck.instance().check(doc, problems, fast);
    return problems.stream().sorted(Diagnostic.ORDER).toList();
  }

  private static ParsedDocument parse(String yaml) {
    List<Diagnostic> problems = new ArrayList<>();
    List<Node> nodes = YamlStream.read("t.yaml", yaml.getBytes(StandardCharsets.UTF_8), problems);
    assertThat(problems).as(yaml).isEmpty();
    return DocumentTree.convert("t.yaml", nodes.get(0), new EnvSubstitution(Map.of()), problems);
  }

  private static com.fasterxml.jackson.databind.JsonNode schemaJson() {
    try (var in = ListFastPathTest.class.getClassLoader().getResourceAsStream(SchemaCheck.RESOURCE)) {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String dump(Map<String, Object> document) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setWidth(1000);
    options.setDereferenceAliases(true);
    return new Yaml(options).dump(document);
  }

  /** Two thirds of the documents have lists of valid items only (the fast path), the rest mixed ones. */
  @Provide
  Arbitrary<Map<String, Object>> documents() {
    return Arbitraries.of(true, true, false).flatMap(this::documents);
  }

  private Arbitrary<Map<String, Object>> documents(boolean clean) {
    Arbitrary<Object> apiVersion = Arbitraries.frequencyOf(
        Tuple.of(12, Arbitraries.just((Object) "roleform/v1")),
        Tuple.of(1, Arbitraries.just((Object) "roleform/v2")),
        Tuple.of(1, Arbitraries.just((Object) 1)),
        Tuple.of(1, Arbitraries.just((Object) "absent")));
    Arbitrary<Object> roles = role(clean).list().ofMaxSize(6).map(l -> (Object) l);
    return Combinators.combine(apiVersion, roles, Arbitraries.integers().between(0, 9)).as((v, r, extra) -> {
      Map<String, Object> doc = new LinkedHashMap<>();
      if (!"absent".equals(v)) doc.put("apiVersion", v);
      doc.put("roles", extra == 0 ? "not a list" : r);
      if (extra == 1) doc.put("order", List.of("Editors", 7));
      if (extra == 2) doc.put("unknownTop", true);
      return doc;
    });
  }

  private Arbitrary<Object> role(boolean clean) {
    Arbitrary<Map<String, Object>> mapping = Combinators.combine(
        Arbitraries.of(ROLE_KEYS).set().ofMaxSize(ROLE_KEYS.size()),
        members(clean), list(PERMISSIONS, BAD_PERMISSIONS, clean),
        list(PERMISSIONS, BAD_PERMISSIONS, clean),
        Arbitraries.of("Editors", "Viewers", " padded ", "", "x\ny"))
        .as((keys, members, permissions, caseActions, name) -> {
          Map<String, Object> role = new LinkedHashMap<>();
          for (String key : ROLE_KEYS) {
            if (!keys.contains(key)) continue;
            switch (key) {
              case "name" -> role.put(key, name);
              case "members" -> role.put(key, members);
              case "permissions" -> role.put(key, permissions);
              case "caseActions" -> role.put(key, caseActions);
              case "formerNames" -> role.put(key, List.of("Old"));
              default -> role.put(key, "text");
            }
          }
          return role;
        });
    return Arbitraries.frequencyOf(
        Tuple.of(12, mapping.map(m -> (Object) m)),
        Tuple.of(1, Arbitraries.just((Object) "a role that is text")));
  }

  /**
   * Members: as {@link #list}, and sometimes with {@code {email, until}} entries (valid or not), which
   * keep that list on the full validation while the role's other lists may take the fast path.
   */
  private static Arbitrary<Object> members(boolean clean) {
    Arbitrary<Object> expiring = Arbitraries.of(
        Map.of("email", "carol@acme.example", "until", "2031-02-03"),
        Map.of("email", "carol@acme.example", "until", "soon"),
        Map.of("email", "no-at-sign", "until", "2031-02-03"),
        Map.of("email", "carol@acme.example")).map(m -> (Object) m);
    return Arbitraries.frequencyOf(
        Tuple.of(4, list(EMAILS, BAD_EMAILS, clean)),
        Tuple.of(1, Combinators.combine(Arbitraries.of(EMAILS).list().ofMaxSize(5), expiring,
            Arbitraries.integers().between(0, 5)).as((l, e, i) -> {
              List<Object> items = new ArrayList<>(l);
              items.add(Math.min(i, items.size()), e);
              return (Object) items;
            })));
  }

  /** A list of mostly valid items, sometimes invalid ones or other types, or sometimes not a list. */
  private static Arbitrary<Object> list(List<String> good, List<String> bad, boolean clean) {
    if (clean) return Arbitraries.of(good).list().ofMaxSize(8).map(l -> (Object) l);
    Arbitrary<Object> item = Arbitraries.frequencyOf(
        Tuple.of(30, Arbitraries.of(good).map(s -> (Object) s)),
        Tuple.of(2, Arbitraries.of(bad).map(s -> (Object) s)),
        Tuple.of(1, Arbitraries.integers().between(-5, 5).map(i -> (Object) i)),
        Tuple.of(1, Arbitraries.of(true, false).map(b -> (Object) b)),
        Tuple.of(1, Arbitraries.just((Object) null).map(n -> n)),
        Tuple.of(1, Arbitraries.just((Object) List.of("nested@acme.example"))),
        Tuple.of(1, Arbitraries.just((Object) Map.of("email", "alice@acme.example"))),
        Tuple.of(1, Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s)));
    return Arbitraries.frequencyOf(
        Tuple.of(12, item.list().ofMaxSize(8).map(l -> (Object) l)),
        Tuple.of(1, Arbitraries.of(good).map(s -> (Object) s)),
        Tuple.of(1, Arbitraries.just((Object) Map.of("a", 1))));
  }
}
