package io.roleform.policy;

import io.roleform.config.DesiredPolicy;
import java.util.List;
import java.util.Set;

/**
 * A policy broken in one access state.
 *
 * @param policy the policy
 * @param measure how far it is broken: for {@code maxMembers}/{@code minMembers} the number of
 *     holders; for the other kinds the number of culprits
 * @param culprits what breaks it, as shown to people: users' emails, or {@code role `X`}
 * @param grants per culprit, the memberships and permissions that make it one
 * @param summary one sentence: what is wrong in this state
 */
record Violation(DesiredPolicy policy, int measure, Set<String> culprits,
    java.util.Map<String, List<Grant>> grants, String summary) {}
