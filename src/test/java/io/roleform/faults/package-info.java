/**
 * The fault suite of issue 5: applies against a sandbox that fails requests, an apply killed with
 * {@code kill -9}, two applies at once, and a sandbox killed mid-apply. Each scenario checks that
 * re-running converges to exactly the state a fault-free apply of the same config gives (compared
 * through {@code roleform export}), with no duplicate role. Tag {@code faults} = the short version
 * run by {@code ./mvnw verify}; tag {@code slow} = the long version.
 */
package io.roleform.faults;
