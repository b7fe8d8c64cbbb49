/**
 * Golden plan cases: a directory per case under {@code src/test/resources/golden/} holding a
 * desired config and a live state, and the plan expected from them in every output format (or the
 * plan-time problems expected instead), walked by one test, {@link io.roleform.golden.GoldenPlanTest}.
 */
package io.roleform.golden;
