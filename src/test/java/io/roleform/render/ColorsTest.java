package io.roleform.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ColorsTest {

  @Test
  void colourOnATerminalByDefault() {
    assertThat(Colors.enabled(true, Map.of())).isTrue();
    assertThat(Colors.enabled(true, Map.of("TERM", "xterm-256color"))).isTrue();
  }

  @Test
  void noColourWhenNotATerminal() {
    assertThat(Colors.enabled(false, Map.of())).isFalse();
    assertThat(Colors.enabled(false, Map.of("TERM", "xterm"))).isFalse();
  }

  @Test
  void noColourWhenNoColorIsSetToAnyNonEmptyValue() {
    assertThat(Colors.enabled(true, Map.of("NO_COLOR", "1"))).isFalse();
    assertThat(Colors.enabled(true, Map.of("NO_COLOR", "0"))).isFalse();
    assertThat(Colors.enabled(true, Map.of("NO_COLOR", "false"))).isFalse();
    // no-color.org: an empty NO_COLOR does not disable colour
    assertThat(Colors.enabled(true, Map.of("NO_COLOR", ""))).isTrue();
  }

  @Test
  void noColourOnADumbTerminal() {
    assertThat(Colors.enabled(true, Map.of("TERM", "dumb"))).isFalse();
  }
}
