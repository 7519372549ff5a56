package dev.nbguard.server;

import dev.nbguard.kernel.KernelManager;
import dev.nbguard.kernel.LifecycleEvent;
import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.JupyterMessage;
import io.vertx.core.Vertx;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The open client connections per kernel, and the fan-out of (already filtered) kernel messages
 * to them: IOPub to every client of the kernel, shell/stdin/control replies to the session that
 * asked. Writing and backpressure are the {@link ClientWriter}'s; what a kernel sends while no
 * client is connected is kept by {@link ReconnectBuffers}. Used only on the gateway's event loop.
 */
final class ConnectionRegistry {

  private static final System.Logger LOG = System.getLogger(ConnectionRegistry.class.getName());

  private final KernelManager manager;
  private final ClientWriter writer;
  private final ReconnectBuffers parked;
  private final Map<String, List<ClientConnection>> byKernel = new HashMap<>();

  ConnectionRegistry(Vertx vertx, KernelManager manager, ReadGate gate, ClientLimits limits) {
    this.manager = manager;
    this.writer = new ClientWriter(vertx, gate, limits, c -> remove(c, true));
    this.parked = new ReconnectBuffers(vertx, manager, limits);
  }

  /**
   * Adds a connection; an earlier one of the same kernel and session is closed (replaced). What
   * was kept for this client while it was away is written first.
   */
  void add(ClientConnection c) {
    List<ClientConnection> list = byKernel.computeIfAbsent(c.kernelId, k -> new ArrayList<>());
    for (ClientConnection old : List.copyOf(list)) {
      if (old.sessionId.equals(c.sessionId)) {
        list.remove(old);
        writer.release(old);
        old.ws.close((short) 1000, "replaced by a new connection of the same session");
      }
    }
    list.add(c);
    List<JupyterMessage> missed = parked.resume(c);
    if (!missed.isEmpty()) {
      LOG.log(Level.INFO, c + " reconnected: replaying " + missed.size() + " messages");
      missed.forEach(m -> writer.write(c, m));
    }
  }

  /**
   * Forgets a connection. When it was its kernel's last one and {@code mayPark}, its kernel
   * session stays open for a reconnection ({@link ReconnectBuffers}); otherwise it is closed.
   */
  void remove(ClientConnection c, boolean mayPark) {
    List<ClientConnection> list = byKernel.get(c.kernelId);
    if (list == null || !list.remove(c)) {
      return;
    }
    writer.release(c);
    if (list.isEmpty()) {
      byKernel.remove(c.kernelId);
      if (mayPark && manager.get(c.kernelId).isPresent()) {
        parked.park(c);
        return;
      }
    }
    manager.closeSession(c.kernelId, c.sessionId).whenComplete((v, e) -> {
      if (e != null) {
        LOG.log(Level.DEBUG, "closing session " + c.sessionId + ": " + e);
      }
    });
  }

  int count(String kernelId) {
    return byKernel.getOrDefault(kernelId, List.of()).size();
  }

  /** A filtered kernel message: written to the clients it belongs to, or kept for later. */
  void deliver(String kernelId, Channel channel, Optional<String> sessionId,
      JupyterMessage message) {
    List<ClientConnection> list = byKernel.get(kernelId);
    if (list == null || list.isEmpty()) {
      parked.offer(kernelId, channel, sessionId, message);
      return;
    }
    for (ClientConnection c : List.copyOf(list)) {
      if (channel == Channel.IOPUB || sessionId.map(c.sessionId::equals).orElse(false)) {
        writer.write(c, message);
      }
    }
  }

  /** Lifecycle news: synthetic status to every client; connections closed when the kernel goes. */
  void lifecycle(String kernelId, LifecycleEvent event, Optional<JupyterMessage> status) {
    status.ifPresent(s -> deliver(kernelId, Channel.IOPUB, Optional.empty(), s));
    if (event == LifecycleEvent.SHUT_DOWN || event == LifecycleEvent.CULLED) {
      parked.discard(kernelId);
      List<ClientConnection> list = byKernel.remove(kernelId);
      if (list != null) {
        list.forEach(c -> c.ws.close((short) 1000, "kernel shut down"));
      }
    }
  }

  void closeAll() {
    byKernel.values().forEach(l -> l.forEach(c -> c.ws.close((short) 1001, "gateway stopping")));
    byKernel.clear();
    parked.clear();
  }
}
