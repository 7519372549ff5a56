package dev.nbguard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * End to end: Debian's Jupyter Server 1.23 started with {@code --gateway-url} pointing at the
 * gateway; a kernel is created and driven through Jupyter Server with a plain WebSocket client,
 * so Jupyter Server's own GatewayClient speaks to nbguard.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class JupyterServerGatewayTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JUPYTER = "/usr/bin/jupyter";
  private static final String SERVER_TOKEN = "jupyter-server-token-42";
  private static final Duration WAIT = Duration.ofSeconds(40);

  private GatewayHarness gw;
  private Process server;
  private int serverPort;

  @BeforeAll
  void start() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of(JUPYTER)), "Debian jupyter missing");
    gw = new GatewayHarness("e2e");
    Path home = Files.createDirectories(gw.dataDir.resolve("jupyter-home"));
    try (ServerSocket s = new ServerSocket(0)) {
      serverPort = s.getLocalPort();
    }
    ProcessBuilder pb = new ProcessBuilder(JUPYTER, "server", "--allow-root", "--no-browser",
        "--ip=127.0.0.1", "--port=" + serverPort, "--ServerApp.token=" + SERVER_TOKEN,
        "--ServerApp.root_dir=" + home,
        // the configuration nbguard ships for gateway mode, proven here
        "--config=" + Path.of("../jupyter-config/gateway/jupyter_server_config.py").toAbsolutePath())
        .redirectErrorStream(true)
        .redirectOutput(gw.dataDir.resolve("jupyter-server.log").toFile());
    pb.environment().put("NBGUARD_URL", "http://127.0.0.1:" + gw.port());
    pb.environment().put("NBGUARD_TOKEN", GatewayHarness.TOKEN);
    pb.environment().put("HOME", home.toString());
    pb.environment().put("JUPYTER_RUNTIME_DIR", home.resolve("runtime").toString());
    pb.environment().put("JUPYTER_CONFIG_DIR", home.resolve("config").toString());
    server = pb.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        if (get("/api").statusCode() == 200) {
          break;
        }
      } catch (java.io.IOException e) {
        // not up yet
      }
      if (System.nanoTime() > deadline || !server.isAlive()) {
        throw new AssertionError("Jupyter Server did not start; see "
            + gw.dataDir.resolve("jupyter-server.log"));
      }
      Thread.sleep(250);
    }
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) {
      server.destroy();
      if (!server.waitFor(15, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
    if (gw != null) {
      gw.close();
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return call("GET", path, null);
  }

  private HttpResponse<String> call(String method, String path, String body) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serverPort + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "token " + SERVER_TOKEN)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body))
        .build();
    return gw.http.send(r, HttpResponse.BodyHandlers.ofString());
  }

  private static Optional<JsonNode> parse(WsClient.Received r) {
    try {
      return r.text() ? Optional.of(JSON.readTree(r.string())) : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private static boolean answers(JsonNode m, String msgId, String type) {
    return type.equals(m.path("header").path("msg_type").asText())
        && msgId.equals(m.path("parent_header").path("msg_id").asText());
  }

  @Test
  void jupyterServerRunsAKernelThroughTheGatewayWithOutputRewritten() throws Exception {
    JsonNode specs = JSON.readTree(get("/api/kernelspecs").body());
    assertTrue(specs.path("kernelspecs").has(GatewayHarness.KERNEL), specs.toString());

    HttpResponse<String> created = call("POST", "/api/kernels",
        "{\"name\":\"" + GatewayHarness.KERNEL + "\"}");
    assertEquals(201, created.statusCode(), created.body());
    String id = JSON.readTree(created.body()).get("id").asText();
    assertTrue(gw.manager.get(id).isPresent(), "the kernel runs in the gateway");
    JsonNode listed = JSON.readTree(get("/api/kernels").body());
    assertTrue(listed.findValuesAsText("id").contains(id), listed.toString());

    String session = UUID.randomUUID().toString();
    URI ws = URI.create("ws://127.0.0.1:" + serverPort + "/api/kernels/" + id
        + "/channels?session_id=" + session + "&token=" + SERVER_TOKEN);
    try (WsClient client = WsClient.connect(gw.http, ws, null)) {
      String msgId = UUID.randomUUID().toString();
      String payload = "<img src=x onerror=alert(1)><b>bold</b>";
      client.ws.sendText(execute(msgId, session, "print('hi'); "
          + "from IPython.display import HTML, display; display(HTML('" + payload + "'))"), true)
          .get();
      // IOPub and shell are separate sockets: the reply may come before or after the outputs
      java.util.Map<String, JsonNode> seen = new java.util.HashMap<>();
      client.await(r -> parse(r).map(m -> {
        for (String type : new String[] {"stream", "display_data", "execute_reply"}) {
          if (answers(m, msgId, type)) {
            seen.putIfAbsent(type, m);
          }
        }
        return seen.size() == 3;
      }).orElse(false), WAIT);
      assertEquals("hi\n", seen.get("stream").path("content").path("text").asText());
      String html = seen.get("display_data").path("content").path("data")
          .path("text/html").asText("");
      assertFalse(html.contains("<img src=x onerror"), html);
      assertTrue(html.contains("<b>bold</b>"), html);
    }
    assertEquals(204, call("DELETE", "/api/kernels/" + id, null).statusCode());
    assertTrue(gw.manager.get(id).isEmpty(), "the gateway shut the kernel down");
  }

  private static String execute(String msgId, String session, String code) {
    return """
        {"header": {"msg_id": "%s", "username": "t", "session": "%s",
                    "msg_type": "execute_request", "version": "5.3",
                    "date": "2026-01-01T00:00:00.000000Z"},
         "parent_header": {}, "metadata": {}, "buffers": [], "channel": "shell",
         "content": {"code": "%s", "silent": false, "store_history": false,
                     "user_expressions": {}, "allow_stdin": false, "stop_on_error": true}}
        """.formatted(msgId, session, code);
  }

}
