package io.roleform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConsistencyKeyTest {
  private static final String ALPHABET = "abcxyzABCXYZ09@.-_ \u00e9\u00c9\u00df\u0130\u0131\u212a\u03a3\u00ff\u0178\u007f\u0080";

  @Test
  void theKeyIsTheRootLocaleLowerCase() {
    Random random = new Random(14);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = random.nextInt(12); k > 0; k--) sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      String s = sb.toString();
      assertThat(ConsistencyCheck.key(s)).as(s).isEqualTo(s.toLowerCase(Locale.ROOT));
    }
    String lower = "dana@acme.example";
    assertThat(ConsistencyCheck.key(lower)).isSameAs(lower);
    // The Kelvin sign lowers to an ASCII k: its key meets the plain email's.
    assertThat(ConsistencyCheck.key("\u212aate@acme.example")).isEqualTo(ConsistencyCheck.key("Kate@acme.example"));
  }

  @Test
  void everyDuplicateIsReportedAtItsLineNamingTheFirstOnes() {
    Random random = new Random(7);
    for (int round = 0; round < 30; round++) {
      int n = 1 + random.nextInt(700);
      List<String> members = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String m = "u" + random.nextInt(n) + "@acme.example";
        members.add(random.nextInt(5) == 0 ? m.toUpperCase(Locale.ROOT) : m);
      }
      StringBuilder yaml = new StringBuilder("apiVersion: roleform/v1\nroles:\n  - name: R\n    members:\n");
      for (String m : members) yaml.append("      - ").append(m).append('\n');
      ConfigResult r = ConfigLoader.load(
          List.of(new ConfigSource("c.yaml", yaml.toString().getBytes(StandardCharsets.UTF_8))), "t", Variables.NONE);
      List<String> expected = new ArrayList<>();
      Map<String, Integer> first = new HashMap<>();
      for (int i = 0; i < n; i++) {
        Integer f = first.putIfAbsent(members.get(i).toLowerCase(Locale.ROOT), i);
        if (f != null) {
          expected.add((5 + i) + ": duplicate member `" + members.get(i) + "` in role `R` / line " + (5 + f));
        }
      }
      List<String> actual = new ArrayList<>();
      for (Diagnostic d : r.problems()) {
        actual.add(d.location().position().line() + ": " + d.message() + " / line "
            + d.hint().replaceAll("\\D+(\\d+).*", "$1"));
      }
      assertThat(actual).isEqualTo(expected);
    }
  }
}
