package io.roleform.policy;

import io.roleform.config.Redactor;
import java.util.List;
import java.util.Objects;

/**
 * What a plan does to one policy: a violation it introduces or worsens (the plan is refused), one
 * that exists live and is not made worse (a warning), or one it fixes. Part of the plan value and
 * of its JSON.
 *
 * @param policy the policy's name
 * @param rule the kind of rule ({@code exclusive}, {@code onlyIn}, {@code maxMembers}, {@code
 *     minMembers}, {@code membersMatch}, {@code requireDescription})
 * @param at where the policy is written ({@code FILE:LINE:COL})
 * @param status what the plan does to it
 * @param message one sentence: the violation after the plan (before it, when fixed)
 * @param culprits the users or roles that break it; for a refusal only those the plan brings in
 *     (for {@code maxMembers}/{@code minMembers}: the users it adds or removes)
 * @param causes the config lines behind the culprits the plan brings in, as {@code FILE:LINE:COL:
 *     what}; empty when the config does not name them (a live role, a moved member)
 */
public record PolicyFinding(
    String policy,
    String rule,
    String at,
    Status status,
    String message,
    List<String> culprits,
    List<String> causes) {

  /** What a plan does to a policy. */
  public enum Status {
    /** Broken after the plan and not before it: refused. */
    INTRODUCED,
    /** Broken before and made worse: refused. */
    WORSENED,
    /** Broken live and not made worse by the plan (or, for {@code check}, broken live): a warning. */
    PRE_EXISTING,
    /** Broken live and no more after the plan. */
    FIXED;

    /** Whether a finding of this status refuses the plan. */
    public boolean refuses() {
      return this == INTRODUCED || this == WORSENED;
    }
  }

  public PolicyFinding {
    Objects.requireNonNull(policy, "policy == null");
    Objects.requireNonNull(rule, "rule == null");
    Objects.requireNonNull(status, "status == null");
    Objects.requireNonNull(message, "message == null");
    culprits = List.copyOf(culprits);
    causes = List.copyOf(causes);
  }

  /**
   * This finding with {@code redactor} applied to each of its texts — the values, before any
   * renderer quotes or escapes them (so a value holding {@code "}, {@code \} or a control
   * character is matched whole); the same finding when there is nothing to redact.
   */
  public PolicyFinding redacted(Redactor redactor) {
    if (redactor.isEmpty()) return this;
    return new PolicyFinding(redactor.apply(policy), rule, redactor.apply(at), status, redactor.apply(message),
        culprits.stream().map(redactor::apply).toList(), causes.stream().map(redactor::apply).toList());
  }

  /** Whether this finding refuses the plan. */
  public boolean refuses() {
    return status.refuses();
  }
}
