package io.roleform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.testing.OutsideTool;
import org.junit.jupiter.api.Test;

/**
 * schema/portal-api.yaml under an outside OpenAPI linter: Redocly CLI 2.77.0 with its recommended
 * rules ({@code redocly lint}) finds no error. Skipped, loudly, where the linter is not installed
 * ({@code .ci/setup-npm-linters.sh} installs it; {@code .ci/run} calls that).
 */
class OpenApiLintTest {
  @Test
  void redoclyRecommendedRulesFindNoError() {
    OutsideTool redocly = OutsideTool.require("redocly");

    OutsideTool.Result r = redocly.run(180, "lint", "--format=stylish", "schema/portal-api.yaml");

    System.out.println(r.output().strip());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.output()).as(r.toString()).contains("Your API description is valid").doesNotContain(" error ");
  }
}
