package io.roleform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void theSchemaIsCompiledAheadOnlyForCommandsAboutToLoadAConfig() {
    for (String command : new String[] {"validate", "plan", "apply", "check", "report"}) {
      assertThat(Main.loadsConfig(new String[] {command, "config/"})).as(command).isTrue();
      assertThat(Main.loadsConfig(new String[] {command, "config/", "--help"})).as(command).isFalse();
      assertThat(Main.loadsConfig(new String[] {command, "-h"})).as(command).isFalse();
      assertThat(Main.loadsConfig(new String[] {command})).as(command).isFalse();
    }
    assertThat(Main.loadsConfig(new String[] {"export", "out/"})).isFalse();
    assertThat(Main.loadsConfig(new String[] {"sandbox", "--port", "0"})).isFalse();
    assertThat(Main.loadsConfig(new String[] {"--version"})).isFalse();
    assertThat(Main.loadsConfig(new String[] {})).isFalse();
  }
}
