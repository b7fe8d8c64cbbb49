package io.roleform.sandbox.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * API requests received, by {@code METHOD template} (e.g. {@code GET /api/v1/roles/{id}}),
 * counting every request that reached the API, faulted ones included.
 */
public final class RequestCounts {
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  void add(String key) {
    counts.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  /** A sorted snapshot. */
  public Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  public void reset() {
    counts.clear();
  }
}
