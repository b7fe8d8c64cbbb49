package io.roleform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The event reader ({@link YamlStream#documents}, {@link DocumentTree#read}) gives exactly what
 * composing nodes and converting them ({@link YamlStream#read}, {@link DocumentTree#convert}) gives:
 * the same JSON tree, the same positions of every value, key and list item, the same faulty
 * pointers, the same problems in the same order — on every YAML file of the test corpus and the
 * examples, and on random documents with anchors, aliases, merge keys, tags, duplicate keys,
 * variables, several documents and syntax errors mixed in.
 */
class EventTreeTest {
  private static final EnvSubstitution ENV =
      new EnvSubstitution(Variables.fromEnvironment(Map.of("ROLEFORM_VAR_TEAM", "blue")));

  @Test
  void everyCorpusFileReadsTheSameFromEvents() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Stream.concat(Files.walk(Path.of("src/test/resources")), Files.walk(Path.of("examples")))) {
      files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(100);
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      assertThat(events(f.toString(), bytes)).as(f.toString()).isEqualTo(nodes(f.toString(), bytes));
    }
  }

  @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
  void randomDocumentsReadTheSameFromEvents(@ForAll("documents") String yaml) {
    byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
    Outcome expected = nodes("t.yaml", bytes);
    Statistics.label("problems").collect(expected.problems().isEmpty() ? "none" : "some");
    Statistics.label("aliases").collect(yaml.contains("*") ? "alias" : "no alias");
    assertThat(events("t.yaml", bytes)).as(yaml).isEqualTo(expected);
  }

  @Test
  void anchorsAliasesMergesAndTagsReadTheSame() {
    String yaml = """
        apiVersion: roleform/v1
        x-base: &base
          description: shared ${TEAM}
          permissions: [a, b]
        x-list: &people
          - ann@example.com
          - &bob bob@example.com
        roles:
          - <<: *base
            name: A
            members: *people
          - name: B
            <<: [*base, {copyFrom: A}]
            members: [*bob, !!str 12, &n 5, *n, "${MISSING}", !custom x]
            name: again
          - ? [not, plain]
            : value
            !!str name: C
            description: !!binary aGk=
        ---
        ---
        apiVersion: roleform/v1
        order: [a, *undefined]
        """;
    byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
    Outcome expected = nodes("t.yaml", bytes);
    assertThat(expected.problems()).isNotEmpty();
    assertThat(events("t.yaml", bytes)).isEqualTo(expected);
    String good = yaml.substring(0, yaml.indexOf("---"));
    Outcome goodExpected = nodes("t.yaml", good.getBytes(StandardCharsets.UTF_8));
    assertThat(goodExpected.documents()).hasSize(1);
    assertThat(goodExpected.problems()).extracting(Diagnostic::message).anyMatch(m -> m.contains("duplicate key"))
        .anyMatch(m -> m.contains("not supported")).anyMatch(m -> m.contains("MISSING"));
    assertThat(events("t.yaml", good.getBytes(StandardCharsets.UTF_8))).isEqualTo(goodExpected);
  }

  // ---- generators -----------------------------------------------------------------------------

  private static final List<String> KEYS = List.of("apiVersion", "roles", "name", "description", "permissions",
      "members", "order", "settings", "owner", "users", "email", "until", "x-a", "");
  private static final List<String> WORDS = List.of("roleform/v1", "Admin", "view-records", "ann@example.com",
      "true", "False", "no", "off", "~", "null", "", "12", "-3.5e2", "0x1F", "09", "2024-01-31", "${TEAM}",
      "${MISSING}", "$${x}", "é 🙂", "a: b", "- x", "#c", "<<", "!", "&", "*");

  @Provide
  Arbitrary<String> documents() {
    Arbitrary<String> one = Combinators.combine(tree(4), Arbitraries.of(DumperOptions.FlowStyle.values()),
            Arbitraries.of(DumperOptions.ScalarStyle.PLAIN, DumperOptions.ScalarStyle.DOUBLE_QUOTED,
                DumperOptions.ScalarStyle.SINGLE_QUOTED, DumperOptions.ScalarStyle.LITERAL))
        .as(EventTreeTest::dump);
    Arbitrary<List<String>> edits = Arbitraries.of(EDITS).list().ofMaxSize(4);
    return Combinators.combine(one.list().ofMinSize(1).ofMaxSize(3), edits, Arbitraries.longs())
        .as((docs, e, seed) -> edit(String.join("---\n", docs), e, seed));
  }

  private Arbitrary<Object> tree(int depth) {
    Arbitrary<Object> scalar = Arbitraries.oneOf(Arbitraries.of(WORDS).map(s -> (Object) s),
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12).map(s -> (Object) s),
        Arbitraries.integers().between(-5, 500).map(i -> (Object) i), Arbitraries.of(true, false).map(b -> (Object) b));
    if (depth == 0) return scalar;
    Arbitrary<Object> list = tree(depth - 1).list().ofMaxSize(6).map(l -> (Object) l);
    Arbitrary<Object> map = Arbitraries.maps(Arbitraries.of(KEYS), tree(depth - 1)).ofMaxSize(5)
        .map(m -> (Object) new LinkedHashMap<>(m));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, scalar), net.jqwik.api.Tuple.of(2, list),
        net.jqwik.api.Tuple.of(3, map));
  }

  private static String dump(Object tree, DumperOptions.FlowStyle flow, DumperOptions.ScalarStyle style) {
    DumperOptions o = new DumperOptions();
    o.setDefaultFlowStyle(flow);
    o.setDefaultScalarStyle(style);
    return new Yaml(o).dump(tree);
  }

  /** Text edits that bring in what a dumped tree lacks: anchors, aliases, merges, tags, duplicates, errors. */
  private static final List<String> EDITS = List.of("anchor", "alias", "merge", "mergeList", "tag", "badTag",
      "duplicate", "unknownAlias", "syntax", "emptyDoc", "complexKey", "variable");

  private static String edit(String yaml, List<String> edits, long seed) {
    java.util.Random r = new java.util.Random(seed);
    StringBuilder out = new StringBuilder(yaml);
    for (String e : edits) {
      String s = out.toString();
      int line = lineStart(s, r);
      String add = switch (e) {
        case "anchor" -> "x-a" + r.nextInt(3) + ": &a" + r.nextInt(3) + " {name: N, members: [m@x.y, n@x.y]}\n";
        case "alias" -> "x-b" + r.nextInt(3) + ": *a" + r.nextInt(3) + "\n";
        case "merge" -> "x-c" + r.nextInt(3) + ": {<<: *a" + r.nextInt(3) + ", name: M}\n";
        case "mergeList" -> "x-d: {<<: [*a0, {k: v}], k: w}\n";
        case "tag" -> "x-e: !!str " + r.nextInt(100) + "\n";
        case "badTag" -> "x-f: !local [1, 2]\n";
        case "duplicate" -> "apiVersion: roleform/v1\n";
        case "unknownAlias" -> "x-g: *nowhere\n";
        case "syntax" -> "x-h: [unclosed\n";
        case "emptyDoc" -> "---\n";
        case "complexKey" -> "? [a, b]\n: c\n";
        case "variable" -> "x-i: \"${TEAM}-${NOPE}\"\n";
        default -> "";
      };
      // Inserted at the start of a top-level line of a block mapping document, or prepended.
      out.insert(line, add);
    }
    return out.toString();
  }

  private static int lineStart(String s, java.util.Random r) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < s.length() - 1; i++) {
      if (s.charAt(i) == '\n' && Character.isLetter(s.charAt(i + 1))) starts.add(i + 1);
    }
    return starts.get(r.nextInt(starts.size()));
  }

  // ---- the two readers, compared ----------------------------------------------------------------

  /** Everything a reader gives, in comparable form. */
  record Outcome(List<Object> documents, List<Diagnostic> problems) {}

  private static Outcome nodes(String file, byte[] bytes) {
    List<Diagnostic> problems = new ArrayList<>();
    List<Node> nodes = YamlStream.read(file, bytes, problems);
    List<Object> docs = new ArrayList<>();
    for (Node n : nodes) {
      if (nodes.size() > 1 && DocumentTree.isEmpty(n)) continue;
      docs.add(YamlEventDescriptions.document(DocumentTree.convert(file, n, ENV, problems)));
    }
    return new Outcome(docs, problems);
  }

  private static Outcome events(String file, byte[] bytes) {
    List<Diagnostic> problems = new ArrayList<>();
    List<DocumentTree.Read> read = YamlStream.documents(file, bytes, ENV, problems);
    List<Object> docs = new ArrayList<>();
    for (DocumentTree.Read r : read) {
      if (read.size() > 1 && r.empty()) continue;
      problems.addAll(r.problems());
      docs.add(YamlEventDescriptions.document(r.document()));
    }
    return new Outcome(docs, problems);
  }
}
