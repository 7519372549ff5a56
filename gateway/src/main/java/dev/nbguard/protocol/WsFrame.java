package dev.nbguard.protocol;

import java.util.Objects;

/**
 * One WebSocket data frame (a whole message): text frames carry UTF-8 JSON, binary frames the
 * legacy binary or v1 layout. Relays must keep the frame type.
 */
public record WsFrame(Type type, Bytes payload) {

  /** The WebSocket opcode family. */
  public enum Type {
    TEXT,
    BINARY
  }

  public WsFrame {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
  }

  public static WsFrame text(Bytes utf8) {
    return new WsFrame(Type.TEXT, utf8);
  }

  public static WsFrame text(String text) {
    return new WsFrame(Type.TEXT, Bytes.utf8(text));
  }

  public static WsFrame binary(Bytes payload) {
    return new WsFrame(Type.BINARY, payload);
  }

  public boolean isText() {
    return type == Type.TEXT;
  }

  /** The payload decoded as UTF-8 (for text frames). */
  public String text() {
    return payload.toUtf8String();
  }
}
