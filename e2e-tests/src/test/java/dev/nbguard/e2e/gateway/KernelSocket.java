package dev.nbguard.e2e.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A kernel channels WebSocket client (JDK WebSocket) with its own session id. Every received
 * message is queued in order; {@link #pump} hands them to an {@link Execution}.
 */
final class KernelSocket implements WebSocket.Listener, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WireFormat format;
  private final String session;
  private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
  private final java.util.Set<String> parents = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final StringBuilder text = new StringBuilder();
  private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
  private WebSocket ws;

  private KernelSocket(WireFormat format, String session) {
    this.format = format;
    this.session = session;
  }

  /** Connects to {@code channels} (a URI factory given a new session id). */
  static KernelSocket connect(Function<String, URI> channels, WireFormat format) throws Exception {
    return connect(channels, format, UUID.randomUUID().toString());
  }

  /** Connects with the given session id (a reconnect when an earlier socket had it). */
  static KernelSocket connect(Function<String, URI> channels, WireFormat format, String session)
      throws Exception {
    KernelSocket s = new KernelSocket(format, session);
    WebSocket.Builder b = Rest.http().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    if (format.subprotocol != null) {
      b.subprotocols(format.subprotocol);
    }
    s.ws = b.buildAsync(channels.apply(s.session), s).get(30, TimeUnit.SECONDS);
    return s;
  }

  String session() {
    return session;
  }

  /** The subprotocol the server chose ("" for legacy). */
  String subprotocol() {
    return ws.getSubprotocol();
  }

  /** Sends a request; returns its msg_id. */
  String send(String channel, String msgType, JsonNode content) {
    String msgId = UUID.randomUUID().toString();
    ObjectNode header = JSON.createObjectNode()
        .put("msg_id", msgId).put("msg_type", msgType).put("session", session)
        .put("username", "e2e").put("version", "5.3").put("date", Instant.now().toString());
    if (format == WireFormat.V1) {
      ws.sendBinary(ByteBuffer.wrap(WireFormat.encodeV1(channel, header, content)), true).join();
    } else {
      ws.sendText(WireFormat.encodeText(channel, header, content), true).join();
    }
    return msgId;
  }

  /** Sends an execute_request; stdin is allowed so that {@code input()} works. */
  String execute(String code) {
    ObjectNode content = JSON.createObjectNode().put("code", code).put("silent", false)
        .put("store_history", false).put("allow_stdin", true).put("stop_on_error", false);
    content.set("user_expressions", JSON.createObjectNode());
    return send("shell", "execute_request", content);
  }

  /**
   * Sends kernel_info_request until one is answered (each try waits {@code perTry}). Needed
   * through Jupyter Server 1.23 / Notebook 6.4 in gateway mode: their GatewayWebSocketClient drops
   * a client message that arrives before it has begun connecting upstream (the message waits on
   * a placeholder Future that never completes).
   */
  void awaitReady(Duration perTry, int tries) throws InterruptedException {
    for (int i = 0; i < tries; i++) {
      Execution info = new Execution(send("shell", "kernel_info_request",
          JSON.createObjectNode()));
      try {
        pump(info, e -> e.reply().isPresent(), perTry, p -> "");
        return;
      } catch (AssertionError timedOut) {
        // lost on the way; ask again
      }
    }
    throw new AssertionError("no kernel_info_reply after " + tries + " tries");
  }

  /** Executes {@code code} and waits (bounded) for its reply and idle status. */
  Execution run(String code, Duration timeout) throws InterruptedException {
    Execution e = new Execution(execute(code));
    pump(e, Execution::done, timeout, prompt -> {
      throw new AssertionError("unexpected input request: " + prompt);
    });
    return e;
  }

  /**
   * Feeds received messages to {@code e} until {@code until} holds; answers each input_request
   * for it with {@code stdin.apply(prompt)}. Messages for other requests are discarded.
   */
  void pump(Execution e, Predicate<Execution> until, Duration timeout,
      Function<String, String> stdin) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!until.test(e)) {
      long left = deadline - System.nanoTime();
      Object next = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
      if (next == null) {
        throw new AssertionError("timed out after " + timeout + " waiting on " + e);
      }
      if (next instanceof Throwable t) {
        throw new AssertionError("the WebSocket failed while waiting on " + e, t);
      }
      WireMessage m = (WireMessage) next;
      if (e.offer(m) && m.is("stdin", "input_request")) {
        ObjectNode reply = JSON.createObjectNode()
            .put("value", stdin.apply(m.content().path("prompt").asText()));
        send("stdin", "input_reply", reply);
      }
    }
  }

  /** Every message received until none has arrived for {@code quiet} (bounded by 30 s). */
  java.util.List<WireMessage> drain(Duration quiet) throws InterruptedException {
    java.util.List<WireMessage> out = new java.util.ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      Object next = inbox.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
      if (next == null) {
        return out;
      }
      if (next instanceof Throwable t) {
        throw new AssertionError("the WebSocket failed after " + out, t);
      }
      out.add((WireMessage) next);
    }
    return out;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    text.append(data);
    if (last) {
      deliver(() -> WireFormat.decodeText(text.toString()));
      text.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    byte[] chunk = new byte[data.remaining()];
    data.get(chunk);
    binary.writeBytes(chunk);
    if (last) {
      byte[] frame = binary.toByteArray();
      binary.reset();
      deliver(() -> format.decodeBinary(frame));
    }
    webSocket.request(1);
    return null;
  }

  /** Whether any message received so far (consumed or not) answers {@code msgId}. */
  boolean received(String msgId) {
    return parents.contains(msgId);
  }

  private void deliver(java.util.function.Supplier<WireMessage> decode) {
    try {
      WireMessage m = decode.get();
      parents.add(m.parentId());
      inbox.add(m);
    } catch (RuntimeException e) {
      inbox.add(e);
    }
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    inbox.add(new IllegalStateException("closed by the server: " + statusCode + " " + reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    inbox.add(error);
  }

  @Override
  public void close() {
    if (ws != null) {
      try {
        if (!ws.isOutputClosed()) {
          ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(2, TimeUnit.SECONDS);
        }
      } catch (Exception ignored) {
        // closing anyway
      }
      ws.abort();
    }
  }
}
