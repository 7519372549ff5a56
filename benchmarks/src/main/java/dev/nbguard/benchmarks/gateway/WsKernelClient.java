package dev.nbguard.benchmarks.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A kernel started through a server's REST API ({@code POST /api/kernels}, token header) and
 * driven over its channels WebSocket with the v1 subprotocol — the same code for Jupyter Server
 * and nbguard gateway. Vert.x client, TCP_NODELAY on, frames up to 64 MB.
 */
final class WsKernelClient implements KernelClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_FRAME = 64 << 20;

  private final String name;
  private final URI base;
  private final String token;
  private final String kernelId;
  private final String session = UUID.randomUUID().toString();
  private final Inbox inbox = new Inbox();
  private final WebSocketClient client;
  private final WebSocket ws;
  private volatile String failure = "";

  private WsKernelClient(String name, URI base, String token, String kernelId, Vertx vertx)
      throws Exception {
    this.name = name;
    this.base = base;
    this.token = token;
    this.kernelId = kernelId;
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setTcpNoDelay(true).setMaxFrameSize(MAX_FRAME).setMaxMessageSize(MAX_FRAME));
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost(base.getHost()).setPort(base.getPort())
        .setURI("/api/kernels/" + kernelId + "/channels?session_id=" + session)
        .addHeader("Authorization", "token " + token)
        .setSubProtocols(List.of(Wire.V1_PROTOCOL));
    this.ws = client.connect(options).toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    if (!Wire.V1_PROTOCOL.equals(ws.subProtocol())) {
      ws.close();
      throw new IllegalStateException(name + " did not accept the v1 subprotocol (got "
          + ws.subProtocol() + ")");
    }
    ws.binaryMessageHandler(this::onFrame);
    ws.exceptionHandler(e -> failure = e.toString());
  }

  /** Starts kernel {@code kernelName} on the server at {@code base} and connects to it. */
  static WsKernelClient start(String name, URI base, String token, String kernelName,
      Vertx vertx) throws Exception {
    HttpResponse<String> created = http(HttpRequest.newBuilder(base.resolve("/api/kernels"))
        .header("Authorization", "token " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            JSON.writeValueAsString(Map.of("name", kernelName)))));
    if (created.statusCode() / 100 != 2) {
      throw new IllegalStateException(name + ": POST /api/kernels answered "
          + created.statusCode() + ": " + created.body());
    }
    JsonNode model = JSON.readTree(created.body());
    return new WsKernelClient(name, base, token, model.path("id").asText(), vertx);
  }

  private void onFrame(Buffer buffer) {
    Slice[] parts;
    try {
      parts = Wire.decodeV1(buffer.getBytes());
    } catch (IllegalArgumentException e) {
      failure = name + ": bad frame: " + e.getMessage();
      return;
    }
    inbox.receive(parts[0].toString(), parts[1], parts[2], parts[4]);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Inbox inbox() {
    return inbox;
  }

  @Override
  public void send(String msgId, String msgType, Map<String, Object> content) {
    if (!failure.isEmpty()) {
      throw new IllegalStateException(failure);
    }
    byte[] frame = Wire.encodeV1("shell", Wire.request(session, msgId, msgType, content));
    ws.writeBinaryMessage(Buffer.buffer(frame));
  }

  @Override
  public void close() {
    try {
      ws.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // closing anyway
    }
    try {
      http(HttpRequest.newBuilder(base.resolve("/api/kernels/" + kernelId))
          .header("Authorization", "token " + token).DELETE());
    } catch (Exception e) {
      System.err.println(name + ": could not delete kernel " + kernelId + ": " + e);
    }
    client.close();
  }

  private static HttpResponse<String> http(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
