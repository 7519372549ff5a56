package dev.nbguard.server;

import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.JupyterMessage;
import java.util.Optional;

/**
 * What the gateway asks of the message filter: rewrite kernel output before a client sees it,
 * and refuse client messages that must not reach a kernel. Implementations are thread-safe.
 */
public interface OutputFilter {

  /** The message to forward to clients, or empty when the filter dropped it. */
  Optional<JupyterMessage> toClient(String kernelId, JupyterMessage message);

  /** Whether a client may send {@code message} on {@code channel}. */
  boolean allowedFromClient(JupyterMessage message, Channel channel);

  /**
   * Whether filtering {@code message} is cheap enough to do on the thread that received it: it
   * carries nothing the filter reads, or little of it. Default: nothing is.
   */
  default boolean isCheap(JupyterMessage message) {
    return false;
  }

  /** Forgets what was kept about a kernel (it restarted or is gone). */
  default void forgetKernel(String kernelId) {}

  /** Forwards everything unchanged (tests; never a production choice). */
  static OutputFilter passThrough() {
    return new OutputFilter() {
      @Override
      public Optional<JupyterMessage> toClient(String kernelId, JupyterMessage message) {
        return Optional.of(message);
      }

      @Override
      public boolean allowedFromClient(JupyterMessage message, Channel channel) {
        return channel != Channel.IOPUB && channel != Channel.HB;
      }

      @Override
      public boolean isCheap(JupyterMessage message) {
        return true;
      }
    };
  }
}
