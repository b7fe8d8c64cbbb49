/**
 * A second implementation of the {@link io.roleform.portal.PortalClient} SPI: a Keycloak realm,
 * spoken to through Keycloak's Admin REST API.
 *
 * <p>Mapping: a roleform role is a Keycloak <em>group</em> (top-level, or a child of a configured
 * parent group so that roleform never touches groups it does not manage); its permissions are the
 * realm roles (or one client's roles) mapped to the group; the permission catalog is those roles;
 * its members are the group's users, matched by email; the description is the group's description
 * and the position the group attribute {@code roleform.position}. The admin role is a configured
 * group. Keycloak has no state version, no conditional writes and no batch endpoints, so
 * {@link io.roleform.portal.LiveState#portal()} reports state version 0 and every role carries a
 * content hash as its version (the plan fingerprint hashes those, so stale saved plans are still
 * refused), and writes are one request per change, made with bounded concurrency.
 *
 * <p>Entry points: {@link io.roleform.portal.keycloak.KeycloakConfig#parse} and {@link
 * io.roleform.portal.keycloak.KeycloakPortalClient#create}. Only this package (and {@code
 * portal.http}) knows OkHttp.
 */
package io.roleform.portal.keycloak;
