package io.roleform.diff;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * Something a reviewer should know that is not a change: an unmanaged role, a user in no role.
 *
 * @param kind what sort of warning it is; written in plans as its stable {@link Kind#id()}
 * @param message one sentence for people; names in it are code spans ({@link CodeSpans#code}), shown
 *     as code in Markdown and plainly in text
 */
public record Warning(Kind kind, String message) {

  public Warning {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(message, "message == null");
  }

  /**
   * The kinds of warning. Each has a stable machine-readable {@link #id()}, the value of {@code
   * kind} in plan JSON; ids are never renamed, only added.
   */
  public enum Kind {
    /** A live role the config does not name; left alone without {@code --prune}. */
    UNMANAGED_ROLE("unmanaged-role"),
    /** A user who has a role before the plan and none after it. */
    USER_IN_NO_ROLE("user-in-no-role"),
    /** A member the config lists whose live account is disabled. */
    DISABLED_MEMBER("disabled-member");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    /** The stable id ({@code unmanaged-role} ...). */
    @JsonValue
    public String id() {
      return id;
    }
  }
}
