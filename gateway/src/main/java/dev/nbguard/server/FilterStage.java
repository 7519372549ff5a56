package dev.nbguard.server;

import dev.nbguard.kernel.LifecycleEvent;
import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.JupyterMessage;
import io.vertx.core.Context;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Filters kernel messages off the event loop, one ordered {@link KernelLane} per kernel on a
 * small shared pool, and hands the results to the {@link ConnectionRegistry} on the event loop.
 * Every message of a kernel takes the same path (small ones too: one path keeps the order
 * without exceptions, and the hop costs microseconds), so per kernel messages leave in the order
 * they arrived, lifecycle news included. Outputs of one kernel are filtered in parallel (they are
 * independent); comm messages and lifecycle news, which read or change what the filter knows
 * about the kernel, run alone and in order. A cheap message (a status, a line of output, a small
 * reply) of an idle kernel is filtered at once on the hub thread, saving two thread hops on the
 * path of an execute round trip. While more than a high-water mark of one kernel's
 * messages waits to be filtered, that kernel's sockets are not read ({@link ReadGate}).
 */
final class FilterStage implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(FilterStage.class.getName());

  private final Context context;
  private final ConnectionRegistry registry;
  private final ReadGate gate;
  private final OutputFilter filter;
  private final long highWater;
  private final int threads;
  private final ExecutorService pool;
  private final Map<String, KernelLane> lanes = new ConcurrentHashMap<>();

  /**
   * @param highWater bytes of one kernel's messages that may wait before its reading pauses;
   *     reading resumes when half of that is left
   */
  FilterStage(Context context, ConnectionRegistry registry, ReadGate gate, OutputFilter filter,
      int threads, long highWater) {
    this.context = Objects.requireNonNull(context, "context");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.filter = Objects.requireNonNull(filter, "filter");
    this.highWater = highWater;
    this.threads = threads;
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "nbguard-filter-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** A kernel message, from the hub thread. */
  void message(String kernelId, Channel channel, Optional<String> sessionId,
      JupyterMessage message) {
    JupyterMessage m = message.channel().isPresent() ? message : message.withChannel(channel);
    KernelLane.Task task = () -> filtered(kernelId, m)
        .map(out -> () -> registry.deliver(kernelId, channel, sessionId, out));
    if (!independent(m)) {
      lane(kernelId).submitExclusive(m.size(), task);
    } else if (filter.isCheap(m)) {
      lane(kernelId).submitCheap(m.size(), task);
    } else {
      lane(kernelId).submit(m.size(), task);
    }
  }

  /** Lifecycle news, ordered after every message of the kernel that came before it. */
  void lifecycle(String kernelId, LifecycleEvent event, Optional<JupyterMessage> status) {
    KernelLane lane = lane(kernelId);
    boolean gone = event == LifecycleEvent.SHUT_DOWN || event == LifecycleEvent.CULLED;
    lane.submitExclusive(0, () -> {
      if (gone || event == LifecycleEvent.RESTARTING || event == LifecycleEvent.DIED) {
        filter.forgetKernel(kernelId);
      }
      if (gone) {
        lanes.remove(kernelId, lane);
      }
      Optional<JupyterMessage> s = status.flatMap(x -> filtered(kernelId,
          x.channel().isPresent() ? x : x.withChannel(Channel.IOPUB)));
      return Optional.of(() -> {
        if (gone) {
          gate.forget(kernelId);
        }
        registry.lifecycle(kernelId, event, s);
      });
    });
  }

  @Override
  public void close() {
    pool.shutdown();
    lanes.clear();
  }

  /** Whether filtering {@code m} neither reads nor changes what is known about its kernel. */
  private static boolean independent(JupyterMessage m) {
    try {
      return !m.msgType().startsWith("comm_");
    } catch (RuntimeException e) { // a header that does not parse: the filter drops it, alone
      return false;
    }
  }

  private KernelLane lane(String kernelId) {
    return lanes.computeIfAbsent(kernelId, id -> {
      KernelLane[] self = new KernelLane[1];
      self[0] = new KernelLane(id, pool, threads, this::toEventLoop, highWater, highWater / 2,
          () -> context.runOnContext(v -> {
            if (lanes.get(id) == self[0]) {
              gate.set(id, self[0], self[0].isFull());
            }
          }));
      return self[0];
    });
  }

  private void toEventLoop(List<Runnable> batch) {
    context.runOnContext(v -> {
      for (Runnable r : batch) {
        try {
          r.run();
        } catch (RuntimeException e) {
          LOG.log(Level.ERROR, "delivering a kernel message failed", e);
        }
      }
    });
  }

  private Optional<JupyterMessage> filtered(String kernelId, JupyterMessage m) {
    try {
      return filter.toClient(kernelId, m);
    } catch (RuntimeException e) { // fail closed: the message does not go out
      LOG.log(Level.WARNING, "filter failed on " + m.msgType() + " of kernel " + kernelId
          + "; message dropped", e);
      return Optional.empty();
    }
  }
}
