/**
 * Compares a desired state with a live state and produces the changes. Pure: no I/O, no clock, no randomness.
 */
package io.roleform.diff;
