/**
 * A local portal implementing Portal API v1 over loopback, with SQLite storage, seeded profiles and fault injection, for trying roleform out and for tests.
 */
package io.roleform.sandbox;
