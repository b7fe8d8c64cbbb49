/**
 * The plan as a value: ordered operations, live-state fingerprint, access impact, warnings and safety refusals, and its versioned JSON form.
 *
 * <p>{@link io.roleform.plan.Planner#plan} makes a plan from a desired and a live state: the
 * changes come from {@link io.roleform.diff.Diff}, are put in {@link io.roleform.plan.ApplyOrder},
 * simulated to compute who gains and loses which permission and which safety limits break, and
 * stamped with the {@link io.roleform.plan.Fingerprints fingerprint} of the live state they were
 * computed from. The package depends on {@code diff} only through the planner; {@code diff} uses
 * this package's value types (operations, references, warnings) as its output vocabulary.
 */
package io.roleform.plan;
