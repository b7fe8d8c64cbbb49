package io.roleform.portal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MemberBatchTest {

  @Test
  void aChangeWithinTheLimitIsOneSortedBatch() {
    List<MemberBatch> batches = MemberBatch.split(Set.of("u3", "u1"), Set.of("u9"), 10_000);
    assertThat(batches).containsExactly(new MemberBatch(List.of("u1", "u3"), List.of("u9")));
  }

  @Test
  void aLargerChangeIsSplitIntoAsFewBatchesAsTheLimitAllows() {
    Set<String> add = ids("a", 25_000);
    Set<String> remove = ids("r", 6_000);
    List<MemberBatch> batches = MemberBatch.split(add, remove, 10_000);
    assertThat(batches).hasSize(4);
    assertThat(batches).allSatisfy(b -> assertThat(b.add().size() + b.remove().size()).isLessThanOrEqualTo(10_000));
    assertThat(batches.stream().flatMap(b -> b.add().stream()).collect(Collectors.toSet())).isEqualTo(add);
    assertThat(batches.stream().flatMap(b -> b.remove().stream()).collect(Collectors.toSet())).isEqualTo(remove);
  }

  @Test
  void nothingToChangeIsNoBatch() {
    assertThat(MemberBatch.split(Set.of(), Set.of(), 10)).isEmpty();
  }

  private static Set<String> ids(String prefix, int n) {
    return IntStream.range(0, n).mapToObj(i -> prefix + i).collect(Collectors.toSet());
  }
}
