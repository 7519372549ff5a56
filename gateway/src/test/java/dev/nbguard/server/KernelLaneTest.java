package dev.nbguard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class KernelLaneTest {

  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  /** Stands in for the event loop: one thread runs the handed-on batches in order. */
  private final ExecutorService loop = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    pool.shutdownNow();
    loop.shutdownNow();
  }

  private KernelLane lane(String name, long high, Runnable levelChanged) {
    return new KernelLane(name, pool, 3,
        batch -> loop.execute(() -> batch.forEach(Runnable::run)), high, high / 2, levelChanged);
  }

  @Test
  void keepsEachLanesOrderWhileLanesRunInParallel() throws Exception {
    int lanes = 6;
    int perLane = 5_000;
    List<List<Integer>> seen = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(lanes);
    List<KernelLane> all = new ArrayList<>();
    for (int l = 0; l < lanes; l++) {
      seen.add(Collections.synchronizedList(new ArrayList<>()));
      all.add(lane("k" + l, Long.MAX_VALUE, () -> {}));
    }
    for (int i = 0; i < perLane; i++) {
      for (int l = 0; l < lanes; l++) {
        int n = i;
        int lane = l;
        // every 100th task is "large" and slow, as a big output being sanitized would be
        long bytes = n % 100 == 0 ? KernelLane.LARGE : 10;
        KernelLane.Task task = () -> {
          if (bytes >= KernelLane.LARGE) {
            busy(200_000);
          } else if (n % 7 == 0) {
            busy(20_000); // so that later small ones finish first, if allowed to run alongside
          }
          return Optional.of(() -> {
            seen.get(lane).add(n);
            if (n == perLane - 1) {
              done.countDown();
            }
          });
        };
        if (n % 50 == 25) {
          all.get(l).submitExclusive(bytes, task);
        } else {
          all.get(l).submit(bytes, task);
        }
      }
    }
    assertTrue(done.await(20, TimeUnit.SECONDS));
    for (List<Integer> s : seen) {
      assertEquals(perLane, s.size());
      for (int i = 0; i < perLane; i++) {
        assertEquals(i, s.get(i), "out of order");
      }
    }
  }

  @Test
  void runsIndependentTasksInParallelButExclusiveOnesAlone() throws Exception {
    KernelLane lane = lane("k", Long.MAX_VALUE, () -> {});
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    AtomicInteger exclusiveOverlaps = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(3_000);
    for (int i = 0; i < 3_000; i++) {
      boolean exclusive = i % 10 == 0;
      KernelLane.Task task = () -> {
        int now = inside.incrementAndGet();
        maxInside.accumulateAndGet(now, Math::max);
        busy(20_000);
        if (exclusive && inside.get() > 1) {
          exclusiveOverlaps.incrementAndGet();
        }
        inside.decrementAndGet();
        done.countDown();
        return Optional.empty();
      };
      if (exclusive) {
        lane.submitExclusive(1, task);
      } else {
        lane.submit(1, task);
      }
    }
    assertTrue(done.await(20, TimeUnit.SECONDS));
    assertEquals(0, exclusiveOverlaps.get(), "an exclusive task ran alongside another");
    assertTrue(maxInside.get() > 1, "independent tasks never ran in parallel");
    assertTrue(maxInside.get() <= 3, "more than maxParallel at once: " + maxInside.get());
  }

  @Test
  void anExclusiveTaskSeesEverythingBeforeItDoneAndNothingAfterItStarted() throws Exception {
    KernelLane lane = lane("k", Long.MAX_VALUE, () -> {});
    AtomicInteger finishedBefore = new AtomicInteger();
    AtomicInteger startedAfter = new AtomicInteger();
    LinkedBlockingQueue<String> verdict = new LinkedBlockingQueue<>();
    for (int i = 0; i < 20; i++) {
      lane.submit(1, () -> {
        busy(500_000);
        finishedBefore.incrementAndGet();
        return Optional.empty();
      });
    }
    lane.submitExclusive(1, () -> {
      verdict.add(finishedBefore.get() + "/" + startedAfter.get());
      return Optional.empty();
    });
    for (int i = 0; i < 20; i++) {
      lane.submit(1, () -> {
        startedAfter.incrementAndGet();
        return Optional.empty();
      });
    }
    assertEquals("20/0", verdict.poll(10, TimeUnit.SECONDS));
  }

  @Test
  void aFailingTaskDoesNotStopTheLane() throws Exception {
    KernelLane lane = lane("k", Long.MAX_VALUE, () -> {});
    LinkedBlockingQueue<String> out = new LinkedBlockingQueue<>();
    lane.submit(1, () -> Optional.of(() -> out.add("before")));
    lane.submit(1, () -> {
      throw new IllegalStateException("boom");
    });
    lane.submit(1, () -> Optional.of(() -> out.add("after")));
    assertEquals("before", out.poll(5, TimeUnit.SECONDS));
    assertEquals("after", out.poll(5, TimeUnit.SECONDS));
  }

  @Test
  void saysWhenTooMuchWaitsAndWhenItHasDrained() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    LinkedBlockingQueue<Boolean> levels = new LinkedBlockingQueue<>();
    KernelLane[] self = new KernelLane[1];
    self[0] = lane("k", 1_000, () -> levels.add(self[0].isFull()));
    self[0].submit(10, () -> {
      await(gate);
      return Optional.empty();
    });
    for (int i = 0; i < 200; i++) {
      self[0].submit(10, Optional::empty);
    }
    assertEquals(Boolean.TRUE, levels.poll(5, TimeUnit.SECONDS));
    assertTrue(self[0].isFull());
    gate.countDown();
    assertEquals(Boolean.FALSE, levels.poll(5, TimeUnit.SECONDS));
    assertFalse(self[0].isFull());
    for (int i = 0; i < 100 && self[0].pendingBytes() > 0; i++) {
      Thread.sleep(20);
    }
    assertEquals(0, self[0].pendingBytes());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void busy(long nanos) {
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }

  @Test
  void runsACheapTaskAtOnceOnTheCallingThreadWhenIdle() throws Exception {
    KernelLane lane = lane("k", Long.MAX_VALUE, () -> {});
    LinkedBlockingQueue<String> out = new LinkedBlockingQueue<>();
    Thread caller = Thread.currentThread();
    lane.submitCheap(1, () -> {
      out.add(Thread.currentThread() == caller ? "inline" : "pool");
      return Optional.empty();
    });
    assertEquals("inline", out.poll(5, TimeUnit.SECONDS));
  }

  @Test
  void aCheapTaskNeverOvertakesQueuedWork() throws Exception {
    KernelLane lane = lane("k", Long.MAX_VALUE, () -> {});
    LinkedBlockingQueue<Integer> delivered = new LinkedBlockingQueue<>();
    CountDownLatch release = new CountDownLatch(1);
    lane.submit(KernelLane.LARGE, () -> {
      await(release);
      return Optional.of(() -> delivered.add(1));
    });
    lane.submitCheap(1, () -> Optional.of(() -> delivered.add(2)));
    lane.submitExclusive(1, () -> Optional.of(() -> delivered.add(3)));
    lane.submitCheap(1, () -> Optional.of(() -> delivered.add(4)));
    release.countDown();
    for (int i = 1; i <= 4; i++) {
      assertEquals(i, delivered.poll(5, TimeUnit.SECONDS));
    }
  }
}
