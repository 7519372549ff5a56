package dev.nbguard.server;

import dev.nbguard.protocol.JupyterMessage;
import dev.nbguard.protocol.ProtocolException;
import dev.nbguard.protocol.WsFrame;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Writes kernel messages to one client's WebSocket with backpressure: while the client's write
 * queue is full its kernel is not read ({@link ReadGate}); a client that then piles up more than
 * a byte bound, or stays full longer than a time bound, is handed to {@code onTooSlow} (which
 * closes it), so one client that never reads cannot stall the kernel's other clients for ever or
 * grow memory. Used only on the gateway's event loop.
 */
final class ClientWriter {

  private static final System.Logger LOG = System.getLogger(ClientWriter.class.getName());

  private final Vertx vertx;
  private final ReadGate gate;
  private final long maxOverflowBytes;
  private final long maxStallMillis;
  private final Consumer<ClientConnection> onTooSlow;

  ClientWriter(Vertx vertx, ReadGate gate, ClientLimits limits,
      Consumer<ClientConnection> onTooSlow) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.maxOverflowBytes = limits.maxUnreadBytes();
    this.maxStallMillis = Math.max(1, limits.maxStall().toMillis());
    this.onTooSlow = Objects.requireNonNull(onTooSlow, "onTooSlow");
  }

  void write(ClientConnection c, JupyterMessage m) {
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

  /** The connection is going: it holds its kernel no longer. */
  void release(ClientConnection c) {
    if (!c.blocking) {
      return;
    }
    c.blocking = false;
    c.overflowBytes = 0;
    gate.release(c.kernelId, c);
  }

  private void block(ClientConnection c) {
    c.blocking = true;
    gate.hold(c.kernelId, c);
    c.ws.drainHandler(v -> release(c));
    long since = ++c.stalls;
    vertx.setTimer(maxStallMillis, t -> {
      if (c.blocking && c.stalls == since) {
        tooSlow(c, "output unread for " + maxStallMillis + " ms");
      }
    });
  }

  private void tooSlow(ClientConnection c, String why) {
    LOG.log(Level.WARNING, c + " does not read its messages (" + why + "); closing it");
    onTooSlow.accept(c);
    c.ws.close((short) 1008, "client too slow: " + why);
  }
}
