package io.roleform.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.diff.CodeSpans.Segment;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class CodeSpansTest {
  @Test
  void splitsAMessageIntoTextAndNames() {
    assertThat(CodeSpans.parse("role `Interns` is not in the config; left as it is")).containsExactly(
        new Segment("role ", false), new Segment("Interns", true),
        new Segment(" is not in the config; left as it is", false));
    assertThat(CodeSpans.plain("member of `Billing` and `Audit`")).isEqualTo("member of Billing and Audit");
  }

  @Test
  void anUnclosedBacktickIsText() {
    assertThat(CodeSpans.parse("a ` b")).containsExactly(new Segment("a ` b", false));
    assertThat(CodeSpans.plain("x ``y` z")).isEqualTo("x ``y` z");
  }

  @Test
  void aNameWithBackticksStaysOneSpan() {
    String message = "role " + CodeSpans.code("`rm -rf` x``y") + " is unmanaged";
    assertThat(CodeSpans.parse(message)).containsExactly(
        new Segment("role ", false), new Segment("`rm -rf` x``y", true), new Segment(" is unmanaged", false));
  }

  @Test
  void spacesAtBothEndsSurvive() {
    assertThat(CodeSpans.plain(CodeSpans.code(" a "))).isEqualTo(" a ");
    assertThat(CodeSpans.plain(CodeSpans.code(" "))).isEqualTo(" ");
  }

  @Property(tries = 300)
  void everyNameRoundTrips(@ForAll String before, @ForAll @StringLength(min = 1) String name) {
    String prefix = before.replace("`", "");
    String message = prefix + CodeSpans.code(name) + ".";
    assertThat(CodeSpans.plain(message)).isEqualTo(prefix + name + ".");
  }
}
