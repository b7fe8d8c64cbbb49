/**
 * The sandbox portal's storage: one SQLite database (WAL, synchronous=FULL) with a single
 * serialized writer and a small pool of readers, the seed data of the three profiles, and the
 * synthetic data generator. Every method here runs inside a transaction handed in by {@link
 * io.roleform.sandbox.store.Database}; nothing here knows HTTP.
 */
package io.roleform.sandbox.store;
