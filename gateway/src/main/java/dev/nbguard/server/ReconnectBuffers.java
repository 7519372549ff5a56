package dev.nbguard.server;

import dev.nbguard.kernel.KernelManager;
import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.JupyterMessage;
import io.vertx.core.Vertx;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a kernel sends while none of its clients is connected, kept for the client that comes
 * back, as Jupyter Server does: when a kernel's last connection closes, its kernel session stays
 * open and the kernel's IOPub messages and the replies to that session are kept; a connection
 * with the same {@code session_id} (or, like the last one, none) within the window gets them
 * first, in order, then the live stream. Bounded: at most {@code maxBytes} per kernel (the
 * oldest go first, counted and logged) and {@code window} long; a connection of another session
 * discards them. Used only on the gateway's event loop.
 */
final class ReconnectBuffers {

  private static final System.Logger LOG = System.getLogger(ReconnectBuffers.class.getName());

  private final class Parked {
    final String kernelId;
    final String resumeKey;
    final String sessionId;
    final ArrayDeque<JupyterMessage> messages = new ArrayDeque<>();
    long bytes;
    long dropped;
    long timer;

    Parked(ClientConnection c) {
      this.kernelId = c.kernelId;
      this.resumeKey = c.resumeKey;
      this.sessionId = c.sessionId;
    }

    void add(JupyterMessage m) {
      messages.add(m);
      bytes += m.size();
      while (bytes > maxBytes && !messages.isEmpty()) {
        bytes -= messages.poll().size();
        dropped++;
      }
    }
  }

  private final Vertx vertx;
  private final KernelManager manager;
  private final long maxBytes;
  private final long windowMillis;
  private final Map<String, Parked> byKernel = new HashMap<>();

  ReconnectBuffers(Vertx vertx, KernelManager manager, ClientLimits limits) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.manager = Objects.requireNonNull(manager, "manager");
    this.maxBytes = limits.reconnectBufferBytes();
    this.windowMillis = Math.max(1, limits.reconnectWindow().toMillis());
  }

  /** {@code c} was its kernel's last connection: keep its session and what comes for it. */
  void park(ClientConnection c) {
    discard(c.kernelId);
    if (maxBytes == 0) {
      closeSession(c.kernelId, c.sessionId);
      return;
    }
    Parked p = new Parked(c);
    p.timer = vertx.setTimer(windowMillis, t -> {
      if (byKernel.remove(p.kernelId, p)) {
        LOG.log(Level.INFO, "no reconnection to kernel " + p.kernelId + " within "
            + windowMillis + " ms; dropping " + p.messages.size() + " kept messages");
        closeSession(p.kernelId, p.sessionId);
      }
    });
    byKernel.put(c.kernelId, p);
  }

  /**
   * A connection opens: the messages kept for it, in order (empty when none were kept or they
   * were another session's, which are dropped). The kept kernel session is closed unless it is
   * the connection's own.
   */
  List<JupyterMessage> resume(ClientConnection c) {
    Parked p = byKernel.remove(c.kernelId);
    if (p == null) {
      return List.of();
    }
    vertx.cancelTimer(p.timer);
    if (!p.sessionId.equals(c.sessionId)) {
      closeSession(p.kernelId, p.sessionId);
    }
    if (!p.resumeKey.equals(c.resumeKey)) {
      return List.of();
    }
    if (p.dropped > 0) {
      LOG.log(Level.WARNING, c + " reconnected; " + p.dropped + " of the messages sent while it"
          + " was away did not fit in " + maxBytes + " bytes and are lost");
    }
    return List.copyOf(p.messages);
  }

  /** Keeps a kernel message when the kernel has a parked session it belongs to. */
  void offer(String kernelId, Channel channel, Optional<String> sessionId, JupyterMessage m) {
    Parked p = byKernel.get(kernelId);
    if (p != null && (channel == Channel.IOPUB
        || sessionId.map(p.sessionId::equals).orElse(false))) {
      p.add(m);
    }
  }

  /** Drops what was kept for a kernel (it is gone, or another session took over). */
  void discard(String kernelId) {
    Parked p = byKernel.remove(kernelId);
    if (p != null) {
      vertx.cancelTimer(p.timer);
      closeSession(p.kernelId, p.sessionId);
    }
  }

  void clear() {
    byKernel.values().forEach(p -> vertx.cancelTimer(p.timer));
    byKernel.clear();
  }

  private void closeSession(String kernelId, String sessionId) {
    manager.closeSession(kernelId, sessionId).whenComplete((v, e) -> {
      if (e != null) {
        LOG.log(Level.DEBUG, "closing session " + sessionId + ": " + e);
      }
    });
  }
}
