package dev.nbguard.proxy;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketBase;
import java.util.Objects;

/** One whole WebSocket message, keeping its frame type. */
sealed interface WsMessage {

  /** Its size in bytes (characters for text: only used to pick a thread). */
  int size();

  /** Writes it to {@code ws} as the same frame type. */
  Future<Void> writeTo(WebSocketBase ws);

  /** A text message. */
  record Text(String text) implements WsMessage {
    public Text {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public int size() {
      return text.length();
    }

    @Override
    public Future<Void> writeTo(WebSocketBase ws) {
      return ws.writeTextMessage(text);
    }
  }

  /** A binary message. */
  record Binary(Buffer data) implements WsMessage {
    public Binary {
      Objects.requireNonNull(data, "data");
    }

    @Override
    public int size() {
      return data.length();
    }

    @Override
    public Future<Void> writeTo(WebSocketBase ws) {
      return ws.writeBinaryMessage(data);
    }
  }
}
