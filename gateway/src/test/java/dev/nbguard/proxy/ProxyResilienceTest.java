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
import io.vertx.core.buffer.Buffer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The proxy against stand-in upstreams: down, slow, back again; headers; redirects; contents it
 * cannot read; WebSocket subprotocols, frame types and close codes.
 */
@Timeout(60)
class ProxyResilienceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static RunningProxy proxyTo(int upstreamPort, Duration timeout) throws Exception {
    return RunningProxy.start(ProxyConfig.of(new Upstream(false, "127.0.0.1", upstreamPort))
            .withListen("127.0.0.1", 0).withUpstreamTimeout(timeout),
        OutputPolicy.preset(Preset.DEFAULT), AuditLog.NO_AUDIT);
  }

  private HttpResponse<String> get(RunningProxy proxy, String path, String... headers)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(proxy.origin() + path))
        .timeout(Duration.ofSeconds(30));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void upstreamDownAnswers502JsonAndWorksAgainWhenItReturns() throws Exception {
    int port = freePort();
    try (RunningProxy proxy = proxyTo(port, Duration.ofSeconds(10))) {
      HttpResponse<String> down = get(proxy, "/api/status");
      assertEquals(502, down.statusCode());
      JsonNode error = JSON.readTree(down.body());
      assertEquals("Bad Gateway", error.path("reason").asText());
      assertTrue(error.path("message").asText().contains("not reachable"), down.body());
      try (StubUpstream up = new StubUpstream(port, List.of(),
          req -> req.response().putHeader("Content-Type", "application/json").end("{}"))) {
        assertEquals(port, up.port());
        HttpResponse<String> back = get(proxy, "/api/status");
        assertEquals(200, back.statusCode());
        assertEquals("{}", back.body());
      }
      assertEquals(502, get(proxy, "/api/status").statusCode());
    }
  }

  @Test
  void aSilentUpstreamAnswers504WhileOtherRequestsAreServed() throws Exception {
    try (StubUpstream up = new StubUpstream(0, List.of(), req -> {
      if (!req.path().equals("/slow")) {
        req.response().end("fast");
      } // /slow: never answered
    }); RunningProxy proxy = proxyTo(up.port(), Duration.ofSeconds(2))) {
      CompletableFuture<HttpResponse<String>> slow = http.sendAsync(HttpRequest.newBuilder(
          URI.create(proxy.origin() + "/slow")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals("fast", get(proxy, "/fast").body());
      HttpResponse<String> timedOut = slow.get(20, TimeUnit.SECONDS);
      assertEquals(504, timedOut.statusCode());
      assertEquals("Gateway Timeout", JSON.readTree(timedOut.body()).path("reason").asText());
    }
  }

  @Test
  void endToEndHeadersPassHopByHopHeadersStayAndTheHostIsTheBrowsers() throws Exception {
    try (StubUpstream up = new StubUpstream(0, List.of(), req -> {
      var seen = JSON.createObjectNode();
      req.headers().forEach(e -> seen.put(e.getKey().toLowerCase(), e.getValue()));
      req.response().putHeader("Set-Cookie", "a=b; Path=/")
          .putHeader("X-Upstream-Hop", "drop me").putHeader("Connection", "X-Upstream-Hop")
          .putHeader("Location", "http://127.0.0.1:" + req.localAddress().port() + "/there")
          .setStatusCode(302).end(seen.toString());
    }); RunningProxy proxy = proxyTo(up.port(), Duration.ofSeconds(10))) {
      HttpResponse<String> r = get(proxy, "/here?q=1", "X-Custom", "kept", "Cookie", "c=d");
      JsonNode seen = JSON.readTree(r.body());
      assertEquals("kept", seen.path("x-custom").asText());
      assertEquals("c=d", seen.path("cookie").asText());
      assertEquals("127.0.0.1:" + proxy.port(), seen.path("host").asText());
      assertEquals(302, r.statusCode());
      assertEquals(proxy.origin() + "/there", r.headers().firstValue("Location").orElse(""));
      assertEquals("a=b; Path=/", r.headers().firstValue("Set-Cookie").orElse(""));
      assertTrue(r.headers().firstValue("X-Upstream-Hop").isEmpty());
    }
  }

  @Test
  void contentsThatCannotBeReadAreRefusedNeverPassedRaw() throws Exception {
    String notebookish = "{\"type\":\"notebook\",\"content\":{\"nbformat\":4,\"cells\":[]},"
        + "\"type\":\"notebook\"}";
    try (StubUpstream up = new StubUpstream(0, List.of(), req -> {
      var out = req.response().putHeader("Content-Type", "application/json");
      switch (req.path()) {
        case "/api/contents/broken.ipynb" -> out.end("{\"type\":\"notebook\",\"content\":");
        case "/api/contents/dup.ipynb" -> out.end(notebookish);
        case "/api/contents/zipped.ipynb" -> out.putHeader("Content-Encoding", "gzip")
            .end(Buffer.buffer(new byte[] {31, -117, 8, 0}));
        default -> out.end("{\"type\":\"directory\",\"content\":[],\"name\":\"x\"}");
      }
    }); RunningProxy proxy = proxyTo(up.port(), Duration.ofSeconds(10))) {
      assertEquals(502, get(proxy, "/api/contents/broken.ipynb").statusCode());
      assertEquals(502, get(proxy, "/api/contents/dup.ipynb").statusCode());
      assertEquals(502, get(proxy, "/api/contents/zipped.ipynb").statusCode());
      HttpResponse<String> dir = get(proxy, "/api/contents/");
      assertEquals(200, dir.statusCode());
      assertEquals("{\"type\":\"directory\",\"content\":[],\"name\":\"x\"}", dir.body());
    }
  }

  /**
   * Small contents answers are sanitized on the event loop, large ones on a worker
   * ({@link HttpForwarder#INLINE_REWRITE_BYTES}): both are sanitized, both fail closed.
   */
  @Test
  void contentsAreSanitizedAndRefusedOnBothSidesOfTheInlineLimit() throws Exception {
    int limit = HttpForwarder.INLINE_REWRITE_BYTES;
    String attack = "<b>kept</b><a href=\"javascript:alert(1)\">link</a>";
    String small = contentsModel(attack, "");
    String large = contentsModel(attack, "x".repeat(limit + 1024));
    String brokenLarge = large.substring(0, large.length() - 2);
    assertTrue(small.length() < limit && large.length() > limit);
    try (StubUpstream up = new StubUpstream(0, List.of(), req -> {
      var out = req.response().putHeader("Content-Type", "application/json");
      switch (req.path()) {
        case "/api/contents/small.ipynb" -> out.end(small);
        case "/api/contents/large.ipynb" -> out.end(large);
        default -> out.end(brokenLarge);
      }
    }); RunningProxy proxy = proxyTo(up.port(), Duration.ofSeconds(10))) {
      for (String name : List.of("small", "large")) {
        HttpResponse<String> r = get(proxy, "/api/contents/" + name + ".ipynb");
        assertEquals(200, r.statusCode(), name);
        assertTrue(r.body().contains("<b>kept</b>"), name + ": the benign part is kept");
        assertFalse(r.body().contains("javascript:"), name + ": the script URL is gone");
        assertEquals(Integer.toString(r.body().getBytes(StandardCharsets.UTF_8).length),
            r.headers().firstValue("Content-Length").orElse(""), name);
      }
      assertEquals(502, get(proxy, "/api/contents/broken-large.ipynb").statusCode());
    }
  }

  /** A contents API answer holding a notebook with one HTML output and a stream of padding. */
  private static String contentsModel(String html, String padding) {
    ObjectNode nb = JSON.createObjectNode().put("nbformat", 4).put("nbformat_minor", 5);
    nb.putObject("metadata");
    ObjectNode cell = nb.putArray("cells").addObject().put("cell_type", "code")
        .put("source", "").put("execution_count", 1);
    cell.putObject("metadata");
    var outputs = cell.putArray("outputs");
    ObjectNode display = outputs.addObject().put("output_type", "display_data");
    display.putObject("data").put("text/html", html);
    display.putObject("metadata");
    outputs.addObject().put("output_type", "stream").put("name", "stdout").put("text", padding);
    ObjectNode model = JSON.createObjectNode().put("type", "notebook").put("name", "n.ipynb")
        .put("path", "n.ipynb").put("format", "json");
    model.set("content", nb);
    return model.toString();
  }

  @Test
  void aLargeStreamedAnswerArrivesWhole() throws Exception {
    int chunks = 64;
    byte[] chunk = new byte[1 << 20];
    java.util.Arrays.fill(chunk, (byte) 'z');
    try (StubUpstream up = new StubUpstream(0, List.of(), req -> {
      var out = req.response().setChunked(true);
      for (int i = 0; i < chunks; i++) {
        out.write(Buffer.buffer(chunk));
      }
      out.end();
    }); RunningProxy proxy = proxyTo(up.port(), Duration.ofSeconds(10))) {
      HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(
          URI.create(proxy.origin() + "/files/big.bin")).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, r.statusCode());
      assertEquals(chunks * chunk.length, r.body().length);
    }
  }

  @Test
  void otherWebSocketsKeepSubprotocolFrameTypesAndCloseCodes() throws Exception {
    try (StubUpstream up = new StubUpstream(0, List.of("chat.example"), req ->
        req.toWebSocket().onSuccess(ws -> {
          ws.textMessageHandler(t -> {
            if (t.equals("close")) {
              ws.close((short) 4001, "custom reason");
            } else {
              ws.writeTextMessage("echo:" + t);
            }
          });
          ws.binaryMessageHandler(b -> ws.writeBinaryMessage(b.appendString("!")));
        })); RunningProxy proxy = proxyTo(up.port(), Duration.ofSeconds(10))) {
      URI uri = URI.create(proxy.origin().replace("http", "ws") + "/terminals/websocket/1");
      TestWs c = new TestWs();
      c.ws = http.newWebSocketBuilder().subprotocols("other.example", "chat.example")
          .buildAsync(uri, c).get(10, TimeUnit.SECONDS);
      assertEquals("chat.example", c.ws.getSubprotocol());
      c.ws.sendText("<b>x</b>", true).get();
      assertEquals("echo:<b>x</b>", c.await(m -> true, Duration.ofSeconds(10)).text().get());
      c.ws.sendBinary(java.nio.ByteBuffer.wrap(new byte[] {1, 2}), true).get();
      TestWs.Msg bin = c.await(m -> true, Duration.ofSeconds(10));
      assertFalse(bin.isText());
      assertEquals(3, bin.bytes().length);
      c.ws.sendText("close", true).get();
      assertEquals(4001, c.closed.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void aServerWithoutV1GetsLegacyAndItsOutputIsStillFiltered() throws Exception {
    String attack = "{\"header\":{\"msg_id\":\"m1\",\"msg_type\":\"display_data\","
        + "\"session\":\"s\",\"username\":\"u\",\"date\":\"2026-01-01T00:00:00Z\","
        + "\"version\":\"5.3\"},\"msg_id\":\"m1\",\"msg_type\":\"display_data\","
        + "\"parent_header\":{},\"metadata\":{},\"content\":{\"data\":{\"text/html\":"
        + "\"<img src=x onerror=alert(1)><b>bold</b>\"},\"metadata\":{}},\"buffers\":[],"
        + "\"channel\":\"iopub\"}";
    CompletableFuture<String> upstreamGot = new CompletableFuture<>();
    try (StubUpstream up = new StubUpstream(0, List.of(), req ->
        req.toWebSocket().onSuccess(ws -> {
          ws.textMessageHandler(upstreamGot::complete);
          ws.writeTextMessage(attack);
        })); RunningProxy proxy = proxyTo(up.port(), Duration.ofSeconds(10))) {
      URI uri = URI.create(proxy.origin().replace("http", "ws") + "/base/api/kernels/k1/channels");
      TestWs c = TestWs.connect(http, uri, Optional.of("v1.kernel.websocket.jupyter.org"));
      assertEquals("", c.ws.getSubprotocol(), "the upstream chose legacy");
      TestWs.Msg shown = c.await(m -> true, Duration.ofSeconds(10));
      assertTrue(shown.isText());
      assertFalse(shown.text().get().contains("onerror"), shown.text().get());
      assertTrue(shown.text().get().contains("<b>bold</b>"), shown.text().get());
      // a message no frontend sends (execute_request on iopub) is not forwarded; a good one is
      c.ws.sendText(attack.replace("display_data", "execute_request"), true).get();
      String ok = attack.replace("display_data", "kernel_info_request")
          .replace("\"iopub\"", "\"shell\"");
      c.ws.sendText(ok, true).get();
      assertEquals(ok, upstreamGot.get(10, TimeUnit.SECONDS));
      c.close();
    }
  }
}
