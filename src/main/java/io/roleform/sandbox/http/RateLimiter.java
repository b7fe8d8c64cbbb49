package io.roleform.sandbox.http;

/** Admits at most {@code limit} requests per wall-clock second; 0 admits everything. */
final class RateLimiter {
  private final int limit;
  private long second = -1;
  private int count;

  RateLimiter(int limit) {
    this.limit = limit;
  }

  synchronized boolean tryAcquire() {
    if (limit <= 0) {
      return true;
    }
    long now = System.currentTimeMillis() / 1000;
    if (now != second) {
      second = now;
      count = 0;
    }
    return ++count <= limit;
  }
}
