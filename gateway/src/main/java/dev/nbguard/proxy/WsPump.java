package dev.nbguard.proxy;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketBase;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Moves messages from one WebSocket to another through a {@link MessageTransform}, in order,
 * with backpressure: the source is paused while the destination's write queue is full or too
 * many messages wait for the transform. When the source closes, the destination is closed with
 * the same code and reason once every earlier message is written.
 */
final class WsPump {

  private static final System.Logger LOG = System.getLogger(WsPump.class.getName());
  private static final int MAX_PENDING = 32;

  private final WebSocketBase from;
  private final WebSocketBase to;
  private final MessageTransform transform;
  private final String name;
  private Future<Void> tail = Future.succeededFuture();
  private int pending;
  private boolean paused;

  WsPump(WebSocketBase from, WebSocketBase to, MessageTransform transform, String name) {
    this.from = from;
    this.to = to;
    this.transform = transform;
    this.name = name;
  }

  /** Installs the handlers on the source (which should be paused until now) and resumes it. */
  void start() {
    from.textMessageHandler(t -> accept(new WsMessage.Text(t)));
    from.binaryMessageHandler(b -> accept(new WsMessage.Binary(b)));
    from.exceptionHandler(e -> LOG.log(Level.DEBUG, () -> name + ": " + e));
    from.closeHandler(v -> tail.onComplete(x -> closeDestination()));
    if (from.isClosed()) { // closed before the relay was set up
      closeDestination();
      return;
    }
    from.resume();
  }

  private void accept(WsMessage message) {
    pending++;
    Future<Optional<WsMessage>> result = tail.isComplete()
        ? safely(message) : tail.transform(x -> safely(message));
    tail = result.compose(out -> {
      pending--;
      out.ifPresent(this::write);
      maybeResume();
      return Future.<Void>succeededFuture();
    }, e -> {
      pending--;
      LOG.log(Level.WARNING, name + ": dropped a message: " + e);
      maybeResume();
      return Future.<Void>succeededFuture();
    });
    if (pending >= MAX_PENDING) {
      pauseSource();
    }
  }

  private void pauseSource() {
    if (!paused) {
      paused = true;
      from.pause();
    }
  }

  /** Resumes the source once the transform has caught up and the destination can take more. */
  private void maybeResume() {
    if (paused && pending < MAX_PENDING / 2 && !to.writeQueueFull()) {
      paused = false;
      from.resume();
    }
  }

  private Future<Optional<WsMessage>> safely(WsMessage message) {
    try {
      return transform.apply(message);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private void write(WsMessage message) {
    if (to.isClosed()) {
      return;
    }
    message.writeTo(to);
    if (to.writeQueueFull()) {
      pauseSource();
      to.drainHandler(v -> maybeResume());
    }
  }

  private void closeDestination() {
    if (to.isClosed()) {
      return;
    }
    Short code = from.closeStatusCode();
    String reason = from.closeReason();
    short sent = closeCodeToSend(code);
    to.close(sent, reason == null ? null : truncate(reason));
  }

  /**
   * The code to pass on: the peer's own, except the ones that must never be sent (1005 no code,
   * 1006 abnormal, 1015 TLS), which become 1000 and 1001.
   */
  static short closeCodeToSend(Short code) {
    if (code == null || code == 1005) {
      return 1000;
    }
    if (code == 1006 || code == 1015) {
      return 1001;
    }
    return code;
  }

  private static String truncate(String reason) {
    Buffer b = Buffer.buffer(reason);
    return b.length() <= 123 ? reason : reason.substring(0, 40);
  }
}
