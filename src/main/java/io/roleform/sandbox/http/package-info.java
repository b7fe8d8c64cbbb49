/**
 * The sandbox's HTTP side: Portal API v1 on the JDK's {@code HttpServer}, routing, auth, the write
 * pipeline (idempotency, preconditions, audit, state version), pagination and fault injection.
 * Only this package knows HTTP; it reaches data only through {@code sandbox.store}.
 */
package io.roleform.sandbox.http;
