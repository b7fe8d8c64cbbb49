/**
 * Compares a desired state with a live state and produces the changes, as unordered
 * {@link io.roleform.plan.Operation} values, plus warnings and plan-time problems. Pure: no I/O, no
 * clock, no randomness. The entry point is {@link io.roleform.diff.Diff#compute}.
 *
 * <p>The diff speaks the plan's value vocabulary ({@code Operation}, {@code RoleRef}, {@code Change},
 * {@code Warning}) so that nothing has to be translated twice; ordering, access impact and safety
 * are the plan's job ({@link io.roleform.plan.Planner}).
 *
 * <p><b>Paths in diagnostics.</b> After the files of a config are merged, the index of a role
 * within its own file is no longer known, so plan-time diagnostics name a role by its name in a
 * JSON pointer: {@code /roles/IT Administrators/permissions/1}, {@code /roles/Billing/members/0},
 * {@code /removed/Interns/moveMembersTo}, {@code /order/3}, {@code /settings/owner} (names escaped
 * as RFC 6901 says: {@code ~} as {@code ~0}, {@code /} as {@code ~1}). The source position
 * (file, line, column) points at the exact value.
 */
package io.roleform.diff;
