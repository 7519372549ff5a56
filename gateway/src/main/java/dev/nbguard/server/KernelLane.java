package dev.nbguard.server;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * One kernel's filter work on a shared pool, in order. Tasks may run at the same time (a kernel
 * flooding large tables uses several cores), except an <em>exclusive</em> task, which runs alone
 * after everything before it and before everything after it (a message whose filtering reads or
 * changes what is known about the kernel, such as its widget comms). Whatever the tasks run
 * concurrently, the event-loop parts they return are handed on strictly in submission order, in
 * batches (one hop to the event loop for many small messages); before a large task runs, what
 * is ready is handed on, so small messages are not held back by a large one behind them.
 *
 * <p>Counts the bytes waiting; crossing {@code highWater} upwards or {@code lowWater} downwards
 * calls {@code levelChanged} (from a submitting or a pool thread), which should read
 * {@link #isFull()} again rather than trust the order of calls.
 */
final class KernelLane {

  /** A unit of work: runs on a pool thread, returns what the event loop must do next. */
  @FunctionalInterface
  interface Task {
    Optional<Runnable> run();
  }

  private static final class Work {
    final long bytes;
    final boolean exclusive;
    final Task task;
    Optional<Runnable> result = Optional.empty();
    boolean done;

    Work(long bytes, boolean exclusive, Task task) {
      this.bytes = bytes;
      this.exclusive = exclusive;
      this.task = task;
    }
  }

  private static final System.Logger LOG = System.getLogger(KernelLane.class.getName());
  private static final int MAX_BATCH = 256;
  /** Work at least this large first hands on what is ready before it. */
  static final long LARGE = 64 * 1024;

  private final String name;
  private final Executor pool;
  private final int maxParallel;
  private final Consumer<List<Runnable>> toEventLoop;
  private final long highWater;
  private final long lowWater;
  private final Runnable levelChanged;

  // guarded by this
  private final ArrayDeque<Work> waiting = new ArrayDeque<>();
  private final ArrayDeque<Work> started = new ArrayDeque<>(); // in order, until handed on
  private List<Runnable> outbox = new ArrayList<>();
  private int running;
  private int workers;
  private boolean exclusiveRunning;
  private long pendingBytes;
  private boolean full;

  KernelLane(String name, Executor pool, int maxParallel, Consumer<List<Runnable>> toEventLoop,
      long highWater, long lowWater, Runnable levelChanged) {
    if (lowWater > highWater || lowWater < 0 || maxParallel < 1) {
      throw new IllegalArgumentException("need 0 <= lowWater <= highWater, maxParallel >= 1");
    }
    this.name = Objects.requireNonNull(name, "name");
    this.pool = Objects.requireNonNull(pool, "pool");
    this.maxParallel = maxParallel;
    this.toEventLoop = Objects.requireNonNull(toEventLoop, "toEventLoop");
    this.highWater = highWater;
    this.lowWater = lowWater;
    this.levelChanged = Objects.requireNonNull(levelChanged, "levelChanged");
  }

  /** Queues a task that may run alongside others; {@code bytes} is what it holds meanwhile. */
  void submit(long bytes, Task task) {
    submit(bytes, false, task);
  }

  /**
   * Runs a cheap independent task at once on the calling thread when the lane is idle (nothing
   * waiting, running or not yet handed on: nothing it could overtake), handing its result on
   * directly; queues it otherwise. Saves a thread hop for the small messages of an idle kernel
   * (a reply, a status, a line of output).
   */
  void submitCheap(long bytes, Task task) {
    synchronized (this) {
      if (waiting.isEmpty() && started.isEmpty() && running == 0) {
        run(task).ifPresent(outbox::add);
        flush();
        return;
      }
    }
    submit(bytes, false, task);
  }

  /** Queues a task that runs alone, after all before it and before all after it. */
  void submitExclusive(long bytes, Task task) {
    submit(bytes, true, task);
  }

  /** Whether more than the high-water mark is waiting (until it falls to the low one). */
  synchronized boolean isFull() {
    return full;
  }

  synchronized long pendingBytes() {
    return pendingBytes;
  }

  private void submit(long bytes, boolean exclusive, Task task) {
    boolean changed;
    int toStart;
    synchronized (this) {
      waiting.add(new Work(bytes, exclusive, task));
      pendingBytes += bytes;
      changed = !full && pendingBytes > highWater;
      full |= changed;
      toStart = workersWanted();
    }
    if (changed) {
      levelChanged.run();
    }
    startWorkers(toStart);
  }

  /** How many more workers should start now (guarded by this; counts them as started). */
  private int workersWanted() {
    int want = 0;
    int couldRun = startable();
    while (workers < maxParallel && want < couldRun) {
      workers++;
      want++;
    }
    return want;
  }

  /** How many waiting tasks could start now (0 or 1 if an exclusive one is involved). */
  private int startable() {
    if (exclusiveRunning || waiting.isEmpty()) {
      return 0;
    }
    Work head = waiting.peek();
    if (head.exclusive) {
      return running == 0 ? 1 : 0;
    }
    int n = 0;
    for (Work w : waiting) {
      if (w.exclusive || n + running >= maxParallel) {
        break;
      }
      n++;
    }
    return n;
  }

  private void startWorkers(int n) {
    for (int i = 0; i < n; i++) {
      try {
        pool.execute(this::work);
      } catch (RejectedExecutionException e) { // stopping: the work is dropped with the pool
        synchronized (this) {
          workers--;
        }
      }
    }
  }

  private void work() {
    Work w = null;
    while (true) {
      int more;
      boolean changed;
      synchronized (this) {
        changed = w != null && finish(w);
        w = next();
        if (w == null) {
          workers--;
          flush();
          more = 0;
        } else {
          more = workersWanted();
          if (w.bytes >= LARGE) {
            flush();
          }
        }
      }
      if (changed) {
        levelChanged.run();
      }
      startWorkers(more);
      if (w == null) {
        return;
      }
      w.result = run(w.task);
    }
  }

  /** The next task this worker may start, or null (guarded by this). */
  private Work next() {
    if (exclusiveRunning || waiting.isEmpty()) {
      return null;
    }
    Work head = waiting.peek();
    if (head.exclusive ? running > 0 : running >= maxParallel) {
      return null;
    }
    waiting.poll();
    running++;
    exclusiveRunning = head.exclusive;
    started.add(head);
    return head;
  }

  /** Marks a task done and moves what is now in order to the outbox; true if the level changed. */
  private boolean finish(Work w) {
    w.done = true;
    running--;
    if (w.exclusive) {
      exclusiveRunning = false;
    }
    while (!started.isEmpty() && started.peek().done) {
      Work d = started.poll();
      d.result.ifPresent(outbox::add);
      pendingBytes -= d.bytes;
      if (outbox.size() >= MAX_BATCH) {
        flush();
      }
    }
    boolean changed = full && pendingBytes <= lowWater;
    full &= !changed;
    return changed;
  }

  /** Hands the outbox on, in order (guarded by this, so batches cannot overtake each other). */
  private void flush() {
    if (!outbox.isEmpty()) {
      toEventLoop.accept(outbox);
      outbox = new ArrayList<>();
    }
  }

  private Optional<Runnable> run(Task task) {
    try {
      return task.run();
    } catch (RuntimeException e) { // one bad task must not stop the lane
      LOG.log(Level.ERROR, "lane " + name + ": task failed", e);
      return Optional.empty();
    }
  }
}
