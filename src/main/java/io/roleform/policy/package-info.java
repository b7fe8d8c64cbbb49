/**
 * Policies on access (DESIGN.md §7): evaluates the {@code policies:} of a config on an {@link
 * io.roleform.policy.AccessState} — the live state, or the state a plan leaves — and compares the
 * violations before and after a plan (introduced, worsened, pre-existing, fixed). Pure: no I/O, no
 * clock. Sits beside {@code plan}: it reads config and portal values and is read by plan, render and
 * cli.
 */
package io.roleform.policy;
