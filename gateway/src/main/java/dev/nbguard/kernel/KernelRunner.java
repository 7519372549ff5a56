package dev.nbguard.kernel;

import dev.nbguard.protocol.Bytes;
import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.JupyterMessage;
import dev.nbguard.protocol.Messages;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The step sequences of a kernel's life, for {@link KernelManager}: bring up (sockets, process,
 * readiness), restart, stop, death. Each step is asynchronous; blocking work goes to the process
 * executor, waits to the timer.
 */
final class KernelRunner {

  private static final System.Logger LOG = System.getLogger(KernelRunner.class.getName());

  private final ManagerOptions options;
  private final Map<String, Kernel> kernels;
  private final ZmqHub hub;
  private final KernelLifecycleListener lifecycle;
  private final Messages messages;
  private final ExecutorService processExecutor;
  private final ScheduledExecutorService timer;

  KernelRunner(ManagerOptions options, Map<String, Kernel> kernels, ZmqHub hub,
      KernelLifecycleListener lifecycle, Messages messages, ExecutorService processExecutor,
      ScheduledExecutorService timer) {
    this.options = options;
    this.kernels = kernels;
    this.hub = hub;
    this.lifecycle = lifecycle;
    this.messages = messages;
    this.processExecutor = processExecutor;
    this.timer = timer;
  }

  /** Connects the hub, launches the process, waits until it answers; cleans up on failure. */
  CompletableFuture<KernelModel> bringUp(Kernel k) {
    return hub.addKernel(k.id, k.info)
        .thenCompose(v -> hub.setHeartbeat(k.id, false)) // a starting kernel cannot answer
        .thenCompose(v -> hub.openSession(k.id, k.internalSession))
        .thenCompose(v -> launchAndWait(k))
        .thenCompose(v -> hub.setHeartbeat(k.id, true))
        .thenApply(v -> {
          leave(k, ExecutionState.STARTING);
          lifecycle.onLifecycle(k.id, LifecycleEvent.STARTED, Optional.empty());
          return k.model();
        })
        .exceptionallyCompose(e -> {
          Throwable cause = unwrap(e);
          String log = logTail(k);
          return stop(k, LifecycleEvent.SHUT_DOWN).handle((x, y) -> {
            String why = cause instanceof KernelStartException
                ? cause.getMessage()
                : "kernel " + k.id + " did not start: " + cause;
            throw new CompletionException(new KernelStartException(
                why + (log.isEmpty() ? "" : "\n--- kernel log (end) ---\n" + log), cause));
          });
        });
  }

  /**
   * Restarts on the same ports with the same key: {@code shutdown_request} (restart) on control,
   * bounded waits and signals, a new process with the same connection file, the readiness wait.
   */
  CompletableFuture<KernelModel> restart(Kernel k) {
    synchronized (k) {
      if (k.state == ExecutionState.RESTARTING) {
        return CompletableFuture.failedFuture(
            new IllegalStateException("kernel " + k.id + " is already restarting"));
      }
      k.state = ExecutionState.RESTARTING;
    }
    // No synthetic status: Jupyter Server announces "restarting" only when its restarter brings
    // back a kernel that died, and @jupyterlab/services reads it as exactly that (autorestart:
    // it clears its state and reconnects, racing the reconnect of the restart it asked for).
    lifecycle.onLifecycle(k.id, LifecycleEvent.RESTARTING, Optional.empty());
    KernelProcess old = k.process;
    boolean alive = old != null && old.isAlive();
    // A dead kernel gets no shutdown_request: ZeroMQ would keep it queued for the new process
    // on the same ports, which would then shut down at once. For the same reason the manager's
    // own session is renewed once the old process is gone (a request it never read is dropped).
    return hub.setHeartbeat(k.id, false)
        .thenCompose(v -> alive
            ? request(k, Channel.CONTROL, "shutdown_request", "{\"restart\":true}")
            : CompletableFuture.<Void>completedFuture(null))
        .exceptionally(e -> null)
        .thenCompose(v -> old == null ? CompletableFuture.completedFuture(null)
            : old.stop(options.stopWait().toMillis(), TimeUnit.MILLISECONDS))
        .thenCompose(v -> hub.closeSession(k.id, k.internalSession))
        .thenCompose(v -> hub.openSession(k.id, k.internalSession))
        .thenCompose(v -> launchAndWait(k))
        .thenCompose(v -> hub.setHeartbeat(k.id, true))
        .thenApply(v -> {
          leave(k, ExecutionState.RESTARTING);
          lifecycle.onLifecycle(k.id, LifecycleEvent.RESTARTED, Optional.empty());
          return k.model();
        })
        .whenComplete((m, e) -> {
          if (e != null) {
            leave(k, ExecutionState.RESTARTING); // so that markDead acts
            markDead(k, "restart failed: " + unwrap(e));
          }
        });
  }

  /** Moves the kernel to idle if it is still in {@code from}. */
  private static void leave(Kernel k, ExecutionState from) {
    synchronized (k) {
      if (k.state == from) {
        k.state = ExecutionState.IDLE;
      }
    }
  }

  /**
   * Stops a kernel (idempotent): {@code shutdown_request}, bounded waits, SIGTERM, SIGKILL to
   * its process group; closes its sockets, deletes its files, forgets it.
   */
  CompletableFuture<Void> stop(Kernel k, LifecycleEvent event) {
    synchronized (k) {
      if (k.stopping) {
        return k.stopped;
      }
      k.stopping = true;
    }
    k.ready.completeExceptionally(
        new KernelStartException("kernel " + k.id + " was shut down while starting"));
    KernelProcess p = k.process;
    CompletableFuture<Void> asked = p == null || !p.isAlive()
        ? CompletableFuture.completedFuture(null)
        : hub.setHeartbeat(k.id, false)
            .thenCompose(v -> request(k, Channel.CONTROL, "shutdown_request",
                "{\"restart\":false}"))
            .exceptionally(e -> null);
    asked.thenCompose(v -> p == null ? CompletableFuture.completedFuture(null)
            : p.stop(options.stopWait().toMillis(), TimeUnit.MILLISECONDS))
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

  /**
   * Marks the kernel dead (once), tells the lifecycle listener, kills what is left of it. Not
   * while it restarts: the restart owns the kernel then (it marks it dead itself if it fails),
   * and a report arriving meanwhile is about the old process — a heartbeat failure found just
   * before the restart turned the heartbeat off would otherwise kill the new process.
   */
  void markDead(Kernel k, String reason) {
    synchronized (k) {
      if (k.state == ExecutionState.DEAD || k.state == ExecutionState.RESTARTING || k.stopping) {
        return;
      }
      k.state = ExecutionState.DEAD;
    }
    LOG.log(Level.WARNING, "kernel " + k.id + " died: " + reason);
    hub.setHeartbeat(k.id, false);
    KernelProcess p = k.process;
    if (p != null) {
      p.kill(); // a hung kernel, and whatever a crashed one left in its process group
    }
    lifecycle.onLifecycle(k.id, LifecycleEvent.DIED,
        Optional.of(messages.status("dead", Optional.empty())));
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
      CompletableFuture<Void> ready = k.ready; // this launch's readiness, reset just before
      p.onExit().thenAccept(code -> onExit(k, p, ready, code));
    } catch (IOException e) {
      throw new KernelStartException("cannot launch " + k.spec.argv() + ": " + e.getMessage(), e);
    }
  }

  /** Sends kernel_info_request every nudge interval until the kernel is ready, bounded. */
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
        unwrap(e) instanceof TimeoutException
            ? new KernelStartException("kernel " + k.id + " did not answer kernel_info within "
                + options.startupTimeout().toSeconds() + " s")
            : unwrap(e)));
  }

  private void onExit(Kernel k, KernelProcess p, CompletableFuture<Void> ready, int code) {
    if (k.process != p || k.stopping) {
      return; // replaced by a restart, or stopped on purpose
    }
    if (!ready.isDone()) {
      ready.completeExceptionally(new KernelStartException(
          "kernel process exited with code " + code + " before answering"));
      return;
    }
    if (k.state == ExecutionState.RESTARTING) {
      return; // the old process leaving during a restart
    }
    markDead(k, "process exited with code " + code);
  }

  private static String logTail(Kernel k) {
    try {
      byte[] all = Files.readAllBytes(k.logFile);
      int from = Math.max(0, all.length - 2048);
      return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  static Throwable unwrap(Throwable e) {
    while ((e instanceof CompletionException
        || e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
