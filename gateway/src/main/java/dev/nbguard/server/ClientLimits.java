package dev.nbguard.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How much a WebSocket client may cost. Once a client's write queue is full, the kernel's
 * sockets stop being read; the client is closed (1008) when it then piles up more than
 * {@code maxUnreadBytes} or stays full longer than {@code maxStall}. When a kernel's last client
 * goes, up to {@code reconnectBufferBytes} of what the kernel sends is kept for
 * {@code reconnectWindow}, for the client that reconnects (0 bytes: nothing is kept).
 */
public record ClientLimits(long maxUnreadBytes, Duration maxStall, long reconnectBufferBytes,
    Duration reconnectWindow) {

  /** 64 MiB, 30 s; 16 MiB kept for 10 minutes. */
  public static final ClientLimits DEFAULT = new ClientLimits(64L << 20, Duration.ofSeconds(30));

  public ClientLimits {
    if (maxUnreadBytes < 0 || reconnectBufferBytes < 0) {
      throw new IllegalArgumentException("byte limits must not be negative");
    }
    positive(maxStall, "maxStall");
    positive(reconnectWindow, "reconnectWindow");
  }

  /** The given slow-client limits, the default reconnection buffer. */
  public ClientLimits(long maxUnreadBytes, Duration maxStall) {
    this(maxUnreadBytes, maxStall, 16L << 20, Duration.ofMinutes(10));
  }

  public ClientLimits withReconnectBuffer(long bytes, Duration window) {
    return new ClientLimits(maxUnreadBytes, maxStall, bytes, window);
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
