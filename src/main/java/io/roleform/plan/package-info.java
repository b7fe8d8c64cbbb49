/**
 * The plan as a value: ordered operations, live-state fingerprint, access impact, warnings and safety refusals, and its versioned JSON form.
 */
package io.roleform.plan;
