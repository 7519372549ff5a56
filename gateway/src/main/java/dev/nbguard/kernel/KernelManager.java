package dev.nbguard.kernel;

import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.JupyterMessage;
import dev.nbguard.protocol.Messages;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Starts, tracks, interrupts, restarts and stops kernels; the gateway's one entry point to them.
 *
 * <p>Every operation returns a {@link CompletableFuture} at once and never blocks its caller
 * (except {@link #close()}). Blocking work (port search, files, process launch, {@code kill})
 * runs on a small dedicated executor; timers (startup nudges, culling) on one scheduler thread;
 * sockets on the {@link ZmqHub} thread. Futures and listeners may run on any of these threads: a
 * Vert.x caller hops back with {@code runOnContext}.
 *
 * <p>Client traffic goes through {@link #openSession}, {@link #send}, {@link #closeSession};
 * kernel traffic reaches the {@link KernelMessageListener} and lifecycle news the
 * {@link KernelLifecycleListener} given to the constructor.
 */
public final class KernelManager implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(KernelManager.class.getName());

  private final ManagerOptions options;
  private final KernelSpecs specs;
  private final ConnectionFiles files;
  private final Clock clock;
  private final Map<String, Kernel> kernels = new ConcurrentHashMap<>();
  private final ZmqHub hub;
  private final KernelRunner runner;
  private final ExecutorService processExecutor;
  private final ScheduledExecutorService timer;
  private final Optional<ScheduledFuture<?>> culling;
  private int pendingStarts; // guarded by kernels

  public KernelManager(ManagerOptions options, KernelSpecs specs, ConnectionFiles files,
      KernelMessageListener downstream, KernelLifecycleListener lifecycle, Clock clock) {
    this.options = Objects.requireNonNull(options, "options");
    this.specs = Objects.requireNonNull(specs, "specs");
    this.files = Objects.requireNonNull(files, "files");
    this.clock = Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(downstream, "downstream");
    Objects.requireNonNull(lifecycle, "lifecycle");
    this.processExecutor = Executors.newFixedThreadPool(2, daemon("nbguard-kernel-process"));
    this.timer = Executors.newSingleThreadScheduledExecutor(daemon("nbguard-kernel-timer"));
    KernelEvents events = new KernelEvents(kernels, downstream, clock);
    this.hub = new ZmqHub(options.hub(), options.limits(), events);
    this.runner = new KernelRunner(options, kernels, hub, lifecycle,
        new Messages(clock, "nbguard-gateway", "nbguard"), processExecutor, timer);
    events.onDeath(runner::markDead);
    this.culling = options.culling().enabled() ? Optional.of(scheduleCulling()) : Optional.empty();
  }

  private ScheduledFuture<?> scheduleCulling() {
    Culler culler = new Culler(options.culling(), clock, this::list,
        id -> Optional.ofNullable(kernels.get(id))
            .ifPresent(k -> runner.stop(k, LifecycleEvent.CULLED)));
    long every = options.culling().interval().toMillis();
    return timer.scheduleWithFixedDelay(() -> {
      try {
        culler.cullOnce();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "culling failed", e);
      }
    }, every, every, TimeUnit.MILLISECONDS);
  }

  public KernelSpecs specs() {
    return specs;
  }

  /**
   * Starts a kernel of spec {@code specName} with the client's {@code KERNEL_*} variables.
   * Completes once the kernel answered {@code kernel_info_request} on shell and IOPub carried a
   * message; fails with {@link NoSuchKernelSpecException}, {@link KernelLimitException} or
   * {@link KernelStartException} (with the end of the kernel's log).
   */
  public CompletableFuture<KernelModel> start(String specName, KernelEnv env) {
    Objects.requireNonNull(env, "env");
    Optional<KernelSpec> spec = specs.find(specName);
    if (spec.isEmpty()) {
      return CompletableFuture.failedFuture(new NoSuchKernelSpecException(specName));
    }
    synchronized (kernels) {
      if (kernels.size() + pendingStarts >= options.maxKernels()) {
        return CompletableFuture.failedFuture(new KernelLimitException(options.maxKernels()));
      }
      pendingStarts++;
    }
    CompletableFuture<Kernel> created = CompletableFuture.supplyAsync(
        () -> create(spec.get(), env), processExecutor);
    created.whenComplete((k, e) -> {
      synchronized (kernels) {
        pendingStarts--;
      }
    });
    return created.thenCompose(runner::bringUp);
  }

  private Kernel create(KernelSpec spec, KernelEnv env) {
    String id = UUID.randomUUID().toString();
    try {
      ConnectionInfo info = files.allocate(spec.name());
      Kernel k = new Kernel(id, spec, env, info, files.write(id, info), files.logFor(id),
          clock.instant());
      kernels.put(id, k);
      return k;
    } catch (IOException e) {
      throw new KernelStartException("cannot prepare kernel " + id + ": " + e.getMessage(), e);
    }
  }

  /** Snapshots of every kernel (starting and dead ones included, stopping ones not). */
  public List<KernelModel> list() {
    List<KernelModel> out = new ArrayList<>();
    for (Kernel k : kernels.values()) {
      if (!k.stopping) {
        out.add(k.model());
      }
    }
    return out;
  }

  /** A snapshot of one kernel. */
  public Optional<KernelModel> get(String kernelId) {
    return find(kernelId).map(Kernel::model);
  }

  /** The connection info (ports and key) of a kernel. */
  public Optional<ConnectionInfo> connectionInfo(String kernelId) {
    return find(kernelId).map(k -> k.info);
  }

  /** The spec a kernel was started from. */
  public Optional<KernelSpec> spec(String kernelId) {
    return find(kernelId).map(k -> k.spec);
  }

  /** The process of a kernel, once launched. */
  public Optional<ProcessHandle> process(String kernelId) {
    return find(kernelId).map(k -> k.process).map(KernelProcess::handle);
  }

  private Optional<Kernel> find(String kernelId) {
    Kernel k = kernels.get(kernelId);
    return k == null || k.stopping ? Optional.empty() : Optional.of(k);
  }

  private <T> CompletableFuture<T> withKernel(String kernelId,
      Function<Kernel, CompletableFuture<T>> action) {
    Optional<Kernel> k = find(kernelId);
    return k.isEmpty()
        ? CompletableFuture.failedFuture(new NoSuchKernelException(kernelId))
        : action.apply(k.get());
  }

  /** SIGINT to the process group (interrupt_mode signal) or interrupt_request on control. */
  public CompletableFuture<Void> interrupt(String kernelId) {
    return withKernel(kernelId, k -> {
      KernelProcess p = k.process;
      if (k.spec.interruptMode() == InterruptMode.MESSAGE || p == null) {
        return runner.request(k, Channel.CONTROL, "interrupt_request", "{}");
      }
      return p.interrupt();
    });
  }

  /**
   * Restarts a kernel (a dead one too) on the same ports with the same key, so clients' sockets
   * stay valid. Lifecycle: {@code RESTARTING} (no synthetic status: a restart that was asked for
   * is not announced on IOPub, as in Jupyter Server), then {@code RESTARTED}, or {@code DIED}
   * (with {@code status: dead}) when the new process does not come up.
   */
  public CompletableFuture<KernelModel> restart(String kernelId) {
    return withKernel(kernelId, runner::restart);
  }

  /** Shuts a kernel down: shutdown_request, then SIGTERM, then SIGKILL; forgets it. */
  public CompletableFuture<Void> shutdown(String kernelId) {
    return withKernel(kernelId, k -> runner.stop(k, LifecycleEvent.SHUT_DOWN));
  }

  /** Shuts every kernel down (gateway stop: no orphan processes). */
  public CompletableFuture<Void> shutdownAll() {
    return CompletableFuture.allOf(kernels.values().stream()
        .map(k -> runner.stop(k, LifecycleEvent.SHUT_DOWN))
        .toArray(CompletableFuture[]::new));
  }

  /**
   * Opens a client session's shell, stdin and control sockets (ZeroMQ identity = the session
   * id). Idempotent: a client reconnecting with the same session keeps its sockets.
   */
  public CompletableFuture<Void> openSession(String kernelId, String sessionId) {
    return withKernel(kernelId, k -> hub.openSession(kernelId, sessionId)
        .thenRun(() -> k.sessions.add(sessionId)));
  }

  /** Closes a client session's sockets. */
  public CompletableFuture<Void> closeSession(String kernelId, String sessionId) {
    return withKernel(kernelId, k -> {
      k.sessions.remove(sessionId);
      return hub.closeSession(kernelId, sessionId).thenApply(b -> (Void) null);
    });
  }

  /**
   * Signs (with the kernel's key) and sends a client's message on shell, stdin or control of its
   * session; counts as activity. Fails at once, without queueing, when the hub's queue or the
   * socket is full ({@link java.util.concurrent.RejectedExecutionException}).
   */
  public CompletableFuture<Void> send(String kernelId, String sessionId, Channel channel,
      JupyterMessage message) {
    return withKernel(kernelId, k -> {
      k.lastActivity = clock.instant();
      return hub.send(kernelId, sessionId, channel, message);
    });
  }

  /**
   * Stops reading a kernel's sockets (backpressure for a slow client) or resumes; see
   * {@link ZmqHub#setReading}.
   */
  public CompletableFuture<Void> setReading(String kernelId, boolean reading) {
    return withKernel(kernelId, k -> hub.setReading(kernelId, reading));
  }

  /**
   * Shuts every kernel down (bounded wait; what is left is SIGKILLed), then stops the hub and
   * the executors. Blocks: call it when the gateway stops, not on an event loop.
   */
  @Override
  public void close() {
    culling.ifPresent(f -> f.cancel(false));
    try {
      shutdownAll().get(options.stopWait().toMillis() * 4 + 5_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "not every kernel stopped cleanly: " + e);
      kernels.values().forEach(k -> Optional.ofNullable(k.process).ifPresent(KernelProcess::kill));
    }
    hub.close();
    timer.shutdownNow();
    processExecutor.shutdown();
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
