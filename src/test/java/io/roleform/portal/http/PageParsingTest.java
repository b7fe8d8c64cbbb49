package io.roleform.portal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PageParsingTest {
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void tasksRunInOrderOneAtATime() {
    PageParsing parsing = new PageParsing(pool);
    List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger running = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    for (int i = 0; i < 200; i++) {
      int page = i;
      parsing.add(() -> {
        if (running.incrementAndGet() > 1) overlaps.incrementAndGet();
        seen.add(page);
        Thread.onSpinWait();
        running.decrementAndGet();
      });
    }
    parsing.await();
    assertEquals(0, overlaps.get());
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 200; i++) expected.add(i);
    assertEquals(expected, seen);
  }

  @Test
  void addWaitsWhileAheadPagesArePending() throws Exception {
    PageParsing parsing = new PageParsing(pool);
    CountDownLatch release = new CountDownLatch(1);
    parsing.add(() -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    for (int i = 1; i < PageParsing.AHEAD; i++) parsing.add(() -> {});
    CountDownLatch added = new CountDownLatch(1);
    Thread adder = new Thread(() -> {
      parsing.add(() -> {});
      added.countDown();
    });
    adder.start();
    // The first task holds: one more page than AHEAD must wait for it.
    assertFalse(added.await(300, TimeUnit.MILLISECONDS));
    release.countDown();
    assertTrue(added.await(10, TimeUnit.SECONDS));
    adder.join();
  }

  @Test
  void afterAFailureNoLaterTaskRunsAndTheFailureIsThrown() {
    PageParsing parsing = new PageParsing(pool);
    IllegalStateException broken = new IllegalStateException("page 2 is broken");
    AtomicInteger ran = new AtomicInteger();
    CountDownLatch queued = new CountDownLatch(1);
    parsing.add(ran::incrementAndGet);
    parsing.add(() -> {
      try {
        queued.await(); // fail only once page 3 is queued behind it
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw broken;
    });
    parsing.add(ran::incrementAndGet);
    queued.countDown();
    assertSame(broken, assertThrows(IllegalStateException.class, parsing::await));
    assertEquals(1, ran.get());
    assertSame(broken, assertThrows(IllegalStateException.class, parsing::check));
    assertSame(broken, assertThrows(IllegalStateException.class, () -> parsing.add(ran::incrementAndGet)));
    assertEquals(1, ran.get());
  }

  @Test
  void anAbandonedQueueStartsNoFurtherTask() throws Exception {
    PageParsing parsing = new PageParsing(pool);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger ran = new AtomicInteger();
    parsing.add(() -> {
      started.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ran.incrementAndGet();
    });
    parsing.add(ran::incrementAndGet);
    parsing.add(ran::incrementAndGet);
    assertTrue(started.await(10, TimeUnit.SECONDS));
    parsing.abandon();
    release.countDown(); // the running task finishes; the two queued behind it never start
    parsing.await();
    assertEquals(1, ran.get());
  }
}
