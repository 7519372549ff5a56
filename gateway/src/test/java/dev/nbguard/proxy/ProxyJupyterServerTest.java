package dev.nbguard.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.filter.InMemoryAuditLog;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.Preset;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The proxy in front of Debian's real Jupyter Server 1.23: kernel channels in both subprotocols,
 * notebook contents, XSRF with cookies, a large upload, a terminal WebSocket, nbconvert. Each
 * security claim is checked against the same request sent directly, which must stay raw.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class ProxyJupyterServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ATTACK = "<img src=x onerror=alert(1)><b>bold</b>";
  private static final String CELL =
      "from IPython.display import HTML, display; display(HTML('" + ATTACK + "'))";

  private JupyterFixture jupyter;
  private RunningProxy proxy;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private String kernelId;
  private final InMemoryAuditLog audit = new InMemoryAuditLog();

  @BeforeAll
  void start() throws Exception {
    Assumptions.assumeTrue(JupyterFixture.available(), "Debian jupyter missing");
    jupyter = new JupyterFixture("main");
    proxy = RunningProxy.start(ProxyConfig.of(jupyter.upstream()).withListen("127.0.0.1", 0),
        OutputPolicy.preset(Preset.DEFAULT), audit);
    HttpResponse<String> created = call(proxy.origin(), "POST", "/api/kernels",
        "{\"name\":\"python3\"}");
    assertEquals(201, created.statusCode(), created.body());
    kernelId = JSON.readTree(created.body()).get("id").asText();
  }

  @AfterAll
  void stop() throws Exception {
    if (proxy != null) {
      proxy.close();
    }
    if (jupyter != null) {
      jupyter.close();
    }
  }

  private HttpResponse<String> call(String origin, String method, String path, String body)
      throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create(origin + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "token " + JupyterFixture.TOKEN)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body))
        .build();
    return http.send(r, HttpResponse.BodyHandlers.ofString());
  }

  private String displayedHtml(String origin, boolean v1, String expectedProtocol)
      throws Exception {
    try (KernelSession k = KernelSession.connect(http, origin, kernelId, v1)) {
      assertEquals(expectedProtocol, k.subprotocol());
      String id = k.execute(CELL);
      KernelSession.Received shown = k.await(id, "display_data");
      assertEquals(!v1, shown.raw().isText(), "legacy sends text frames, v1 binary");
      k.await(id, "execute_reply");
      return shown.content().path("data").path("text/html").asText("");
    }
  }

  @Test
  void v1ChannelsCarrySanitizedOutputWhileTheDirectOutputIsRaw() throws Exception {
    String v1 = "v1.kernel.websocket.jupyter.org";
    String guarded = displayedHtml(proxy.origin(), true, v1);
    assertFalse(guarded.contains("onerror"), guarded);
    assertTrue(guarded.contains("<b>bold</b>"), guarded);
    assertTrue(audit.entries().stream().anyMatch(e -> e.kernelId().equals(kernelId)
        && e.msgType().equals("display_data")), "the finding is audited");
    String direct = displayedHtml(jupyter.origin(), true, v1);
    assertTrue(direct.contains("onerror=alert(1)"), "the attack is live without nbguard: "
        + direct);
  }

  @Test
  void legacyChannelsCarrySanitizedOutputWhileTheDirectOutputIsRaw() throws Exception {
    String guarded = displayedHtml(proxy.origin(), false, "");
    assertFalse(guarded.contains("onerror"), guarded);
    assertTrue(guarded.contains("<b>bold</b>"), guarded);
    String direct = displayedHtml(jupyter.origin(), false, "");
    assertTrue(direct.contains("onerror=alert(1)"), direct);
  }

  @Test
  void streamOutputPassesAndTheBrowserOriginIsAccepted() throws Exception {
    try (KernelSession k = KernelSession.connect(http, proxy.origin(), kernelId, true,
        "Origin", proxy.origin())) {
      String id = k.execute("print('<b>hi</b>')");
      assertEquals("<b>hi</b>\n", k.await(id, "stream").content().path("text").asText());
    }
  }

  @Test
  void cookieAuthenticatedChannelsCheckTheBrowserOriginAgainstTheProxyHost() throws Exception {
    Browser b = Browser.login(proxy.origin());
    URI uri = URI.create(proxy.origin().replace("http", "ws") + "/api/kernels/" + kernelId
        + "/channels");
    try (TestWs ok = TestWs.connect(http, uri, Optional.empty(), "Cookie", b.cookieHeader(),
        "Origin", proxy.origin())) {
      assertEquals("", ok.ws.getSubprotocol());
    }
    assertEquals(403, handshakeStatus(() -> TestWs.connect(http, uri, Optional.empty(),
        "Cookie", b.cookieHeader(), "Origin", "http://evil.example")));
  }

  @Test
  void aForeignHostIsStillRefusedByJupyterAsDnsRebinding() throws Exception {
    for (String host : new String[] {"evil.example", "127.0.0.1"}) {
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", proxy.port())) {
        s.setSoTimeout(30_000);
        s.getOutputStream().write(("GET /api/status?token=" + JupyterFixture.TOKEN
            + " HTTP/1.1\r\nHost: " + host + ":" + proxy.port()
            + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String status = new java.io.BufferedReader(new java.io.InputStreamReader(
            s.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII)).readLine();
        assertEquals(host.equals("evil.example") ? "HTTP/1.1 403 Forbidden" : "HTTP/1.1 200 OK",
            status, host);
      }
    }
  }

  @Test
  void unknownKernelChannelsAnswerJupytersOwn404() throws Exception {
    HttpResponse<String> r = call(proxy.origin(), "GET",
        "/api/kernels/00000000-0000-0000-0000-000000000000/channels", null);
    assertEquals(404, r.statusCode(), r.body()); // plain GET: forwarded, Jupyter answers
    URI uri = URI.create(proxy.origin().replace("http", "ws")
        + "/api/kernels/00000000-0000-0000-0000-000000000000/channels?token="
        + JupyterFixture.TOKEN);
    assertEquals(404, handshakeStatus(() -> TestWs.connect(http, uri, Optional.empty())));
  }

  private static int handshakeStatus(org.junit.jupiter.api.function.Executable connect) {
    var failure = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, connect);
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof java.net.http.WebSocketHandshakeException h) {
        return h.getResponse().statusCode();
      }
    }
    throw new AssertionError("not a handshake refusal", failure);
  }

  private static ObjectNode attackNotebook() throws Exception {
    return (ObjectNode) JSON.readTree("""
        {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
         "cells": [{"cell_type": "code", "id": "c1", "metadata": {}, "execution_count": 1,
           "source": "x",
           "outputs": [{"output_type": "display_data", "metadata": {},
             "data": {"text/html": "%s", "text/plain": "x"}}]}]}
        """.formatted(ATTACK));
  }

  @Test
  void notebookContentsAreSanitizedWhenReadAndSavedUnchanged() throws Exception {
    ObjectNode nb = attackNotebook();
    Files.writeString(jupyter.root.resolve("stored.ipynb"), nb.toString());
    HttpResponse<String> guarded = call(proxy.origin(), "GET", "/api/contents/stored.ipynb",
        null);
    assertEquals(200, guarded.statusCode(), guarded.body());
    assertEquals(String.valueOf(guarded.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)
        .length), guarded.headers().firstValue("Content-Length").orElse("?"));
    JsonNode model = JSON.readTree(guarded.body());
    String html = model.at("/content/cells/0/outputs/0/data/text~1html").toString();
    assertFalse(html.contains("onerror"), html);
    assertTrue(html.contains("<b>bold</b>"), html);
    assertTrue(audit.entries().stream().anyMatch(e -> e.msgType().equals("contents")
        && e.msgId().equals("stored.ipynb")), "the finding is audited");
    HttpResponse<String> direct = call(jupyter.origin(), "GET", "/api/contents/stored.ipynb",
        null);
    assertTrue(direct.body().contains("onerror=alert(1)"), direct.body());

    // saving through the proxy stores exactly what the browser sent
    ObjectNode save = JSON.createObjectNode().put("type", "notebook").put("format", "json");
    save.set("content", nb);
    HttpResponse<String> put = call(proxy.origin(), "PUT", "/api/contents/saved.ipynb",
        save.toString());
    assertEquals(201, put.statusCode(), put.body());
    HttpResponse<String> putDirect = call(jupyter.origin(), "PUT",
        "/api/contents/saved-direct.ipynb", save.toString());
    assertEquals(201, putDirect.statusCode(), putDirect.body());
    assertEquals(Files.readString(jupyter.root.resolve("saved-direct.ipynb")),
        Files.readString(jupyter.root.resolve("saved.ipynb")));
    assertTrue(Files.readString(jupyter.root.resolve("saved.ipynb")).contains("onerror"),
        "saving is not sanitizing");
    // a listing or a model without content passes untouched
    HttpResponse<String> listing = call(proxy.origin(), "GET", "/api/contents", null);
    assertEquals(200, listing.statusCode());
    assertTrue(listing.body().contains("stored.ipynb"));
  }

  @Test
  void xsrfCheckedPostWithCookiesWorksThroughTheProxy() throws Exception {
    String origin = proxy.origin();
    Browser b = Browser.login(origin);
    HttpClient browser = b.http();
    String xsrf = b.cookie("_xsrf");
    HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(origin + "/api/contents"))
        .header("Origin", origin).header("Referer", origin + "/tree")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"file\",\"ext\":\".txt\"}"));
    HttpResponse<String> withToken = browser.send(post.copy().header("X-XSRFToken", xsrf)
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(201, withToken.statusCode(), withToken.body());
    HttpResponse<String> without = browser.send(post.build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(403, without.statusCode(), "the XSRF check is live: " + without.body());
  }

  @Test
  void aTwentyMegabyteUploadPassesThrough() throws Exception {
    String text = "0123456789abcdef".repeat(20 * 1024 * 1024 / 16);
    ObjectNode body = JSON.createObjectNode().put("type", "file").put("format", "text")
        .put("content", text);
    HttpResponse<String> put = call(proxy.origin(), "PUT", "/api/contents/big.txt",
        body.toString());
    assertEquals(201, put.statusCode(), put.body());
    assertEquals(text.length(), Files.size(jupyter.root.resolve("big.txt")));
    HttpResponse<String> got = call(proxy.origin(), "GET", "/files/big.txt", null);
    assertEquals(200, got.statusCode());
    assertEquals(text.length(), got.body().length());
  }

  @Test
  void terminalWebSocketIsRelayedUntouched() throws Exception {
    HttpResponse<String> created = call(proxy.origin(), "POST", "/api/terminals", null);
    Assumptions.assumeTrue(created.statusCode() == 200, "terminals unavailable: "
        + created.body());
    String name = JSON.readTree(created.body()).get("name").asText();
    URI uri = URI.create(proxy.origin().replace("http", "ws") + "/terminals/websocket/" + name
        + "?token=" + JupyterFixture.TOKEN);
    try (TestWs t = TestWs.connect(http, uri, Optional.empty())) {
      t.ws.sendText("[\"stdin\", \"printf '%s%s\\\\n' '<img src=x on' 'error=alert(1)>'\\r\"]",
          true).get();
      TestWs.Msg out = t.await(m -> m.isText()
          && m.text().get().contains("<img src=x onerror=alert(1)>"), Duration.ofSeconds(20));
      assertTrue(out.text().get().startsWith("[\"stdout\""), out.text().get());
    } finally {
      call(proxy.origin(), "DELETE", "/api/terminals/" + name, null);
    }
  }

  @Test
  void nbconvertPagesAreSandboxedAndRedirectsKeepTheProxyOrigin() throws Exception {
    Files.writeString(jupyter.root.resolve("page.ipynb"), attackNotebook().toString());
    HttpResponse<String> page = call(proxy.origin(), "GET", "/nbconvert/html/page.ipynb", null);
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.headers().allValues("Content-Security-Policy").contains(
        "sandbox allow-scripts"), page.headers().map().toString());

    HttpResponse<String> tree = http.send(HttpRequest.newBuilder(URI.create(proxy.origin()
        + "/tree")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(302, tree.statusCode());
    assertEquals("/login?next=%2Ftree", tree.headers().firstValue("Location").orElse(""));
  }
}
