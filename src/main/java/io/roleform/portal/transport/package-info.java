/**
 * The one HTTP transport under every HTTP-speaking portal kind ({@code portal.http}, {@code
 * portal.keycloak}): a {@link io.roleform.portal.transport.Transport} sends {@link
 * io.roleform.portal.transport.Call}s with the cross-cutting concerns as OkHttp interceptors
 * (credentials from a {@link io.roleform.portal.transport.TokenSupplier}, {@code User-Agent},
 * retries by one {@link io.roleform.portal.transport.RetryPolicy} honouring {@code Retry-After}
 * seconds and dates, request logging without secrets) and maps every failure to a {@link
 * io.roleform.portal.PortalException} through one {@link
 * io.roleform.portal.transport.FailureMapper} and the kind's {@link
 * io.roleform.portal.transport.MessageTable}. The only package that knows OkHttp.
 */
package io.roleform.portal.transport;
