package io.roleform.plan;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A safety limit the plan breaks. A plan with any refusal is never applied (exit 4).
 *
 * @param rule the limit broken; written in plans as its stable {@link Rule#id()}
 * @param message what would happen, naming the role or user
 * @param override the flag that lifts the limit ({@code --max-deletions=5}), or {@code null} when
 *     no flag does (self-lockout cannot be overridden)
 */
public record Refusal(Rule rule, String message, String override) {

  public Refusal {
    Objects.requireNonNull(rule, "rule == null");
    Objects.requireNonNull(message, "message == null");
  }

  /**
   * The safety limits (DESIGN.md §3; see {@code SafetyRules}). Each has a stable {@link #id()}, the
   * value of {@code rule} in plan JSON and the bold word of the Markdown plan; ids are never
   * renamed, only added.
   */
  public enum Rule {
    MIN_ADMINS("min-admins"),
    SELF_LOCKOUT("self-lockout"),
    MAX_DELETIONS("max-deletions"),
    MAX_MEMBER_REMOVALS("max-member-removals"),
    MEMBER_REMOVAL("member-removal"),
    MAX_USER_REMOVALS("max-user-removals"),
    SELF_REMOVAL("self-removal"),
    LAST_ADMIN("last-admin"),
    DEPARTMENT_NOT_EMPTY("department-not-empty");

    private final String id;

    Rule(String id) {
      this.id = id;
    }

    /** The stable id ({@code min-admins} ...). */
    @JsonValue
    public String id() {
      return id;
    }
  }
}
