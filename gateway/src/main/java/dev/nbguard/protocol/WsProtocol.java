package dev.nbguard.protocol;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/** The two kernel WebSocket formats, and which one to answer a client's offer with. */
public enum WsProtocol {
  /** No subprotocol: JSON text frames, legacy binary frames for messages with buffers. */
  LEGACY(Optional.empty()),
  /** {@code v1.kernel.websocket.jupyter.org}: every message is one little-endian binary frame. */
  V1(Optional.of("v1.kernel.websocket.jupyter.org"));

  private final Optional<String> subprotocol;

  WsProtocol(Optional<String> subprotocol) {
    this.subprotocol = subprotocol;
  }

  /** The {@code Sec-WebSocket-Protocol} value to answer with; empty for legacy (send none). */
  public Optional<String> subprotocol() {
    return subprotocol;
  }

  /** V1 when the client offered it, otherwise legacy; v1 is never forced on a client. */
  public static WsProtocol negotiate(Collection<String> offered) {
    for (String s : offered) {
      if (s != null && V1.subprotocol.get().equals(s.trim())) {
        return V1;
      }
    }
    return LEGACY;
  }

  /** Like {@link #negotiate(Collection)} for a raw {@code Sec-WebSocket-Protocol} header. */
  public static WsProtocol negotiate(Optional<String> secWebSocketProtocolHeader) {
    return secWebSocketProtocolHeader
        .map(h -> negotiate(Arrays.asList(h.split(","))))
        .orElse(LEGACY);
  }

  /** The codec for this format. */
  public KernelWsCodec codec(CodecLimits limits) {
    return switch (this) {
      case LEGACY -> new LegacyWsCodec(limits);
      case V1 -> new V1WsCodec(limits);
    };
  }
}
