package dev.nbguard.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nbguard.protocol.Bytes;
import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.CodecLimits;
import dev.nbguard.protocol.JupyterMessage;
import dev.nbguard.protocol.KernelWsCodec;
import dev.nbguard.protocol.WsFrame;
import dev.nbguard.protocol.WsProtocol;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** A kernel channels connection in one subprotocol, speaking Jupyter messages. */
final class KernelSession implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final Duration WAIT = Duration.ofSeconds(40);

  /** A received message, decoded. */
  record Received(TestWs.Msg raw, String msgType, String parentId, JsonNode content) {}

  final TestWs ws;
  final KernelWsCodec codec;
  final String session = UUID.randomUUID().toString();
  private final java.util.List<Received> backlog = new java.util.ArrayList<>();

  private KernelSession(TestWs ws, KernelWsCodec codec) {
    this.ws = ws;
    this.codec = codec;
  }

  /** Connects offering v1 ({@code offerV1}) or nothing; the codec follows what was chosen. */
  static KernelSession connect(HttpClient http, String origin, String kernelId, boolean offerV1,
      String... headers) throws Exception {
    return connect(http, origin, JupyterFixture.TOKEN, kernelId, offerV1, headers);
  }

  static KernelSession connect(HttpClient http, String origin, String token, String kernelId,
      boolean offerV1, String... headers) throws Exception {
    URI uri = URI.create(origin.replace("http://", "ws://") + "/api/kernels/" + kernelId
        + "/channels?token=" + token);
    TestWs ws = TestWs.connect(http, uri,
        offerV1 ? WsProtocol.V1.subprotocol() : Optional.empty(), headers);
    WsProtocol chosen = WsProtocol.negotiate(Optional.ofNullable(ws.ws.getSubprotocol())
        .filter(s -> !s.isEmpty()));
    return new KernelSession(ws, chosen.codec(CodecLimits.DEFAULT));
  }

  String subprotocol() {
    return ws.ws.getSubprotocol();
  }

  /** Sends an execute_request for {@code code}; returns its msg_id. */
  String execute(String code) throws Exception {
    String id = UUID.randomUUID().toString();
    String header = JSON.writeValueAsString(JSON.createObjectNode().put("msg_id", id)
        .put("username", "test").put("session", session).put("msg_type", "execute_request")
        .put("version", "5.3").put("date", "2026-01-01T00:00:00.000000Z"));
    String content = JSON.writeValueAsString(JSON.createObjectNode().put("code", code)
        .put("silent", false).put("store_history", false).put("allow_stdin", false)
        .put("stop_on_error", true).set("user_expressions", JSON.createObjectNode()));
    WsFrame f = codec.encode(JupyterMessage.of(Channel.SHELL, Bytes.utf8(header),
        Bytes.utf8("{}"), Bytes.utf8("{}"), Bytes.utf8(content), java.util.List.of()));
    if (f.isText()) {
      ws.ws.sendText(f.text(), true).get();
    } else {
      ws.ws.sendBinary(ByteBuffer.wrap(f.payload().toArray()), true).get();
    }
    return id;
  }

  /**
   * Waits for a message of {@code type} answering {@code parentId}; messages that do not match
   * are kept for later calls (shell replies may overtake IOPub output).
   */
  Received await(String parentId, String type) throws Exception {
    java.util.function.Predicate<Received> wanted =
        r -> r.msgType().equals(type) && r.parentId().equals(parentId);
    for (var it = backlog.iterator(); it.hasNext(); ) {
      Received r = it.next();
      if (wanted.test(r)) {
        it.remove();
        return r;
      }
    }
    Received[] hit = new Received[1];
    try {
      ws.await(m -> {
        Received r = decode(m);
        if (wanted.test(r)) {
          hit[0] = r;
          return true;
        }
        backlog.add(r);
        return false;
      }, WAIT);
    } catch (AssertionError e) {
      StringBuilder seen = new StringBuilder();
      backlog.forEach(r -> seen.append(r.msgType()).append(' '));
      throw new AssertionError("no " + type + " for " + parentId + "; saw: " + seen, e);
    }
    return hit[0];
  }

  Received decode(TestWs.Msg m) {
    WsFrame frame = m.isText() ? WsFrame.text(m.text().get())
        : WsFrame.binary(Bytes.wrap(m.bytes()));
    JupyterMessage msg = codec.decode(frame);
    try {
      return new Received(m, msg.msgType(),
          msg.parentHeader().map(h -> h.msgId()).orElse(""),
          JSON.readTree(msg.contentBytes().toArray()));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    ws.close();
  }
}
