package io.roleform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The packed positions of list items: one int per item while lines and columns are small, pairs
 * once one is not, and the same positions either way — before and after {@link ItemPositions#trim}.
 */
class ItemPositionsTest {

  @Test
  void givesBackEveryPositionInBothFormsAndAfterTrimming() {
    Random random = new Random(14);
    for (int run = 0; run < 200; run++) {
      ItemPositions p = new ItemPositions("f.yaml");
      List<int[]> added = new ArrayList<>();
      int n = random.nextInt(60);
      int wideAt = random.nextBoolean() ? random.nextInt(n + 1) : -1;
      for (int i = 0; i < n; i++) {
        if (random.nextInt(8) == 0) {
          p.addElsewhere();
          added.add(null);
          continue;
        }
        int line = 1 + random.nextInt(5_000);
        int column = 1 + random.nextInt(2_047);
        if (i == wideAt) { // a value past the one-int form: a long line, or a line past 2^20
          if (random.nextBoolean()) column = 2_048 + random.nextInt(Limits.MAX_LINE_CHARS);
          else line = (1 << 20) + random.nextInt(3_000_000);
        }
        p.add(line, column);
        added.add(new int[] {line, column});
      }
      check(p, added);
      p.trim();
      check(p, added);
      assertThat(p.complete()).isEqualTo(!added.contains(null));
    }
  }

  @Test
  void theBoundariesOfTheOneIntForm() {
    ItemPositions p = new ItemPositions("f.yaml");
    p.add((1 << 20) - 1, 2_047);
    p.add(1, 1);
    assertThat(p.get(0)).isEqualTo(new SourcePosition("f.yaml", (1 << 20) - 1, 2_047));
    p.add(1 << 20, 1);
    p.add(2, 2_048);
    assertThat(p.get(0)).isEqualTo(new SourcePosition("f.yaml", (1 << 20) - 1, 2_047));
    assertThat(p.get(1)).isEqualTo(new SourcePosition("f.yaml", 1, 1));
    assertThat(p.get(2)).isEqualTo(new SourcePosition("f.yaml", 1 << 20, 1));
    assertThat(p.get(3)).isEqualTo(new SourcePosition("f.yaml", 2, 2_048));
    assertThat(p.get(4)).isNull();
    assertThat(p.get(-1)).isNull();
  }

  @Test
  void aListItemFarToTheRightIsPositionedExactly() {
    // A flow list whose last items start past column 2,047: read by the plain scanner, positioned
    // as SnakeYAML positions them.
    StringBuilder yaml = new StringBuilder("apiVersion: roleform/v1\nroles:\n  - name: A\n    permissions: [");
    for (int i = 0; i < 300; i++) yaml.append(i == 0 ? "" : ", ").append("perm").append(i);
    yaml.append("]\n");
    byte[] bytes = yaml.toString().getBytes(StandardCharsets.UTF_8);
    for (boolean plain : new boolean[] {true, false}) {
      List<Diagnostic> problems = new ArrayList<>();
      ParsedDocument doc = YamlStream.documents("t.yaml", bytes, new EnvSubstitution(Variables.NONE), problems, plain)
          .get(0).document();
      assertThat(problems).isEmpty();
      int column = yaml.indexOf("perm299") - yaml.lastIndexOf("\n", yaml.indexOf("perm299"));
      assertThat(column).isGreaterThan(2_047);
      assertThat(doc.positionOf("/roles/0/permissions/299")).isEqualTo(new SourcePosition("t.yaml", 4, column));
      assertThat(doc.positionOf("/roles/0/permissions/0")).isEqualTo(new SourcePosition("t.yaml", 4, 19));
    }
  }

  private static void check(ItemPositions p, List<int[]> added) {
    assertThat(p.size()).isEqualTo(added.size());
    for (int i = 0; i < added.size(); i++) {
      int[] a = added.get(i);
      assertThat(p.get(i)).isEqualTo(a == null ? null : new SourcePosition("f.yaml", a[0], a[1]));
    }
    assertThat(p.get(added.size())).isNull();
  }
}
