package dev.nbguard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nbguard.protocol.Bytes;
import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.CodecLimits;
import dev.nbguard.protocol.JupyterMessage;
import dev.nbguard.protocol.V1WsCodec;
import dev.nbguard.protocol.WsFrame;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** The gateway over a real ipykernel: REST, auth, errors, kernel channels in both formats. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(90)
class GatewayServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String LAST_ACTIVITY = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z";

  private GatewayHarness gw;
  private String sharedKernel;

  @BeforeAll
  void start() throws Exception {
    gw = new GatewayHarness("main");
    HttpResponse<String> r = gw.authed("POST", "/api/kernels", "{\"name\":\"py3test\"}");
    assertEquals(201, r.statusCode(), r.body());
    sharedKernel = JSON.readTree(r.body()).get("id").asText();
  }

  @AfterAll
  void stop() throws Exception {
    if (gw != null) {
      gw.close();
    }
  }

  private static void assertJsonError(HttpResponse<String> r, int status, String reason)
      throws Exception {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    JsonNode body = JSON.readTree(r.body());
    assertEquals(reason, body.get("reason").asText(), r.body());
    assertTrue(body.get("message").isTextual(), r.body());
  }

  @Test
  void refusesRequestsWithoutOrWithABadToken() throws Exception {
    assertJsonError(gw.send("GET", "/api", null), 403, "Forbidden");
    assertJsonError(gw.send("GET", "/api/kernels", null, "Authorization", "token wrong"), 403,
        "Forbidden");
    assertJsonError(gw.send("GET", "/api?token=wrong", null), 403, "Forbidden");
    assertJsonError(gw.send("GET", "/api/kernels/" + sharedKernel, null), 403, "Forbidden");
  }

  @Test
  void acceptsTheTokenInTheHeaderOrTheQuery() throws Exception {
    HttpResponse<String> h = gw.authed("GET", "/api", null);
    assertEquals(200, h.statusCode());
    assertEquals("test", JSON.readTree(h.body()).get("version").asText());
    assertEquals(200, gw.send("GET", "/api?token=" + GatewayHarness.TOKEN, null).statusCode());
  }

  @Test
  void listsKernelspecsAndServesTheirResources() throws Exception {
    JsonNode all = JSON.readTree(gw.authed("GET", "/api/kernelspecs", null).body());
    assertEquals("py3test", all.get("default").asText());
    JsonNode spec = all.get("kernelspecs").get("py3test");
    assertEquals("/usr/bin/python3", spec.get("spec").get("argv").get(0).asText());
    assertEquals("/kernelspecs/py3test/logo-64x64.png",
        spec.get("resources").get("logo-64x64").asText());
    HttpResponse<String> one = gw.authed("GET", "/api/kernelspecs/py3test", null);
    assertEquals("Python 3 (test)",
        JSON.readTree(one.body()).get("spec").get("display_name").asText());
    HttpResponse<String> logo = gw.authed("GET", "/kernelspecs/py3test/logo-64x64.png", null);
    assertEquals(200, logo.statusCode());
    assertTrue(logo.body().contains("PNG"));
    assertJsonError(gw.authed("GET", "/kernelspecs/py3test/kernel.json", null), 404, "Not Found");
    assertJsonError(gw.authed("GET", "/api/kernelspecs/nosuch", null), 404, "Not Found");
    assertJsonError(gw.send("GET", "/kernelspecs/py3test/logo-64x64.png", null), 403,
        "Forbidden");
  }

  @Test
  void runsAKernelThroughItsWholeLifeOverRest() throws Exception {
    HttpResponse<String> created = gw.authed("POST", "/api/kernels",
        "{\"name\":\"py3test\",\"env\":{\"KERNEL_USERNAME\":\"alice\"}}");
    assertEquals(201, created.statusCode(), created.body());
    JsonNode model = JSON.readTree(created.body());
    String id = model.get("id").asText();
    assertEquals("/api/kernels/" + id, created.headers().firstValue("Location").orElseThrow());
    assertEquals("py3test", model.get("name").asText());
    assertTrue(model.get("last_activity").asText().matches(LAST_ACTIVITY), model.toString());
    assertTrue(model.get("execution_state").isTextual());
    assertEquals(0, model.get("connections").asInt());

    JsonNode list = JSON.readTree(gw.authed("GET", "/api/kernels", null).body());
    assertTrue(list.isArray());
    assertTrue(list.findValuesAsText("id").contains(id), list.toString());
    JsonNode got = JSON.readTree(gw.authed("GET", "/api/kernels/" + id, null).body());
    assertEquals(id, got.get("id").asText());
    assertTrue(got.get("last_activity").asText().matches(LAST_ACTIVITY));

    assertEquals(204, gw.authed("POST", "/api/kernels/" + id + "/interrupt", "").statusCode());
    HttpResponse<String> restarted = gw.authed("POST", "/api/kernels/" + id + "/restart", "");
    assertEquals(200, restarted.statusCode(), restarted.body());
    assertEquals(id, JSON.readTree(restarted.body()).get("id").asText());

    assertEquals(204, gw.authed("DELETE", "/api/kernels/" + id, null).statusCode());
    assertJsonError(gw.authed("GET", "/api/kernels/" + id, null), 404, "Not Found");
    assertJsonError(gw.authed("DELETE", "/api/kernels/" + id, null), 404, "Not Found");
  }

  @Test
  void answersBadRequestsWithJsonErrors() throws Exception {
    assertJsonError(gw.authed("POST", "/api/kernels", "{not json"), 400, "Bad Request");
    assertJsonError(gw.authed("POST", "/api/kernels", "[1]"), 400, "Bad Request");
    assertJsonError(gw.authed("POST", "/api/kernels",
        "{\"name\":\"py3test\",\"env\":{\"KERNEL_A-B\":\"x\"}}"), 400, "Bad Request");
    assertJsonError(gw.authed("POST", "/api/kernels",
        "{\"name\":\"py3test\",\"env\":{\"KERNEL_X\":1}}"), 400, "Bad Request");
    assertJsonError(gw.authed("POST", "/api/kernels", "{\"name\":\"nosuch\"}"), 404,
        "Not Found");
    assertJsonError(gw.authed("POST", "/api/kernels/nosuch/interrupt", ""), 404, "Not Found");
    assertJsonError(gw.authed("GET", "/api/nothing-here", null), 404, "Not Found");
    assertJsonError(gw.authed("PUT", "/api/kernels", "{}"), 405, "Method Not Allowed");
  }

  private URI channels(String kernelId, String session) {
    return URI.create("ws://127.0.0.1:" + gw.port() + "/api/kernels/" + kernelId
        + "/channels" + (session == null ? "" : "?session_id=" + session));
  }

  private static String executeRequest(String msgId, String session, String code) {
    return """
        {"header": {"msg_id": "%s", "username": "t", "session": "%s",
                    "msg_type": "execute_request", "version": "5.3",
                    "date": "2026-01-01T00:00:00.000000Z"},
         "msg_id": "%s", "msg_type": "execute_request", "parent_header": {}, "metadata": {},
         "content": {"code": "%s", "silent": false, "store_history": false,
                     "user_expressions": {}, "allow_stdin": false, "stop_on_error": true},
         "buffers": [], "channel": "shell"}
        """.formatted(msgId, session, msgId, code);
  }

  private static boolean answers(JsonNode m, String msgId, String type) {
    return type.equals(m.path("header").path("msg_type").asText())
        && msgId.equals(m.path("parent_header").path("msg_id").asText());
  }

  @Test
  void relaysLegacyJsonBothWaysAndIgnoresBadFrames() throws Exception {
    String session = UUID.randomUUID().toString();
    try (WsClient ws = WsClient.connect(gw.http, channels(sharedKernel, session), null,
        "Authorization", "token " + GatewayHarness.TOKEN)) {
      assertEquals("", ws.ws.getSubprotocol());
      ws.ws.sendText("this is not json", true).get();
      ws.ws.sendBinary(ByteBuffer.wrap(new byte[] {0, 0, 0, 9}), true).get();
      String msgId = UUID.randomUUID().toString();
      ws.ws.sendText(executeRequest(msgId, session, "print('hi')"), true).get();
      List<WsClient.Received> got = ws.awaitEach(WAIT,
          r -> r.text() && parse(r).map(m -> answers(m, msgId, "stream")).orElse(false),
          r -> r.text() && parse(r).map(m -> answers(m, msgId, "execute_reply")).orElse(false));
      JsonNode s = JSON.readTree(got.get(0).string());
      assertEquals("iopub", s.get("channel").asText());
      assertEquals("hi\n", s.get("content").get("text").asText());
      JsonNode rep = JSON.readTree(got.get(1).string());
      assertEquals("shell", rep.get("channel").asText());
      assertEquals("ok", rep.get("content").get("status").asText());
    }
  }

  @Test
  void rewritesHostileHtmlBeforeAnyClientSeesIt() throws Exception {
    String session = UUID.randomUUID().toString();
    String payload = "<img src=x onerror=alert(1)><b>bold</b>";
    try (WsClient ws = WsClient.connect(gw.http, channels(sharedKernel, session), null,
        "Authorization", "token " + GatewayHarness.TOKEN)) {
      String msgId = UUID.randomUUID().toString();
      ws.ws.sendText(executeRequest(msgId, session,
          "from IPython.display import HTML, display; display(HTML('" + payload + "'))"), true)
          .get();
      WsClient.Received shown = ws.await(r -> r.text() && parse(r).map(
          m -> answers(m, msgId, "display_data")).orElse(false), WAIT);
      JsonNode data = JSON.readTree(shown.string()).get("content").get("data");
      String html = data.path("text/html").asText("");
      assertFalse(html.contains(payload), html);
      assertFalse(html.contains("<img src=x onerror"), html);
      assertTrue(data.has("text/plain"), data.toString());
    }
  }

  private WsClient legacyClient(String session) throws Exception {
    return WsClient.connect(gw.http, channels(sharedKernel, session), null,
        "Authorization", "token " + GatewayHarness.TOKEN);
  }

  @Test
  void sendsIopubToEveryClientButTheReplyOnlyToTheAskingSession() throws Exception {
    String sa = UUID.randomUUID().toString();
    String sb = UUID.randomUUID().toString();
    try (WsClient a = legacyClient(sa); WsClient b = legacyClient(sb)) {
      String msgId = UUID.randomUUID().toString();
      a.ws.sendText(executeRequest(msgId, sa, "print('both')"), true).get();
      a.await(r -> parse(r).map(m -> answers(m, msgId, "execute_reply")).orElse(false), WAIT);
      b.await(r -> parse(r).map(m -> answers(m, msgId, "stream")).orElse(false), WAIT);
      b.await(r -> parse(r).map(m -> answers(m, msgId, "status")
          && m.path("content").path("execution_state").asText().equals("idle")).orElse(false),
          WAIT);
      Thread.sleep(200); // let a misrouted reply, if any, arrive
      assertFalse(b.received.stream().anyMatch(
          r -> parse(r).map(m -> answers(m, msgId, "execute_reply")).orElse(false)));
    }
  }

  @Test
  void aNewConnectionOfTheSameSessionReplacesTheOldOne() throws Exception {
    String session = UUID.randomUUID().toString();
    try (WsClient first = legacyClient(session); WsClient second = legacyClient(session)) {
      assertEquals(1000, first.closed.get(10, java.util.concurrent.TimeUnit.SECONDS));
      String msgId = UUID.randomUUID().toString();
      second.ws.sendText(executeRequest(msgId, session, "1"), true).get();
      second.await(r -> parse(r).map(m -> answers(m, msgId, "execute_reply")).orElse(false),
          WAIT);
    }
  }

  @Test
  void restartsOnRequestWithoutAnnouncingAnAutoRestart() throws Exception {
    String session = UUID.randomUUID().toString();
    try (WsClient ws = legacyClient(session)) {
      String setId = UUID.randomUUID().toString();
      ws.ws.sendText(executeRequest(setId, session, "marker = 1"), true).get();
      ws.await(m -> parse(m).map(j -> answers(j, setId, "execute_reply")).orElse(false), WAIT);
      HttpResponse<String> r = gw.authed("POST", "/api/kernels/" + sharedKernel + "/restart", "");
      assertEquals(200, r.statusCode(), r.body());
      String msgId = UUID.randomUUID().toString();
      ws.ws.sendText(executeRequest(msgId, session, "print('marker' in globals())"), true).get();
      java.util.concurrent.atomic.AtomicBoolean announced =
          new java.util.concurrent.atomic.AtomicBoolean();
      WsClient.Received out = ws.await(m -> parse(m).map(j -> {
        if ("status".equals(j.path("header").path("msg_type").asText())
            && "restarting".equals(j.path("content").path("execution_state").asText())) {
          announced.set(true); // @jupyterlab/services would take it for an autorestart
        }
        return answers(j, msgId, "stream");
      }).orElse(false), WAIT);
      assertEquals("False\n", JSON.readTree(out.string()).path("content").path("text").asText(),
          "the restarted kernel starts afresh");
      assertFalse(announced.get(), "a requested restart was announced as 'restarting'");
    }
  }

  /** Connected clients, as the REST model tells them. */
  private int connections(String kernelId) {
    try {
      HttpResponse<String> r = gw.authed("GET", "/api/kernels/" + kernelId, null);
      return JSON.readTree(r.body()).get("connections").asInt();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private void awaitConnections(String kernelId, int n) throws InterruptedException {
    for (int i = 0; i < 200 && connections(kernelId) != n; i++) {
      Thread.sleep(50);
    }
    assertEquals(n, connections(kernelId));
  }

  @Test
  void closesAClientThatNeverReadsWithoutStallingTheOthers() throws Exception {
    awaitConnections(sharedKernel, 0);
    java.net.http.WebSocket slow = gw.http.newWebSocketBuilder()
        .header("Authorization", "token " + GatewayHarness.TOKEN)
        .buildAsync(channels(sharedKernel, UUID.randomUUID().toString()),
            new java.net.http.WebSocket.Listener() {
              @Override
              public void onOpen(java.net.http.WebSocket webSocket) {
                // never asks for a message: reads nothing, ever
              }
            })
        .get(20, java.util.concurrent.TimeUnit.SECONDS);
    try {
      String session = UUID.randomUUID().toString();
      try (WsClient fast = legacyClient(session)) {
        awaitConnections(sharedKernel, 2);
        String msgId = UUID.randomUUID().toString();
        fast.ws.sendText(executeRequest(msgId, session,
            "for i in range(40): print('x' * 1000000, flush=True)"), true).get();
        fast.await(r -> r.text() && r.string().length() < 100_000 && parse(r).map(
            m -> answers(m, msgId, "execute_reply")).orElse(false), Duration.ofSeconds(60));
        awaitConnections(sharedKernel, 1); // the slow one was closed, the fast one remains
      }
    } finally {
      slow.abort();
    }
  }

  @Test
  void speaksV1WhenTheClientOffersIt() throws Exception {
    String session = UUID.randomUUID().toString();
    V1WsCodec codec = new V1WsCodec(CodecLimits.DEFAULT);
    URI withQueryToken = URI.create(channels(sharedKernel, session) + "&token="
        + GatewayHarness.TOKEN);
    try (WsClient ws = WsClient.connect(gw.http, withQueryToken,
        "v1.kernel.websocket.jupyter.org")) {
      assertEquals("v1.kernel.websocket.jupyter.org", ws.ws.getSubprotocol());
      String msgId = UUID.randomUUID().toString();
      JsonNode legacy = JSON.readTree(executeRequest(msgId, session, "print('hi')"));
      JupyterMessage request = JupyterMessage.of(Channel.SHELL,
          Bytes.utf8(legacy.get("header").toString()), Bytes.utf8("{}"), Bytes.utf8("{}"),
          Bytes.utf8(legacy.get("content").toString()), List.of());
      ws.ws.sendBinary(codec.encode(request).payload().asReadOnlyByteBuffer(), true).get();
      WsClient.Received stream = ws.awaitEach(WAIT,
          r -> !r.text() && v1Answers(codec, r, msgId, "stream"),
          r -> !r.text() && v1Answers(codec, r, msgId, "execute_reply")).get(0);
      JupyterMessage s = codec.decode(WsFrame.binary(Bytes.wrap(stream.bytes())));
      assertEquals(Channel.IOPUB, s.channel().orElseThrow());
      assertEquals("hi\n", JSON.readTree(s.contentBytes().toUtf8String()).get("text").asText());
      assertFalse(ws.received.stream().anyMatch(WsClient.Received::text));
    }
  }

  private static boolean v1Answers(V1WsCodec codec, WsClient.Received r, String msgId,
      String type) {
    JupyterMessage m = codec.decode(WsFrame.binary(Bytes.wrap(r.bytes())));
    return m.msgType().equals(type)
        && m.parentHeader().map(p -> p.msgId().equals(msgId)).orElse(false);
  }

  private static java.util.Optional<JsonNode> parse(WsClient.Received r) {
    try {
      return java.util.Optional.of(JSON.readTree(r.string()));
    } catch (Exception e) {
      return java.util.Optional.empty();
    }
  }

  private int handshakeStatus(URI uri, String... headers) throws Exception {
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> WsClient.connect(gw.http, uri, null, headers).close());
    assertTrue(e.getCause() instanceof WebSocketHandshakeException, e.toString());
    return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
  }

  @Test
  void refusesWebSocketsWithoutTokenOrFromAForeignOrigin() throws Exception {
    URI uri = channels(sharedKernel, null);
    assertEquals(403, handshakeStatus(uri));
    assertEquals(403, handshakeStatus(uri, "Authorization", "token nope"));
    assertEquals(403, handshakeStatus(uri, "Authorization", "token " + GatewayHarness.TOKEN,
        "Origin", "http://evil.example"));
    assertEquals(404, handshakeStatus(channels("no-such-kernel", null),
        "Authorization", "token " + GatewayHarness.TOKEN));
  }

  @Test
  void acceptsWebSocketsFromTheSameHostOrAnAllowedOrigin() throws Exception {
    URI uri = channels(sharedKernel, null);
    try (WsClient a = WsClient.connect(gw.http, uri, null, "Authorization",
        "token " + GatewayHarness.TOKEN, "Origin", "http://127.0.0.1:" + gw.port());
        WsClient b = WsClient.connect(gw.http, uri, null, "Authorization",
            "token " + GatewayHarness.TOKEN, "Origin", "http://allowed.example")) {
      assertTrue(a.ws != null && b.ws != null);
    }
  }

  /** A client of {@code session} (null: none given) starts a cell and leaves while it runs. */
  private String leaveWhileRunning(String kernel, String session) throws Exception {
    String msgId = UUID.randomUUID().toString();
    try (WsClient a = WsClient.connect(gw.http, channels(kernel, session), null,
        "Authorization", "token " + GatewayHarness.TOKEN)) {
      a.ws.sendText(executeRequest(msgId, session == null ? "anonymous" : session,
          "import time; time.sleep(1.5); print('while away', flush=True)"), true).get();
      a.await(m -> parse(m).map(j -> answers(j, msgId, "status")
          && j.path("content").path("execution_state").asText().equals("busy"))
          .orElse(false), WAIT);
    }
    awaitConnections(kernel, 0);
    Thread.sleep(2500); // the output and the reply come while nobody is connected
    return msgId;
  }

  private String newKernel() throws Exception {
    HttpResponse<String> r = gw.authed("POST", "/api/kernels", "{\"name\":\"py3test\"}");
    assertEquals(201, r.statusCode(), r.body());
    return JSON.readTree(r.body()).get("id").asText();
  }

  /**
   * A client that goes away while its cell runs and comes back (same session_id, or none like
   * Jupyter Server's gateway client) gets what the kernel sent meanwhile, in order.
   */
  private void replaysAfterReconnecting(String session) throws Exception {
    String kernel = newKernel();
    try {
      String msgId = leaveWhileRunning(kernel, session);
      try (WsClient b = WsClient.connect(gw.http, channels(kernel, session), null,
          "Authorization", "token " + GatewayHarness.TOKEN)) {
        // the shell reply may come before or after IOPub's messages; IOPub's own order holds
        List<String> iopub = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean replied =
            new java.util.concurrent.atomic.AtomicBoolean();
        b.await(m -> parse(m).map(j -> {
          if (answers(j, msgId, "execute_reply")) {
            replied.set(true);
          } else if (answers(j, msgId, "stream")) {
            iopub.add("stream:" + j.path("content").path("text").asText());
          } else if (answers(j, msgId, "status")) {
            iopub.add(j.path("content").path("execution_state").asText());
          }
          return replied.get() && iopub.contains("idle");
        }).orElse(false), WAIT);
        assertEquals(List.of("stream:while away\n", "idle"), iopub);
      }
    } finally {
      gw.authed("DELETE", "/api/kernels/" + kernel, null);
    }
  }

  @Test
  void replaysWhatAReconnectingSessionMissed() throws Exception {
    replaysAfterReconnecting(UUID.randomUUID().toString());
  }

  @Test
  void replaysWhatAReconnectingAnonymousClientMissed() throws Exception {
    replaysAfterReconnecting(null);
  }

  @Test
  void doesNotReplayOneSessionsOutputToAnother() throws Exception {
    String kernel = newKernel();
    try {
      String msgId = leaveWhileRunning(kernel, UUID.randomUUID().toString());
      try (WsClient other = WsClient.connect(gw.http, channels(kernel, "someone-else"), null,
          "Authorization", "token " + GatewayHarness.TOKEN)) {
        String probe = UUID.randomUUID().toString();
        other.ws.sendText(executeRequest(probe, "someone-else", "1"), true).get();
        java.util.concurrent.atomic.AtomicBoolean leaked =
            new java.util.concurrent.atomic.AtomicBoolean();
        other.await(m -> parse(m).map(j -> {
          leaked.compareAndSet(false, answers(j, msgId, "stream"));
          return answers(j, probe, "execute_reply");
        }).orElse(false), WAIT);
        assertFalse(leaked.get(), "another session's output was replayed");
      }
    } finally {
      gw.authed("DELETE", "/api/kernels/" + kernel, null);
    }
  }

  /**
   * Large outputs are sanitized off the event loop; the small messages around them still arrive
   * in the order the kernel sent them.
   */
  @Test
  void keepsTheOrderAroundLargeSanitizedOutputs() throws Exception {
    String session = UUID.randomUUID().toString();
    String code = "from IPython.display import HTML, display\\n"
        + "row = '<tr><td onclick=x()>cell</td><td><b>v</b></td></tr>' * 4000\\n"
        + "for i in range(300):\\n"
        + "    print(i, flush=True)\\n"
        + "    if i % 30 == 0: display(HTML('<table id=t%d>' % i + row + '</table>'))\\n";
    try (WsClient ws = legacyClient(session)) {
      String msgId = UUID.randomUUID().toString();
      ws.ws.sendText(executeRequest(msgId, session, code), true).get();
      StringBuilder order = new StringBuilder();
      ws.await(r -> parse(r).map(m -> {
        if (answers(m, msgId, "stream")) {
          order.append(m.path("content").path("text").asText().replace('\n', ' '));
        } else if (answers(m, msgId, "display_data")) {
          String html = m.path("content").path("data").path("text/html").asText();
          assertFalse(html.contains("onclick"), "unsanitized");
          order.append(html.replaceAll("(?s).*<table id=\"nbg-t(\\d+)\".*", "T$1 "));
        }
        return answers(m, msgId, "status") // IOPub's own end; shell's reply may come earlier
            && m.path("content").path("execution_state").asText().equals("idle");
      }).orElse(false), Duration.ofSeconds(60));
      StringBuilder expected = new StringBuilder();
      for (int i = 0; i < 300; i++) {
        expected.append(i).append(' ');
        if (i % 30 == 0) {
          expected.append('T').append(i).append(' ');
        }
      }
      assertEquals(expected.toString(), order.toString().replaceAll("\\s+", " "));
    }
  }

  /**
   * Jupyter Server 1.x starts a notebook session's kernel with its whole environment as env:
   * the kernel starts, gets the KERNEL_* variables and none of the others.
   */
  @Test
  void passesOnlyKernelVariablesOfAWholeEnvironment() throws Exception {
    HttpResponse<String> r = gw.authed("POST", "/api/kernels", """
        {"name": "py3test", "env": {"PATH": "/nowhere", "LD_PRELOAD": "/tmp/evil.so",
          "JPY_SESSION_NAME": "Untitled.ipynb", "KERNEL_USERNAME": "alice"}}""");
    assertEquals(201, r.statusCode(), r.body());
    String kernel = JSON.readTree(r.body()).get("id").asText();
    try {
      String session = UUID.randomUUID().toString();
      try (WsClient ws = WsClient.connect(gw.http, channels(kernel, session), null,
          "Authorization", "token " + GatewayHarness.TOKEN)) {
        String msgId = UUID.randomUUID().toString();
        ws.ws.sendText(executeRequest(msgId, session, "import os; print([os.environ.get(k) "
            + "for k in ('LD_PRELOAD', 'JPY_SESSION_NAME', 'KERNEL_USERNAME')], "
            + "os.environ['PATH'] != '/nowhere')"), true).get();
        WsClient.Received out = ws.await(m -> parse(m).map(j -> answers(j, msgId, "stream"))
            .orElse(false), WAIT);
        assertEquals("[None, None, 'alice'] True\n",
            JSON.readTree(out.string()).path("content").path("text").asText());
      }
    } finally {
      gw.authed("DELETE", "/api/kernels/" + kernel, null);
    }
  }
}
