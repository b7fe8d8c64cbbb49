/**
 * Benchmarks run by scripts in {@code bench/} (not by the test suite): {@link
 * io.roleform.bench.KeycloakBench} measures roleform against the fewest Keycloak Admin API calls
 * (the floor) on a large realm.
 */
package io.roleform.bench;
