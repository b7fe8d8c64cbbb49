/**
 * The Portal API v1 implementation of {@link io.roleform.portal.PortalClient}, over HTTP with
 * OkHttp. Nothing else in roleform knows OkHttp.
 *
 * <p>Entry points: {@link io.roleform.portal.http.HttpPortalConfig} (where and how to connect),
 * {@link io.roleform.portal.http.RetryPolicy} (how hard to retry) and {@link
 * io.roleform.portal.http.HttpPortalClient#create(HttpPortalConfig)}. Everything else here is an
 * implementation detail: one shared {@code OkHttpClient} whose cross-cutting concerns are
 * interceptors (bearer auth, retries with backoff, request logging), wire records that stay at
 * this edge and are mapped to {@link io.roleform.portal.LiveState}, and the mapping of HTTP
 * failures to {@link io.roleform.portal.PortalException}s whose messages never contain the token.
 */
package io.roleform.portal.http;
