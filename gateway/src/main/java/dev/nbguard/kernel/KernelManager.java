package dev.nbguard.kernel;

import dev.nbguard.protocol.Bytes;
import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.JupyterMessage;
import dev.nbguard.protocol.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Starts, tracks, interrupts, restarts and stops kernels; the gateway's one entry point to them.
 *
 * <p>Every operation returns a {@link CompletableFuture} at once. Blocking work (port search,
 * files, process launch, {@code kill}) runs on a small dedicated executor; timers (startup
 * nudges, culling) on one scheduler thread; sockets on the {@link ZmqHub} thread. Futures may
 * complete on any of these threads: a Vert.x caller hops back with {@code runOnContext}.
 *
 * <p>Client traffic: {@link #openSession}, {@link #send}, {@link #closeSession}; kernel traffic
 * and lifecycle news reach the listeners given to the constructor.
 */
public final class KernelManager implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(KernelManager.class.getName());

  private final ManagerOptions options;
  private final KernelSpecs specs;
  private final ConnectionFiles files;
  private final KernelMessageListener downstream;
  private final KernelLifecycleListener lifecycle;
  private final Clock clock;
  private final Messages messages;
  private final Map<String, Kernel> kernels = new ConcurrentHashMap<>();
  private final ZmqHub hub;
  private final ExecutorService processExecutor;
  private final ScheduledExecutorService timer;
  private final Optional<ScheduledFuture<?>> culling;
  private int pendingStarts; // guarded by kernels

  public KernelManager(ManagerOptions options, KernelSpecs specs, ConnectionFiles files,
      KernelMessageListener downstream, KernelLifecycleListener lifecycle, Clock clock) {
    this.options = Objects.requireNonNull(options, "options");
    this.specs = Objects.requireNonNull(specs, "specs");
    this.files = Objects.requireNonNull(files, "files");
    this.downstream = Objects.requireNonNull(downstream, "downstream");
    this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.messages = new Messages(clock, "nbguard-gateway", "nbguard");
    this.processExecutor = Executors.newFixedThreadPool(2, daemon("nbguard-kernel-process"));
    this.timer = Executors.newSingleThreadScheduledExecutor(daemon("nbguard-kernel-timer"));
    this.hub = new ZmqHub(options.hub(), options.limits(),
        new KernelEvents(this, kernels, downstream, clock));
    if (options.culling().enabled()) {
      Culler culler = new Culler(options.culling(), clock, this::list,
          id -> stop(id, LifecycleEvent.CULLED));
      long every = options.culling().interval().toMillis();
      this.culling = Optional.of(timer.scheduleWithFixedDelay(() -> {
        try {
          culler.cullOnce();
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "culling failed", e);
        }
      }, every, every, TimeUnit.MILLISECONDS));
    } else {
      this.culling = Optional.empty();
    }
  }

  public KernelSpecs specs() {
    return specs;
  }

  /**
   * Starts a kernel of spec {@code specName} with the client's {@code KERNEL_*} variables.
   * Completes once the kernel answered {@code kernel_info_request} on shell and IOPub carried a
   * message; fails with {@link NoSuchKernelSpecException}, {@link KernelLimitException} or
   * {@link KernelStartException}.
   */
  public CompletableFuture<KernelModel> start(String specName, KernelEnv env) {
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
    return created.thenCompose(k -> hub.addKernel(k.id, k.info)
        .thenCompose(v -> hub.setHeartbeat(k.id, false)) // a starting kernel cannot answer
        .thenCompose(v -> hub.openSession(k.id, k.internalSession))
        .thenCompose(v -> launchAndWait(k))
        .thenCompose(v -> hub.setHeartbeat(k.id, true))
        .thenApply(v -> {
          synchronized (k) {
            if (k.state == ExecutionState.STARTING) {
              k.state = ExecutionState.IDLE;
            }
          }
          lifecycle.onLifecycle(k.id, LifecycleEvent.STARTED, Optional.empty());
          return k.model();
        })
        .exceptionallyCompose(e -> {
          Throwable cause = unwrap(e);
          String log = logTail(k);
          return stop(k.id, LifecycleEvent.SHUT_DOWN).handle((x, y) -> {
            String why = cause instanceof KernelStartException
                ? cause.getMessage()
                : "kernel " + k.id + " did not start: " + cause;
            throw new CompletionException(new KernelStartException(
                why + (log.isEmpty() ? "" : "\n--- kernel log (end) ---\n" + log), cause));
          });
        }));
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
      throw new UncheckedIOException("cannot prepare kernel " + id, e);
    }
  }

  /** Launches the process of {@code k} and waits until it answers. */
  private CompletableFuture<Void> launchAndWait(Kernel k) {
    CompletableFuture<Void> ready = k.resetReady();
    return CompletableFuture.runAsync(() -> launch(k), processExecutor)
        .thenCompose(v -> nudgeUntilReady(k, ready));
  }

  private void launch(Kernel k) {
    if (k.stopping) {
      throw new KernelStartException("kernel " + k.id + " was shut down while starting");
    }
    try {
      Map<String, String> env = KernelProcess.environment(options.baseEnvironment(), k.spec,
          k.env);
      KernelProcess p = KernelProcess.launch(k.spec, k.connectionFile, env, k.logFile,
          processExecutor);
      k.process = p;
      p.onExit().thenAccept(code -> onExit(k, p, code));
    } catch (IOException e) {
      throw new KernelStartException("cannot launch " + k.spec.argv() + ": " + e.getMessage(), e);
    }
  }

  private CompletableFuture<Void> nudgeUntilReady(Kernel k, CompletableFuture<Void> ready) {
    long every = options.nudgeInterval().toMillis();
    ScheduledFuture<?> nudges = timer.scheduleWithFixedDelay(() -> {
      if (!ready.isDone()) {
        request(k, Channel.SHELL, "kernel_info_request", "{}");
      }
    }, 0, every, TimeUnit.MILLISECONDS);
    CompletableFuture<Void> bounded = ready.orTimeout(
        options.startupTimeout().toMillis(), TimeUnit.MILLISECONDS);
    bounded.whenComplete((v, e) -> nudges.cancel(false));
    return bounded.exceptionallyCompose(e -> CompletableFuture.failedFuture(
        unwrap(e) instanceof java.util.concurrent.TimeoutException
            ? new KernelStartException("kernel " + k.id + " did not answer kernel_info within "
                + options.startupTimeout().toSeconds() + " s")
            : unwrap(e)));
  }

  /** Sends a request of the manager's own on {@code channel}; failures are logged only. */
  CompletableFuture<Void> request(Kernel k, Channel channel, String msgType, String content) {
    JupyterMessage m = messages.create(channel, msgType, Bytes.utf8(content), Optional.empty());
    return hub.send(k.id, k.internalSession, channel, m).whenComplete((v, e) -> {
      if (e != null) {
        LOG.log(Level.DEBUG, "sending " + msgType + " to " + k.id + " failed: " + e);
      }
    });
  }

  private void onExit(Kernel k, KernelProcess p, int code) {
    if (k.process != p || k.stopping) {
      return; // replaced by a restart, or stopped on purpose
    }
    if (!k.ready.isDone()) {
      k.ready.completeExceptionally(new KernelStartException(
          "kernel process exited with code " + code + " before answering"));
      return;
    }
    if (k.state == ExecutionState.RESTARTING) {
      return; // the old process leaving during a restart
    }
    markDead(k, "process exited with code " + code);
  }

  /** Marks the kernel dead (once), tells the lifecycle listener, kills what is left. */
  void markDead(Kernel k, String reason) {
    synchronized (k) {
      if (k.state == ExecutionState.DEAD || k.stopping) {
        return;
      }
      k.state = ExecutionState.DEAD;
    }
    LOG.log(Level.WARNING, "kernel " + k.id + " died: " + reason);
    hub.setHeartbeat(k.id, false);
    KernelProcess p = k.process;
    if (p != null && p.isAlive()) {
      p.kill();
    }
    lifecycle.onLifecycle(k.id, LifecycleEvent.DIED,
        Optional.of(messages.status("dead", Optional.empty())));
  }

  /** Snapshots of every kernel. */
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

  /** The process of a kernel, while it has one. */
  public Optional<ProcessHandle> process(String kernelId) {
    return find(kernelId).map(k -> k.process).map(KernelProcess::handle);
  }

  private Optional<Kernel> find(String kernelId) {
    Kernel k = kernels.get(kernelId);
    return k == null || k.stopping ? Optional.empty() : Optional.of(k);
  }

  private <T> CompletableFuture<T> withKernel(String kernelId,
      java.util.function.Function<Kernel, CompletableFuture<T>> action) {
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
        return request(k, Channel.CONTROL, "interrupt_request", "{}");
      }
      return p.interrupt();
    });
  }

  /**
   * Restarts a kernel on the same ports with the same key, so clients' sockets stay valid:
   * {@code shutdown_request} (restart) on control, bounded waits and signals, a new process with
   * the same connection file, then the same readiness wait as {@link #start}.
   */
  public CompletableFuture<KernelModel> restart(String kernelId) {
    return withKernel(kernelId, k -> {
      synchronized (k) {
        if (k.state == ExecutionState.RESTARTING) {
          return CompletableFuture.failedFuture(
              new IllegalStateException("kernel " + kernelId + " is already restarting"));
        }
        k.state = ExecutionState.RESTARTING;
      }
      lifecycle.onLifecycle(k.id, LifecycleEvent.RESTARTING,
          Optional.of(messages.status("restarting", Optional.empty())));
      KernelProcess old = k.process;
      return hub.setHeartbeat(k.id, false)
          .thenCompose(v -> request(k, Channel.CONTROL, "shutdown_request", "{\"restart\":true}"))
          .exceptionally(e -> null)
          .thenCompose(v -> old == null ? CompletableFuture.completedFuture(null)
              : old.stop(options.stopWait().toMillis(), TimeUnit.MILLISECONDS))
          .thenCompose(v -> launchAndWait(k))
          .thenCompose(v -> hub.setHeartbeat(k.id, true))
          .thenApply(v -> {
            synchronized (k) {
              if (k.state == ExecutionState.RESTARTING) {
                k.state = ExecutionState.IDLE;
              }
            }
            lifecycle.onLifecycle(k.id, LifecycleEvent.RESTARTED, Optional.empty());
            return k.model();
          })
          .whenComplete((m, e) -> {
            if (e != null) {
              synchronized (k) {
                if (k.state == ExecutionState.RESTARTING) {
                  k.state = ExecutionState.IDLE; // let markDead act
                }
              }
              markDead(k, "restart failed: " + unwrap(e));
            }
          });
    });
  }

  /** Shuts a kernel down: shutdown_request, then SIGTERM, then SIGKILL; removes it. */
  public CompletableFuture<Void> shutdown(String kernelId) {
    return withKernel(kernelId, k -> stop(k.id, LifecycleEvent.SHUT_DOWN));
  }

  /** Shuts every kernel down (gateway stop: leaves no orphan processes). */
  public CompletableFuture<Void> shutdownAll() {
    return CompletableFuture.allOf(kernels.keySet().stream()
        .map(id -> stop(id, LifecycleEvent.SHUT_DOWN))
        .toArray(CompletableFuture[]::new));
  }

  private CompletableFuture<Void> stop(String kernelId, LifecycleEvent event) {
    Kernel k = kernels.get(kernelId);
    if (k == null) {
      return CompletableFuture.completedFuture(null);
    }
    synchronized (k) {
      if (k.stopping) {
        return k.stopped;
      }
      k.stopping = true;
    }
    k.ready.completeExceptionally(
        new KernelStartException("kernel " + k.id + " was shut down while starting"));
    long wait = options.stopWait().toMillis();
    KernelProcess p = k.process;
    CompletableFuture<Void> asked = p == null || !p.isAlive()
        ? CompletableFuture.completedFuture(null)
        : hub.setHeartbeat(k.id, false)
            .thenCompose(v -> request(k, Channel.CONTROL, "shutdown_request",
                "{\"restart\":false}"))
            .exceptionally(e -> null);
    asked.thenCompose(v -> p == null ? CompletableFuture.completedFuture(null)
            : p.stop(wait, TimeUnit.MILLISECONDS))
        .exceptionally(e -> null)
        .thenCompose(v -> hub.removeKernel(k.id).exceptionally(e -> null))
        .whenComplete((v, e) -> {
          try {
            Files.deleteIfExists(k.connectionFile);
            Files.deleteIfExists(k.logFile);
          } catch (IOException io) {
            LOG.log(Level.DEBUG, "cleaning files of " + k.id + ": " + io);
          }
          k.state = ExecutionState.DEAD;
          kernels.remove(k.id);
          lifecycle.onLifecycle(k.id, event, Optional.empty());
          k.stopped.complete(null);
        });
    return k.stopped;
  }

  /** Opens (idempotently) a client session's shell/stdin/control sockets on a kernel. */
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

  /** Signs and sends a client's message on shell, stdin or control of its session. */
  public CompletableFuture<Void> send(String kernelId, String sessionId, Channel channel,
      JupyterMessage message) {
    return withKernel(kernelId, k -> {
      k.lastActivity = clock.instant();
      return hub.send(kernelId, sessionId, channel, message);
    });
  }

  /**
   * Shuts every kernel down (waiting a bounded time), then stops the hub and the executors.
   * Blocks: call it when the gateway stops, not on an event loop.
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

  private String logTail(Kernel k) {
    try {
      byte[] all = Files.readAllBytes(k.logFile);
      int from = Math.max(0, all.length - 2048);
      return new String(all, from, all.length - from, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static Throwable unwrap(Throwable e) {
    while ((e instanceof CompletionException || e instanceof java.util.concurrent.ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
