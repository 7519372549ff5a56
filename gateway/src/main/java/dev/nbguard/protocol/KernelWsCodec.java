package dev.nbguard.protocol;

/**
 * Translates between {@link JupyterMessage}s and the frames of one kernel WebSocket
 * subprotocol ({@code /api/kernels/{id}/channels}). Implementations are immutable and
 * thread-safe, and report bad input only with {@link ProtocolException}.
 */
public interface KernelWsCodec {

  /** The subprotocol this codec speaks. */
  WsProtocol protocol();

  /**
   * The frame carrying {@code message} to a frontend.
   *
   * @throws ProtocolException when the message has no channel, or a part cannot be framed
   */
  WsFrame encode(JupyterMessage message);

  /**
   * The message a frontend sent in {@code frame}. The result has a channel and no identities;
   * its parts share the frame's bytes.
   *
   * @throws ProtocolException for a malformed frame or one over the limits
   */
  JupyterMessage decode(WsFrame frame);
}
