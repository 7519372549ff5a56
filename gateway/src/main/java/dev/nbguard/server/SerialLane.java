package dev.nbguard.server;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One kernel's ordered queue of filter work on a shared pool: tasks run one at a time, in the
 * order they were submitted, on whichever pool thread is free, so a large output never blocks
 * the event loop and never overtakes (or lets anything overtake) the messages around it. The
 * event-loop parts the tasks return are handed on in order, in batches (one hop to the event
 * loop for many small messages), and before a large task runs the batch so far is handed on,
 * so small messages are not held back by a large one behind them.
 *
 * <p>Counts the bytes waiting; crossing {@code highWater} upwards or {@code lowWater} downwards
 * calls {@code levelChanged} (from the submitting or the pool thread), which should read
 * {@link #isFull()} again rather than trust the order of calls.
 */
final class SerialLane {

  /** A unit of work: runs on a pool thread, returns what the event loop must do next. */
  @FunctionalInterface
  interface Task {
    Optional<Runnable> run();
  }

  private record Work(long bytes, Task task) {}

  private static final System.Logger LOG = System.getLogger(SerialLane.class.getName());
  private static final int MAX_BATCH = 256;
  /** Work at least this large first hands on what came before it. */
  static final long LARGE = 64 * 1024;

  private final String name;
  private final Executor pool;
  private final Consumer<List<Runnable>> toEventLoop;
  private final long highWater;
  private final long lowWater;
  private final Runnable levelChanged;
  private final ConcurrentLinkedQueue<Work> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final AtomicBoolean full = new AtomicBoolean();
  private final AtomicLong pendingBytes = new AtomicLong();

  SerialLane(String name, Executor pool, Consumer<List<Runnable>> toEventLoop, long highWater,
      long lowWater, Runnable levelChanged) {
    if (lowWater > highWater || lowWater < 0) {
      throw new IllegalArgumentException("need 0 <= lowWater <= highWater");
    }
    this.name = Objects.requireNonNull(name, "name");
    this.pool = Objects.requireNonNull(pool, "pool");
    this.toEventLoop = Objects.requireNonNull(toEventLoop, "toEventLoop");
    this.highWater = highWater;
    this.lowWater = lowWater;
    this.levelChanged = Objects.requireNonNull(levelChanged, "levelChanged");
  }

  /** Queues a task; {@code bytes} is what it holds in memory until it has run. */
  void submit(long bytes, Task task) {
    queue.add(new Work(bytes, task));
    if (pendingBytes.addAndGet(bytes) > highWater && full.compareAndSet(false, true)) {
      levelChanged.run();
    }
    schedule();
  }

  /** Whether more than the high-water mark is waiting (until it falls to the low one). */
  boolean isFull() {
    return full.get();
  }

  long pendingBytes() {
    return pendingBytes.get();
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      try {
        pool.execute(this::drain);
      } catch (RejectedExecutionException e) { // stopping: the work is dropped with the pool
        scheduled.set(false);
      }
    }
  }

  private void drain() {
    List<Runnable> batch = new ArrayList<>();
    try {
      for (int i = 0; i < MAX_BATCH; i++) {
        Work w = queue.poll();
        if (w == null) {
          break;
        }
        if (w.bytes() >= LARGE && !batch.isEmpty()) {
          toEventLoop.accept(batch);
          batch = new ArrayList<>();
        }
        run(w).ifPresent(batch::add);
        if (pendingBytes.addAndGet(-w.bytes()) <= lowWater && full.compareAndSet(true, false)) {
          levelChanged.run();
        }
      }
    } finally {
      if (!batch.isEmpty()) {
        toEventLoop.accept(batch);
      }
      scheduled.set(false);
      if (!queue.isEmpty()) {
        schedule();
      }
    }
  }

  private Optional<Runnable> run(Work w) {
    try {
      return w.task().run();
    } catch (RuntimeException e) { // one bad task must not stop the lane
      LOG.log(Level.ERROR, "lane " + name + ": task failed", e);
      return Optional.empty();
    }
  }
}
