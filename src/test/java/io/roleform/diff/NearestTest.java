package io.roleform.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestTest {

  @Test
  void suggestsTheClosestSpelling() {
    assertThat(Nearest.of("biling", List.of("purchase", "billing", "logs"))).isEqualTo("billing");
    assertThat(Nearest.hint("LOGS", List.of("logs", "admin-logs"))).isEqualTo("did you mean `logs`?");
  }

  @Test
  void suggestsNothingWhenNothingIsClose() {
    assertThat(Nearest.of("domain-management", List.of("logs", "billing"))).isNull();
    assertThat(Nearest.hint("x", List.of())).isNull();
  }

  @Test
  void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
    assertThat(Nearest.distance("kitten", "sitting", 100)).isEqualTo(3);
    assertThat(Nearest.distance("", "abc", 100)).isEqualTo(3);
    assertThat(Nearest.distance("abcdef", "uvwxyz", 2)).isEqualTo(2);
  }
}
