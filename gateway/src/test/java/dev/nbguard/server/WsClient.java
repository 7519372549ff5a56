package dev.nbguard.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A JDK WebSocket client collecting whole messages (text or binary) in a queue. */
final class WsClient implements WebSocket.Listener, AutoCloseable {

  /** One received message. */
  record Received(boolean text, String string, byte[] bytes) {}

  final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder textPart = new StringBuilder();
  private final java.io.ByteArrayOutputStream binaryPart = new java.io.ByteArrayOutputStream();
  WebSocket ws;

  static WsClient connect(HttpClient http, URI uri, String subprotocol, String... headers)
      throws Exception {
    WsClient c = new WsClient();
    WebSocket.Builder b = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    if (subprotocol != null) {
      b.subprotocols(subprotocol);
    }
    c.ws = b.buildAsync(uri, c).get(20, TimeUnit.SECONDS);
    return c;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    textPart.append(data);
    if (last) {
      received.add(new Received(true, textPart.toString(), null));
      textPart.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    byte[] b = new byte[data.remaining()];
    data.get(b);
    binaryPart.writeBytes(b);
    if (last) {
      received.add(new Received(false, null, binaryPart.toByteArray()));
      binaryPart.reset();
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }

  /** Waits (bounded) for a message matching {@code p}, discarding others. */
  Received await(Predicate<Received> p, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Received r = left > 0 ? received.poll(left, TimeUnit.NANOSECONDS) : null;
      if (r == null) {
        throw new AssertionError("no matching message within " + timeout);
      }
      if (p.test(r)) {
        return r;
      }
    }
  }

  /**
   * Waits (bounded) until one message matching each of {@code wanted} has come, in any order
   * (IOPub and shell are separate sockets: a reply may overtake the outputs of its request);
   * returns them in the order of {@code wanted}. Other messages are discarded.
   */
  @SafeVarargs
  final List<Received> awaitEach(Duration timeout, Predicate<Received>... wanted)
      throws InterruptedException {
    Received[] found = new Received[wanted.length];
    await(r -> {
      boolean all = true;
      for (int i = 0; i < wanted.length; i++) {
        if (found[i] == null && wanted[i].test(r)) {
          found[i] = r;
        }
        all &= found[i] != null;
      }
      return all;
    }, timeout);
    return List.of(found);
  }

  @Override
  public void close() {
    if (ws != null && !ws.isOutputClosed()) {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
    if (ws != null) {
      ws.abort();
    }
  }
}
