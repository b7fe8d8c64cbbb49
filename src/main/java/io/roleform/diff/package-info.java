/**
 * Compares a desired state with a live state and produces the changes, as unordered
 * {@link io.roleform.diff.Operation} values, plus warnings and plan-time problems. Pure: no I/O, no
 * clock, no randomness. The entry point is {@link io.roleform.diff.Diff#compute}.
 *
 * <p>This package owns the vocabulary of changes — {@link io.roleform.diff.Operation} and its kinds,
 * {@link io.roleform.diff.RoleRef}, {@link io.roleform.diff.UserRef}, {@link io.roleform.diff.Change},
 * {@link io.roleform.diff.Warning} — and the one comparator that orders them for apply ({@link
 * io.roleform.diff.ApplyOrder}). The plan stage builds on them (fingerprint, access impact, safety);
 * this package depends only on {@code config} and {@code portal}.
 *
 * <p><b>Paths in diagnostics.</b> A plan-time diagnostic is made from the {@link
 * io.roleform.config.Location} the desired value gives ({@code role.locationOf("members/0")}); no
 * differ composes a path. In the merged state a role is named by its name in a JSON pointer:
 * {@code /roles/IT Administrators/permissions/1}, {@code /roles/Billing/members/0},
 * {@code /removed/Interns/moveMembersTo}, {@code /users/EMAIL/status}, {@code /order/3}, {@code /settings/owner} (names escaped
 * as RFC 6901 says: {@code ~} as {@code ~0}, {@code /} as {@code ~1}). The source position
 * (file, line, column) points at the exact value.
 */
package io.roleform.diff;
