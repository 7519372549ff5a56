package dev.nbguard.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How much a slow WebSocket client may hold up: once its write queue is full, the kernel's
 * sockets stop being read; the client is closed (1008) when it then piles up more than
 * {@code maxUnreadBytes} or stays full longer than {@code maxStall}.
 */
public record ClientLimits(long maxUnreadBytes, Duration maxStall) {

  /** 64 MiB, 30 s. */
  public static final ClientLimits DEFAULT = new ClientLimits(64L << 20, Duration.ofSeconds(30));

  public ClientLimits {
    if (maxUnreadBytes < 0) {
      throw new IllegalArgumentException("maxUnreadBytes must not be negative");
    }
    Objects.requireNonNull(maxStall, "maxStall");
    if (maxStall.isNegative() || maxStall.isZero()) {
      throw new IllegalArgumentException("maxStall must be positive");
    }
  }
}
