package io.roleform.config;

import java.util.List;
import java.util.Objects;

/**
 * What one policy demands of the access that will exist after apply (DESIGN.md §7). One record
 * per kind of rule; each is written in the config under its own key ({@code exclusive:}, {@code
 * onlyIn:} ...). Names of roles compare case-insensitively; permission ids are exact.
 *
 * <p>Values only: evaluation lives in {@code io.roleform.policy}.
 */
public sealed interface PolicyRule {

  /** The config key that introduces this kind of rule ({@code exclusive}, {@code onlyIn} ...). */
  String key();

  /**
   * Separation of duties: no user may hold all of {@code permissions} (or be a member of all of
   * {@code roles}) at once. Exactly one of the two lists is set, with at least two items.
   */
  record Exclusive(List<String> permissions, List<String> roles) implements PolicyRule {
    public Exclusive {
      permissions = permissions == null ? null : List.copyOf(permissions);
      roles = roles == null ? null : List.copyOf(roles);
      if ((permissions == null) == (roles == null)) {
        throw new IllegalArgumentException("exactly one of permissions and roles");
      }
    }

    @Override
    public String key() {
      return "exclusive";
    }
  }

  /** {@code permission} may be granted only by {@code roles}; any other role granting it violates. */
  record OnlyIn(String permission, List<String> roles) implements PolicyRule {
    public OnlyIn {
      Objects.requireNonNull(permission, "permission == null");
      roles = List.copyOf(roles);
    }

    @Override
    public String key() {
      return "onlyIn";
    }
  }

  /**
   * A bound on how many users hold a role (are its members) or a permission (through any role).
   *
   * @param minimum {@code true} for {@code minMembers} (at least {@code count}), {@code false} for
   *     {@code maxMembers} (at most {@code count})
   * @param role the role counted, or {@code null} when {@code permission} is
   * @param permission the permission counted, or {@code null} when {@code role} is
   */
  record MemberCount(boolean minimum, String role, String permission, int count) implements PolicyRule {
    public MemberCount {
      if ((role == null) == (permission == null)) {
        throw new IllegalArgumentException("exactly one of role and permission");
      }
      if (count < 0) throw new IllegalArgumentException("count < 0");
    }

    @Override
    public String key() {
      return minimum ? "minMembers" : "maxMembers";
    }

    /** {@code role `Admin`} or {@code permission `billing`}. */
    public String subject() {
      return role != null ? "role `" + role + "`" : "permission `" + permission + "`";
    }
  }

  /**
   * Members of {@code roles} must match: be internal users (not {@code external} collaborators)
   * when {@code internal}, have an email matching {@code pattern} (whole-email, case-insensitive
   * regular expression) when it is set, and an email NOT matching {@code notPattern} when that is
   * set. At least one of the three is set.
   */
  record MembersMatch(List<String> roles, boolean internal, String pattern, String notPattern)
      implements PolicyRule {
    public MembersMatch {
      roles = List.copyOf(roles);
      if (!internal && pattern == null && notPattern == null) {
        throw new IllegalArgumentException("internal, pattern or notPattern");
      }
    }

    @Override
    public String key() {
      return "membersMatch";
    }
  }

  /** Every role the config declares has a non-empty description after apply. */
  record RequireDescription() implements PolicyRule {
    @Override
    public String key() {
      return "requireDescription";
    }
  }
}
