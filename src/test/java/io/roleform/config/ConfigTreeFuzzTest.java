package io.roleform.config;


import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Structural fuzzing of the loader and validator: random YAML trees (maps, lists and scalars of
 * every YAML type, nested up to 6 levels, keys drawn mostly from the config vocabulary so the
 * validator is reached, not only the parser), trees shaped like a config with random roles, and
 * whole files of random bytes. Loading never throws, ends in a state or positioned problems, and
 * takes under 5 s per input. {@link ConfigFuzzTest} covers mutations of the examples (deep
 * nesting, alias bombs, huge scalars).
 */
class ConfigTreeFuzzTest {
  private static final List<String> KEYS = List.of("apiVersion", "roles", "name", "description", "permissions",
      "members", "order", "settings", "owner", "allowView", "notifyMembers", "copyFrom", "formerNames",
      "removed", "moveMembersTo", "caseActions", "unknownKey", "");
  private static final List<String> WORDS = List.of("roleform/v1", "roleform/v2", "Admin", "Editors", "Viewers",
      "view-records", "add-records", "manage-members", "alice@acme.example", "victor@acme.example",
      "nobody@nowhere", "${HOME}", "${MISSING}", "$${escaped}", "", " ", "é ü 🙂", "a\u0000b", "\t");

  @Provide
  Arbitrary<Object> trees() {
    return node(6);
  }

  private Arbitrary<Object> node(int depth) {
    Arbitrary<Object> scalar = Arbitraries.oneOf(
        Arbitraries.of(WORDS).map(s -> (Object) s),
        Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s),
        Arbitraries.integers().map(i -> (Object) i),
        Arbitraries.doubles().map(d -> (Object) d),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.just((Object) null).map(n -> n));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<Object> list = node(depth - 1).list().ofMaxSize(5).map(l -> (Object) l);
    Arbitrary<Object> map = Arbitraries.maps(
            Arbitraries.oneOf(Arbitraries.of(KEYS), Arbitraries.strings().alpha().ofMaxLength(8)),
            node(depth - 1))
        .ofMaxSize(5).map(m -> (Object) new LinkedHashMap<>(m));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, scalar), net.jqwik.api.Tuple.of(2, list), net.jqwik.api.Tuple.of(3, map));
  }

  @Provide
  Arbitrary<Object> configShaped() {
    Arbitrary<Map<String, Object>> role = Arbitraries.maps(Arbitraries.of(KEYS), node(2)).ofMaxSize(6)
        .map(LinkedHashMap::new);
    return Arbitraries.lazy(() -> role.list().ofMaxSize(8)).flatMap(roles ->
        node(3).map(extra -> {
          Map<String, Object> doc = new LinkedHashMap<>();
          doc.put("apiVersion", "roleform/v1");
          doc.put("roles", roles);
          if (extra instanceof Map<?, ?> m && !m.isEmpty()) {
            doc.put("settings", m);
          } else {
            doc.put("order", extra);
          }
          return (Object) doc;
        }));
  }

  @Property(tries = 150, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
  void randomTreesNeverThrow(@ForAll("trees") Object tree) throws IOException {
    check(dump(tree).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Property(tries = 150, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
  void configShapedTreesNeverThrow(@ForAll("configShaped") Object tree) throws IOException {
    check(dump(tree).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Property(tries = 150, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
  void randomBytesNeverThrow(@ForAll("bytes") byte[] bytes) throws IOException {
    check(bytes);
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
  }

  private static String dump(Object tree) {
    DumperOptions o = new DumperOptions();
    o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    o.setAllowUnicode(true);
    return new Yaml(o).dump(tree);
  }

  private static void check(byte[] config) throws IOException {
    ConfigFuzzTest.assertLoadsCleanly(config);
  }
}
