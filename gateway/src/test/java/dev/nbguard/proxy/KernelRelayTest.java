package dev.nbguard.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.filter.AuditLog;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.Preset;
import io.vertx.core.http.ServerWebSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The kernel channels relay against a stand-in kernel server: order is kept when large outputs
 * are filtered off the event loop, and a browser that stops reading stops the upstream.
 */
@Timeout(120)
class KernelRelayTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  private static String message(String id, String type, ObjectNode content) {
    ObjectNode m = JSON.createObjectNode();
    m.putObject("header").put("msg_id", id).put("msg_type", type).put("session", "s")
        .put("username", "u").put("date", "2026-01-01T00:00:00Z").put("version", "5.3");
    m.put("msg_id", id).put("msg_type", type).putObject("parent_header");
    m.putObject("metadata");
    m.set("content", content);
    m.putArray("buffers");
    m.put("channel", "iopub");
    return m.toString();
  }

  private static String display(String id, String html) {
    ObjectNode c = JSON.createObjectNode();
    c.putObject("data").put("text/html", html);
    c.putObject("metadata");
    return message(id, "display_data", c);
  }

  private static String stream(String id, String text) {
    return message(id, "stream", JSON.createObjectNode().put("name", "stdout").put("text", text));
  }

  private static RunningProxy proxyTo(int port) throws Exception {
    return RunningProxy.start(ProxyConfig.of(new Upstream(false, "127.0.0.1", port))
        .withListen("127.0.0.1", 0), OutputPolicy.preset(Preset.DEFAULT), AuditLog.NO_AUDIT);
  }

  private static URI channels(RunningProxy proxy) {
    return URI.create(proxy.origin().replace("http", "ws") + "/api/kernels/k/channels");
  }

  @Test
  void largeOutputsFilteredOffTheLoopKeepTheirPlaceInTheStream() throws Exception {
    String big = "<p>" + "x".repeat(KernelChannelFilter.ON_LOOP_BYTES) + "</p>"
        + "<img src=x onerror=alert(1)>";
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      sent.add(i % 3 == 0 ? display("m" + i, big + i) : stream("m" + i, "line " + i));
    }
    try (StubUpstream up = new StubUpstream(0, List.of(), req -> req.toWebSocket()
        .onSuccess(ws -> sent.forEach(ws::writeTextMessage)));
        RunningProxy proxy = proxyTo(up.port());
        TestWs c = TestWs.connect(http, channels(proxy), Optional.empty())) {
      for (int i = 0; i < sent.size(); i++) {
        TestWs.Msg m = c.await(x -> true, Duration.ofSeconds(20));
        JsonNode got = JSON.readTree(m.text().orElseThrow());
        assertEquals("m" + i, got.path("header").path("msg_id").asText(), "order kept");
        if (i % 3 == 0) {
          String html = got.path("content").path("data").path("text/html").asText();
          assertFalse(html.contains("onerror"), "sanitized");
        } else {
          assertEquals(sent.get(i), m.text().get(), "unchanged messages keep their bytes");
        }
      }
    }
  }

  @Test
  void aBrowserThatStopsReadingStopsTheUpstream() throws Exception {
    long limit = 512L << 20;
    CompletableFuture<Long> stalledAfter = new CompletableFuture<>();
    String chunk = stream("s", "y".repeat(64 << 10));
    try (StubUpstream up = new StubUpstream(0, List.of(), req -> req.toWebSocket()
        .onSuccess(ws -> new Flood(ws, chunk, limit, stalledAfter).write()));
        RunningProxy proxy = proxyTo(up.port())) {
      WebSocket browser = http.newWebSocketBuilder().buildAsync(channels(proxy),
          new WebSocket.Listener() {
            @Override
            public void onOpen(WebSocket webSocket) {
              // no demand: this browser reads nothing
            }

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
              return null;
            }
          }).get(10, TimeUnit.SECONDS);
      long written = stalledAfter.get(90, TimeUnit.SECONDS);
      assertTrue(written < limit, "the upstream was stopped after " + written + " bytes");
      browser.abort();
    }
  }

  @Test
  void aBrowserThatPausesGetsEverythingOnceItReadsAgain() throws Exception {
    int count = 120;
    String big = "<p>" + "x".repeat(KernelChannelFilter.ON_LOOP_BYTES) + "</p><b>";
    try (StubUpstream up = new StubUpstream(0, List.of(), req -> req.toWebSocket()
        .onSuccess(ws -> {
          for (int i = 0; i < count; i++) {
            ws.writeTextMessage(i % 2 == 0 ? display("m" + i, big + i) : stream("m" + i, "s"));
          }
        })); RunningProxy proxy = proxyTo(up.port())) {
      java.util.concurrent.BlockingQueue<String> got =
          new java.util.concurrent.LinkedBlockingQueue<>();
      StringBuilder part = new StringBuilder();
      WebSocket browser = http.newWebSocketBuilder().buildAsync(channels(proxy),
          new WebSocket.Listener() {
            @Override
            public void onOpen(WebSocket webSocket) {
              // reads nothing at first
            }

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
              part.append(data);
              if (last) {
                got.add(part.toString());
                part.setLength(0);
              }
              w.request(1);
              return null;
            }
          }).get(10, TimeUnit.SECONDS);
      Thread.sleep(3000); // the proxy fills its queues and pauses the upstream meanwhile
      browser.request(1);
      for (int i = 0; i < count; i++) {
        String m = got.poll(30, TimeUnit.SECONDS);
        assertTrue(m != null, "message " + i + " never came");
        assertEquals("m" + i, JSON.readTree(m).path("header").path("msg_id").asText());
      }
      browser.abort();
    }
  }

  /** Writes messages as fast as the socket takes them; reports when it stalls or hits a cap. */
  private static final class Flood {
    private final ServerWebSocket ws;
    private final String message;
    private final long limit;
    private final CompletableFuture<Long> stalled;
    private long written;
    private long drains;

    Flood(ServerWebSocket ws, String message, long limit, CompletableFuture<Long> stalled) {
      this.ws = ws;
      this.message = message;
      this.limit = limit;
      this.stalled = stalled;
    }

    void write() {
      while (!ws.writeQueueFull() && written < limit) {
        ws.writeTextMessage(message);
        written += message.length();
      }
      if (written >= limit) {
        stalled.complete(written);
        return;
      }
      long seen = ++drains;
      ws.drainHandler(v -> write());
      // no drain for 2 s while full: the proxy has stopped reading
      io.vertx.core.Vertx.currentContext().owner().setTimer(2000, t -> {
        if (drains == seen && ws.writeQueueFull()) {
          stalled.complete(written);
        }
      });
    }
  }
}
