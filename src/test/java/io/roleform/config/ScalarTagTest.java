package io.roleform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.resolver.Resolver;

/** {@link EventComposer#implicitTag} is SnakeYAML's {@link Resolver} for every value, plain or not. */
class ScalarTagTest {
  @Test
  void implicitTagIsTheResolversTag() {
    EventComposer composer = new EventComposer(new PlainYamlEvents("", 1));
    Resolver resolver = new Resolver();
    List<String> values = new ArrayList<>(List.of("", "~", "null", "Null", "NULL", "nul", "n", "N", "y", "Y", "yes",
        "No", "on", "OFF", "true", "False", "12", "-3", "+4", "0x1F", "0o17", "0b101", "1_000", "1:30", "1.5", ".5",
        ".inf", "-.Inf", ".NaN", "1e3", "2024-01-31", "2001-12-14t21:59:43.10-05:00", "<<", "<", "=", "!", "&a",
        "*a", "ann@example.com", "Admin", "view-records", "é", "日本", "\0", " x", "x "));
    Random r = new Random(7);
    String chars = "yYnNtTfFoO-+0123456789.<~!&*=:_ eEaAxXbBsSlLuUrR\0é";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      int length = r.nextInt(12);
      for (int k = 0; k < length; k++) sb.append(chars.charAt(r.nextInt(chars.length())));
      values.add(sb.toString());
    }
    for (String v : values) {
      for (boolean implicit : new boolean[] {true, false}) {
        assertThat(composer.implicitTag(v, implicit)).as("'" + v + "' " + implicit)
            .isEqualTo(resolver.resolve(NodeId.scalar, v, implicit));
      }
    }
  }
}
