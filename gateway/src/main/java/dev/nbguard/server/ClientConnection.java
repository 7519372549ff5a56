package dev.nbguard.server;

import dev.nbguard.protocol.KernelWsCodec;
import io.vertx.core.http.ServerWebSocket;

/**
 * One frontend WebSocket on a kernel's channels. Touched only on the gateway's event loop.
 */
final class ClientConnection {

  final String kernelId;
  final String sessionId;
  /** The {@code session_id} the client gave, or "" (what a reconnection must match). */
  final String resumeKey;
  final ServerWebSocket ws;
  final KernelWsCodec codec;
  /** Bytes written while the socket's write queue was full (reset on drain). */
  long overflowBytes;
  /** Whether this connection currently holds the kernel's reading paused. */
  boolean blocking;
  /** How many times this connection began blocking (tells stall timers apart). */
  long stalls;
  /** Consecutive frames that failed to decode. */
  int badFrames;

  ClientConnection(String kernelId, String sessionId, String resumeKey, ServerWebSocket ws,
      KernelWsCodec codec) {
    this.kernelId = kernelId;
    this.sessionId = sessionId;
    this.resumeKey = resumeKey;
    this.ws = ws;
    this.codec = codec;
  }

  @Override
  public String toString() {
    return "client(kernel " + kernelId + ", session " + sessionId + ", "
        + codec.protocol().name().toLowerCase(java.util.Locale.ROOT) + ")";
  }
}
