package dev.nbguard.kernel;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** The manager's mutable record of one kernel. Fields are volatile; transitions lock this. */
final class Kernel {

  final String id;
  final KernelSpec spec;
  final KernelEnv env;
  final ConnectionInfo info;
  final Path connectionFile;
  final Path logFile;
  final String internalSession;
  final Set<String> sessions = ConcurrentHashMap.newKeySet();
  final CompletableFuture<Void> stopped = new CompletableFuture<>();

  volatile KernelProcess process;
  volatile ExecutionState state = ExecutionState.STARTING;
  volatile Instant lastActivity;
  volatile boolean stopping;

  // readiness of the current start or restart
  volatile CompletableFuture<Void> ready = new CompletableFuture<>();
  volatile boolean sawInfoReply;
  volatile boolean sawIopub;

  Kernel(String id, KernelSpec spec, KernelEnv env, ConnectionInfo info, Path connectionFile,
      Path logFile, Instant now) {
    this.id = id;
    this.spec = spec;
    this.env = env;
    this.info = info;
    this.connectionFile = connectionFile;
    this.logFile = logFile;
    this.internalSession = "nbguard-" + id;
    this.lastActivity = now;
  }

  /** Starts a new readiness wait (for a start or a restart). */
  synchronized CompletableFuture<Void> resetReady() {
    sawInfoReply = false;
    sawIopub = false;
    ready = new CompletableFuture<>();
    return ready;
  }

  void checkReady() {
    if (sawInfoReply && sawIopub) {
      ready.complete(null);
    }
  }

  KernelModel model() {
    return new KernelModel(id, spec.name(), lastActivity, state, sessions.size());
  }
}
