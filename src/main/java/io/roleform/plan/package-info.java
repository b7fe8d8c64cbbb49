/**
 * The plan as a value: ordered operations, live-state fingerprint, access impact, warnings and
 * safety refusals, and its versioned JSON form (the saved plan file).
 *
 * <p>{@link io.roleform.plan.Planner#plan} makes a plan from a desired and a live state: the
 * changes come from {@link io.roleform.diff.Diff}, are put in {@link io.roleform.diff.ApplyOrder},
 * simulated to compute who gains and loses which permission and which safety limits break, and
 * stamped with the {@link io.roleform.plan.Fingerprints fingerprint} of the live state they were
 * computed from. Imports point one way: {@code plan} uses {@code diff}, {@code config} and
 * {@code portal}; nothing here is used by them.
 */
package io.roleform.plan;
