package dev.nbguard.kernel;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@link ZmqHub}.
 *
 * @param commandQueueCapacity most commands (sends, opens, closes) waiting for the hub thread;
 *     beyond it a command fails at once with {@link java.util.concurrent.RejectedExecutionException}
 * @param highWaterMark ZeroMQ send and receive high-water mark of every socket (messages)
 * @param heartbeatInterval time between heartbeat pings
 * @param heartbeatTimeout how long a ping may stay unanswered
 * @param heartbeatFailures unanswered pings in a row before {@code onHeartbeatFailed}
 * @param maxMessagesPerRead most messages read from one socket before the next socket's turn
 */
public record HubOptions(
    int commandQueueCapacity,
    int highWaterMark,
    Duration heartbeatInterval,
    Duration heartbeatTimeout,
    int heartbeatFailures,
    int maxMessagesPerRead) {

  /** 10,000 commands, HWM 1,000, heartbeat every 3 s with a 3 s timeout, dead after 3 misses. */
  public static final HubOptions DEFAULT = new HubOptions(10_000, 1_000, Duration.ofSeconds(3),
      Duration.ofSeconds(3), 3, 64);

  public HubOptions {
    if (commandQueueCapacity < 1 || highWaterMark < 1 || heartbeatFailures < 1
        || maxMessagesPerRead < 1) {
      throw new IllegalArgumentException("hub options must be positive");
    }
    Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
    Objects.requireNonNull(heartbeatTimeout, "heartbeatTimeout");
    if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()
        || heartbeatTimeout.isNegative() || heartbeatTimeout.isZero()) {
      throw new IllegalArgumentException("heartbeat durations must be positive");
    }
  }

  public HubOptions withHeartbeat(Duration interval, Duration timeout, int failures) {
    return new HubOptions(commandQueueCapacity, highWaterMark, interval, timeout, failures,
        maxMessagesPerRead);
  }
}
