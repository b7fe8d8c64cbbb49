/**
 * The Keycloak benchmark behind {@code bench/keycloak.sh} (issue 7 §6), not run by the test suite:
 * {@link io.roleform.bench.keycloak.KeycloakBench} measures roleform against the fewest Keycloak
 * Admin API calls (the floor, made by {@link io.roleform.bench.keycloak.KeycloakFloorClient}) on a
 * generated realm ({@link io.roleform.bench.keycloak.BenchRealm}).
 */
package io.roleform.bench.keycloak;
