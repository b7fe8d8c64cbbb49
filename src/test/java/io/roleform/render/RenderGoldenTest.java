package io.roleform.render;

import io.roleform.plan.Plan;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@link SamplePlans} rendered as text, Markdown and JSON, compared whole with {@code
 * src/test/resources/render/<case>/plan.txt}, {@code plan.md} and {@code plan.json}. Regenerate with
 * {@code ./mvnw -B -o -q test -Dtest=RenderGoldenTest -Droleform.updateGoldens=true} and review the
 * diff.
 */
class RenderGoldenTest {

  static Stream<Arguments> cases() {
    return SamplePlans.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void text(String name, Plan plan) {
    Goldens.assertMatches(name, "plan.txt", new TextPlanRenderer(false).render(plan));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void markdown(String name, Plan plan) {
    Goldens.assertMatches(name, "plan.md", new MarkdownPlanRenderer().render(plan));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void json(String name, Plan plan) throws Exception {
    String json = new JsonPlanRenderer().render(plan);
    Goldens.assertMatches(name, "plan.json", json);
    org.assertj.core.api.Assertions.assertThat(io.roleform.plan.PlanJson.read(json)).isEqualTo(plan);
  }
}
