package dev.nbguard.proxy;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A JDK WebSocket client that queues whole messages and records the close code. */
final class TestWs implements WebSocket.Listener, AutoCloseable {

  /** One received message: text, or binary bytes. */
  record Msg(Optional<String> text, byte[] bytes) {
    boolean isText() {
      return text.isPresent();
    }
  }

  final BlockingQueue<Msg> received = new LinkedBlockingQueue<>();
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder textPart = new StringBuilder();
  private final ByteArrayOutputStream binaryPart = new ByteArrayOutputStream();
  WebSocket ws;

  static TestWs connect(HttpClient http, URI uri, Optional<String> subprotocol,
      String... headers) throws Exception {
    TestWs c = new TestWs();
    WebSocket.Builder b = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    subprotocol.ifPresent(b::subprotocols);
    c.ws = b.buildAsync(uri, c).get(20, TimeUnit.SECONDS);
    return c;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    textPart.append(data);
    if (last) {
      received.add(new Msg(Optional.of(textPart.toString()), new byte[0]));
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
      received.add(new Msg(Optional.empty(), binaryPart.toByteArray()));
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
  Msg await(Predicate<Msg> p, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Msg m = left > 0 ? received.poll(left, TimeUnit.NANOSECONDS) : null;
      if (m == null) {
        throw new AssertionError("no matching message within " + timeout);
      }
      if (p.test(m)) {
        return m;
      }
    }
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
