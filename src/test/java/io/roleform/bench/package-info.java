/**
 * The benchmark harness behind {@code bench/run}: generated sandbox portals in child processes,
 * fresh {@code java -jar target/roleform.jar} processes per measured run, request counts from the
 * sandbox's {@code GET /_sandbox/stats}, a plain-HTTP floor client, and {@code bench/RESULTS.md}.
 * Test code only; nothing here ships in the jar.
 */
package io.roleform.bench;
