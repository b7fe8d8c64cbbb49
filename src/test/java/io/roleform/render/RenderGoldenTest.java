package io.roleform.render;

import io.roleform.plan.Plan;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@link SamplePlans} rendered as text and as Markdown, compared whole with {@code
 * src/test/resources/render/<case>/plan.txt} and {@code plan.md}.
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
}
