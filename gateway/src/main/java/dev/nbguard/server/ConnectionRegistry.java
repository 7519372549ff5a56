package dev.nbguard.server;

import dev.nbguard.kernel.KernelManager;
import dev.nbguard.kernel.LifecycleEvent;
import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.JupyterMessage;
import dev.nbguard.protocol.ProtocolException;
import dev.nbguard.protocol.WsFrame;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The open client connections per kernel, and the fan-out of kernel messages to them: IOPub to
 * every client of the kernel, shell/stdin/control replies to the session that asked. Filters
 * each kernel message once before fan-out. Applies backpressure: while any client's write
 * queue is full the kernel's sockets are not read; a client that stays full past a byte bound
 * or stays full longer than a time bound is closed (1008), so one client that never reads
 * cannot stall the kernel's other clients for ever or grow memory. Used only on the gateway's
 * event loop.
 */
final class ConnectionRegistry {

  private static final System.Logger LOG = System.getLogger(ConnectionRegistry.class.getName());

  private final KernelManager manager;
  private final OutputFilter filter;
  private final long maxOverflowBytes;
  private final Vertx vertx;
  private final long maxStallMillis;
  private final Map<String, List<ClientConnection>> byKernel = new HashMap<>();
  private final Map<String, Integer> blockers = new HashMap<>();

  ConnectionRegistry(Vertx vertx, KernelManager manager, OutputFilter filter,
      long maxOverflowBytes, long maxStallMillis) {
    this.vertx = vertx;
    this.maxStallMillis = maxStallMillis;
    this.manager = manager;
    this.filter = filter;
    this.maxOverflowBytes = maxOverflowBytes;
  }

  /** Adds a connection; an earlier one of the same kernel and session is closed (replaced). */
  void add(ClientConnection c) {
    List<ClientConnection> list = byKernel.computeIfAbsent(c.kernelId, k -> new ArrayList<>());
    for (ClientConnection old : List.copyOf(list)) {
      if (old.sessionId.equals(c.sessionId)) {
        list.remove(old);
        unblock(old);
        old.ws.close((short) 1000, "replaced by a new connection of the same session");
      }
    }
    list.add(c);
  }

  /**
   * Forgets a connection; closes its kernel session unless another connection uses it.
   */
  void remove(ClientConnection c) {
    List<ClientConnection> list = byKernel.get(c.kernelId);
    if (list == null || !list.remove(c)) {
      return;
    }
    unblock(c);
    if (list.isEmpty()) {
      byKernel.remove(c.kernelId);
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

  /** A kernel message: filtered once, then written to the clients it belongs to. */
  void deliver(String kernelId, Channel channel, Optional<String> sessionId,
      JupyterMessage message) {
    List<ClientConnection> list = byKernel.get(kernelId);
    if (list == null || list.isEmpty()) {
      return;
    }
    Optional<JupyterMessage> out;
    try {
      out = filter.toClient(kernelId, message.channel().isPresent()
          ? message : message.withChannel(channel));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "filter failed on " + message.msgType() + " of kernel " + kernelId
          + "; message dropped", e);
      return;
    }
    if (out.isEmpty()) {
      return;
    }
    for (ClientConnection c : List.copyOf(list)) {
      if (channel == Channel.IOPUB || sessionId.map(c.sessionId::equals).orElse(false)) {
        write(c, out.get());
      }
    }
  }

  /** Lifecycle news: synthetic status to every client; connections closed when the kernel goes. */
  void lifecycle(String kernelId, LifecycleEvent event, Optional<JupyterMessage> status) {
    if (event == LifecycleEvent.RESTARTING || event == LifecycleEvent.DIED
        || event == LifecycleEvent.SHUT_DOWN || event == LifecycleEvent.CULLED) {
      filter.forgetKernel(kernelId);
    }
    status.ifPresent(s -> deliver(kernelId, Channel.IOPUB, Optional.empty(),
        s.channel().isPresent() ? s : s.withChannel(Channel.IOPUB)));
    if (event == LifecycleEvent.SHUT_DOWN || event == LifecycleEvent.CULLED) {
      List<ClientConnection> list = byKernel.remove(kernelId);
      blockers.remove(kernelId);
      if (list != null) {
        list.forEach(c -> c.ws.close((short) 1000, "kernel shut down"));
      }
    }
  }

  void closeAll() {
    byKernel.values().forEach(l -> l.forEach(c -> c.ws.close((short) 1001, "gateway stopping")));
    byKernel.clear();
    blockers.clear();
  }

  private void write(ClientConnection c, JupyterMessage m) {
    if (c.ws.isClosed()) {
      return;
    }
    WsFrame frame;
    try {
      frame = c.codec.encode(m);
    } catch (ProtocolException e) {
      LOG.log(Level.WARNING, "cannot encode " + m.msgType() + " for " + c + ": " + e.getMessage());
      return;
    }
    if (c.ws.writeQueueFull()) {
      c.overflowBytes += frame.payload().length();
      if (c.overflowBytes > maxOverflowBytes) {
        tooSlow(c, "too much unread output");
        return;
      }
    }
    if (frame.isText()) {
      c.ws.writeTextMessage(frame.text());
    } else {
      c.ws.writeBinaryMessage(Buffer.buffer(frame.payload().toArray()));
    }
    if (c.ws.writeQueueFull() && !c.blocking) {
      block(c);
    }
  }

  private void block(ClientConnection c) {
    c.blocking = true;
    int n = blockers.merge(c.kernelId, 1, Integer::sum);
    if (n == 1) {
      setReading(c.kernelId, false);
    }
    c.ws.drainHandler(v -> unblock(c));
    long since = ++c.stalls;
    vertx.setTimer(maxStallMillis, t -> {
      if (c.blocking && c.stalls == since) {
        tooSlow(c, "output unread for " + maxStallMillis + " ms");
      }
    });
  }

  private void tooSlow(ClientConnection c, String why) {
    LOG.log(Level.WARNING, c + " does not read its messages (" + why + "); closing it");
    remove(c);
    c.ws.close((short) 1008, "client too slow: " + why);
  }

  private void unblock(ClientConnection c) {
    if (!c.blocking) {
      return;
    }
    c.blocking = false;
    c.overflowBytes = 0;
    Integer n = blockers.computeIfPresent(c.kernelId, (k, x) -> x <= 1 ? null : x - 1);
    if (n == null) {
      setReading(c.kernelId, true);
    }
  }

  private void setReading(String kernelId, boolean reading) {
    manager.setReading(kernelId, reading).whenComplete((v, e) -> {
      if (e != null) {
        LOG.log(Level.DEBUG, "setReading(" + kernelId + ", " + reading + "): " + e);
      }
    });
  }
}
