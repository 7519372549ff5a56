package dev.nbguard.kernel;

import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.JupyterMessage;
import java.util.Optional;

/**
 * Receives what {@link ZmqHub} reads from kernels. Every method runs on the hub thread: it must
 * return quickly and never block (a Vert.x user hops with {@code context.runOnContext}). While a
 * method runs, no socket of any kernel is read. An exception thrown here is logged and ignored.
 */
public interface KernelMessageListener {

  /**
   * A verified message from a kernel, with {@link JupyterMessage#channel()} set.
   *
   * @param sessionId the client session whose shell/stdin/control socket received it; empty for
   *     IOPub (shared by all sessions of the kernel)
   */
  void onMessage(String kernelId, Channel channel, Optional<String> sessionId,
      JupyterMessage message);

  /** A message that failed to decode or verify was dropped. */
  default void onBadMessage(String kernelId, Channel channel, String reason) {}

  /**
   * The heartbeat went unanswered {@link HubOptions#heartbeatFailures()} times in a row (called
   * once per streak; an answer ends the streak).
   */
  default void onHeartbeatFailed(String kernelId) {}
}
