package io.roleform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** FaultSpec.parse and GenerateSpec.parse: values, defaults and clear errors. */
class SpecParsingTest {
  @Test
  void fault_spec_parses_every_key() {
    assertThat(FaultSpec.parse("5xx=0.1,429=0.05,reset=0.05,latency=5..50"))
        .isEqualTo(new FaultSpec(0.1, 0.05, 0.05, 5, 50));
    assertThat(FaultSpec.parse("latency=7")).isEqualTo(new FaultSpec(0, 0, 0, 7, 7));
    assertThat(FaultSpec.parse("").isNone()).isTrue();
  }

  @Test
  void fault_spec_errors_name_the_part() {
    assertThatThrownBy(() -> FaultSpec.parse("5xx=2")).hasMessageContaining("5xx").hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> FaultSpec.parse("boom=0.1")).hasMessageContaining("unknown fault 'boom'");
    assertThatThrownBy(() -> FaultSpec.parse("reset")).hasMessageContaining("no value");
    assertThatThrownBy(() -> FaultSpec.parse("latency=50..5")).hasMessageContaining("latency");
    assertThatThrownBy(() -> FaultSpec.parse("latency=a..b")).hasMessageContaining("milliseconds");
    assertThatThrownBy(() -> FaultSpec.parse("5xx=0.6,429=0.6")).hasMessageContaining("more than 1");
  }

  @Test
  void generate_spec_parses_and_checks_sizes() {
    assertThat(GenerateSpec.parse("users=50000,roles=1000,memberships=200000"))
        .isEqualTo(new GenerateSpec(50_000, 1_000, 200_000));
    assertThat(GenerateSpec.parse("users=10")).isEqualTo(new GenerateSpec(10, 0, 0));
    assertThatThrownBy(() -> GenerateSpec.parse("users=x")).hasMessageContaining("not a whole number");
    assertThatThrownBy(() -> GenerateSpec.parse("groups=1")).hasMessageContaining("unknown generate key 'groups'");
    assertThatThrownBy(() -> GenerateSpec.parse("users=2,roles=2,memberships=100")).hasMessageContaining("more than");
    assertThatThrownBy(() -> GenerateSpec.parse("users=-1")).hasMessageContaining("out of range");
  }
}
