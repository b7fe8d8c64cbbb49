package io.roleform.cli;

import java.util.Map;

/** The key that signs saved plans: {@code ROLEFORM_PLAN_KEY}, never printed. */
final class PlanKey {
  static final String VARIABLE = "ROLEFORM_PLAN_KEY";

  private PlanKey() {}

  /**
   * The key, or {@code null} when {@code ROLEFORM_PLAN_KEY} is not set.
   *
   * @throws CliException (exit 1) when it is set but empty
   */
  static String from(Map<String, String> env) {
    String key = env.get(VARIABLE);
    if (key == null) return null;
    if (key.isBlank()) {
      throw new CliException(ExitCodes.ERROR, VARIABLE + " is set but empty; set it to the plan signing key, or unset it.");
    }
    return key;
  }
}
