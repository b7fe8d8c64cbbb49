package io.roleform.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.regex.JDKRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpression;
import java.io.IOException;
import java.io.InputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * {@link EmailPattern} accepts exactly what the validator's regular expression for the schema's
 * email pattern accepts, on random strings built from the characters that matter ({@code @},
 * {@code .}, white space, control characters, line separators, non-ASCII, surrogates).
 */
class EmailPatternTest {
  private static final RegularExpression REGEX =
      JDKRegularExpressionFactory.getInstance().getRegularExpression(EmailPattern.PATTERN);

  @Test
  void theSchemaStillWritesThisPattern() throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(SchemaCheck.RESOURCE)) {
      JsonNode schema = new ObjectMapper().readTree(in);
      assertThat(schema.path("$defs").path("email").path("pattern").asText()).isEqualTo(EmailPattern.PATTERN);
    }
  }

  @Test
  void examples() {
    for (String ok : new String[] {"a@b.c", "alice@acme.example", "é@ü.example", "a.b@c..d", "x@y.z\u0085", "a@b.c\u2028"}) {
      assertThat(EmailPattern.matches(ok)).as(ok).isEqualTo(REGEX.matches(ok)).isTrue();
    }
    for (String bad : new String[] {"", "@b.c", "a@.c", "a@b.", "a@bc", "a@@b.c", "a@b@c.d", "a b@c.d", "a@b.c\n",
        "a@b.c ", "\ta@b.c", "a\u007f@b.c", "a\u0000@b.c"}) {
      assertThat(EmailPattern.matches(bad)).as(bad).isEqualTo(REGEX.matches(bad)).isFalse();
    }
  }

  @Property(tries = 3000)
  void sameAnswerAsTheRegularExpression(@ForAll("candidates") String s) {
    boolean expected = REGEX.matches(s);
    Statistics.collect(expected);
    assertThat(EmailPattern.matches(s)).as("%s", s.codePoints().mapToObj(Integer::toHexString).toList())
        .isEqualTo(expected);
    Statistics.coverage(c -> c.check(true).percentage(p -> p >= 15));
  }

  @Provide
  Arbitrary<String> candidates() {
    Arbitrary<Character> c = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(12, Arbitraries.chars().range('a', 'z')),
        net.jqwik.api.Tuple.of(4, Arbitraries.just('@')),
        net.jqwik.api.Tuple.of(4, Arbitraries.just('.')),
        net.jqwik.api.Tuple.of(2, Arbitraries.of(' ', '\t', '\n', '\u000B', '\f', '\r', '\u0000', '\u001f', '\u007f',
            '\u0085', '\u00a0', '\u2028', '\u2029', '\u3000', '\ud83d', '\ude00', '!', '+', '-', '$')),
        net.jqwik.api.Tuple.of(1, Arbitraries.chars()));
    Arbitrary<String> random = c.list().ofMaxSize(12).map(l -> {
      StringBuilder sb = new StringBuilder();
      l.forEach(sb::append);
      return sb.toString();
    });
    // Near-emails: a valid one with one character changed, inserted or appended.
    Arbitrary<String> near = net.jqwik.api.Combinators.combine(Arbitraries.of("ann@x.io", "a@b.c", "a.b@c.d.e"),
        Arbitraries.integers().between(0, 9), c).as((base, i, ch) -> {
          int at = Math.min(i, base.length());
          return base.substring(0, at) + ch + base.substring(at);
        });
    return Arbitraries.oneOf(random, near);
  }
}
