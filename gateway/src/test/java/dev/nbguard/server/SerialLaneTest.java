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
class SerialLaneTest {

  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  /** Stands in for the event loop: one thread runs the handed-on batches in order. */
  private final ExecutorService loop = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    pool.shutdownNow();
    loop.shutdownNow();
  }

  private SerialLane lane(String name, long high, Runnable levelChanged) {
    return new SerialLane(name, pool, batch -> loop.execute(() -> batch.forEach(Runnable::run)),
        high, high / 2, levelChanged);
  }

  @Test
  void keepsEachLanesOrderWhileLanesRunInParallel() throws Exception {
    int lanes = 6;
    int perLane = 5_000;
    List<List<Integer>> seen = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(lanes);
    List<SerialLane> all = new ArrayList<>();
    for (int l = 0; l < lanes; l++) {
      seen.add(Collections.synchronizedList(new ArrayList<>()));
      all.add(lane("k" + l, Long.MAX_VALUE, () -> {}));
    }
    for (int i = 0; i < perLane; i++) {
      for (int l = 0; l < lanes; l++) {
        int n = i;
        int lane = l;
        // every 100th task is "large" and slow, as a big output being sanitized would be
        long bytes = n % 100 == 0 ? SerialLane.LARGE : 10;
        all.get(l).submit(bytes, () -> {
          if (bytes >= SerialLane.LARGE) {
            busy(200_000);
          }
          return Optional.of(() -> {
            seen.get(lane).add(n);
            if (n == perLane - 1) {
              done.countDown();
            }
          });
        });
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
  void runsOneTaskOfALaneAtATime() throws Exception {
    SerialLane lane = lane("k", Long.MAX_VALUE, () -> {});
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(2_000);
    for (int i = 0; i < 2_000; i++) {
      lane.submit(1, () -> {
        if (inside.incrementAndGet() > 1) {
          overlaps.incrementAndGet();
        }
        busy(2_000);
        inside.decrementAndGet();
        done.countDown();
        return Optional.empty();
      });
    }
    assertTrue(done.await(20, TimeUnit.SECONDS));
    assertEquals(0, overlaps.get());
  }

  @Test
  void aFailingTaskDoesNotStopTheLane() throws Exception {
    SerialLane lane = lane("k", Long.MAX_VALUE, () -> {});
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
    SerialLane[] self = new SerialLane[1];
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
}
