package io.roleform.plan;

import java.util.Objects;

/**
 * A safety limit the plan breaks. A plan with any refusal is never applied (exit 4).
 *
 * @param rule a stable id ({@code min-admins}, {@code self-lockout}, {@code max-deletions}, {@code
 *     max-member-removals}, {@code member-removal})
 * @param message what would happen, naming the role or user
 * @param override the flag that lifts the limit ({@code --max-deletions=5}), or {@code null} when
 *     no flag does (self-lockout cannot be overridden)
 */
public record Refusal(String rule, String message, String override) {

  public Refusal {
    Objects.requireNonNull(rule, "rule == null");
    Objects.requireNonNull(message, "message == null");
  }
}
