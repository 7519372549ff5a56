package dev.nbguard.e2e.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.e2e.CorpusCase;
import dev.nbguard.e2e.CorpusReader;
import dev.nbguard.e2e.E2eSettings;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.PolicyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client built on {@code @jupyterlab/services} (Node 20, e2e-tests/services-client) talks to a
 * real nbguard gateway directly: once on the v1 subprotocol, once on legacy JSON frames (a
 * WebSocket that offers no subprotocol). It runs cells, gets a sanitized attack and a print,
 * sends binary buffers on a comm that the kernel echoes back, answers input() on stdin,
 * interrupts a cell and restarts the kernel the way JupyterLab does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class ServicesClientIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ATTACK = "html-img-onerror-01";
  private static final String SCRIPT_ATTACK = "html-script-basic-01";

  private final OutputPolicy policy = OutputPolicy.of(PolicyFiles.resolve("default"));
  private List<CorpusCase> attacks;
  private Path dir;
  private GatewayProcess gateway;

  @BeforeAll
  void start() throws Exception {
    Path client = GatewaySettings.servicesClient();
    if (!Files.isDirectory(client.resolve("node_modules/@jupyterlab/services"))) {
      throw new IllegalStateException(client.resolve("node_modules")
          + " is missing: run ./run-tests or `npm ci` in e2e-tests/services-client");
    }
    attacks = CorpusReader.readFile(E2eSettings.fromSystemProperties().attacksDir()
        .resolve("html.jsonl")).stream()
        .filter(c -> c.id().equals(ATTACK) || c.id().equals(SCRIPT_ATTACK)).toList();
    assertEquals(2, attacks.size(), "corpus cases " + ATTACK + ", " + SCRIPT_ATTACK);
    dir = GatewaySettings.workDir("services-client");
    gateway = GatewayProcess.start(dir, "services-token-" + UUID.randomUUID());
  }

  @AfterAll
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  /** Three buffers of different sizes, every byte value included. */
  private static List<byte[]> buffers() {
    byte[] big = new byte[70_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 131 + 7);
    }
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    return List.of(big, all, new byte[] {0});
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1", "legacy"})
  void servicesClientRunsCellsAndEchoesBinaryBuffers(String protocol) throws Exception {
    ObjectNode job = JSON.createObjectNode()
        .put("baseUrl", gateway.baseUrl() + "/")
        .put("token", gateway.token())
        .put("protocol", protocol)
        .put("kernel", "python3");
    ObjectNode cells = job.putObject("cells");
    cells.put("print", "print('hello from', 'services')");
    for (CorpusCase c : attacks) {
      cells.put(c.id(), Cells.publish(c.bundle()));
    }
    ObjectNode echo = job.putObject("echo")
        .put("setup", Cells.echoTarget("nbguard_echo"))
        .put("target", "nbguard_echo");
    ArrayNode sent = echo.putArray("buffers");
    buffers().forEach(b -> sent.add(Base64.getEncoder().encodeToString(b)));
    job.putObject("input")
        .put("code", "nbg_name = input('Who goes there? ')\nprint('hello ' + nbg_name[::-1])")
        .put("answer", "draugbn");
    job.put("interrupt", "import time\ntime.sleep(60)\nprint('slept through')");
    job.putObject("restart")
        .put("before", "nbg_state = 41\nprint(nbg_state + 1)")
        .put("after", "print('nbg_state' in globals())");

    JsonNode result = runClient(protocol, job);

    assertEquals(protocol.equals("v1") ? "v1.kernel.websocket.jupyter.org" : "",
        result.path("protocol").asText(), "negotiated subprotocol");
    JsonNode print = result.path("cells").path("print");
    assertEquals("ok", print.path("status").asText(), print.toString());
    assertEquals(List.of("hello from services\n"), texts(print, "stream", "text"));

    for (CorpusCase c : attacks) {
      JsonNode cell = result.path("cells").path(c.id());
      assertEquals("ok", cell.path("status").asText(), cell.toString());
      List<JsonNode> shown = contents(cell, "display_data");
      assertEquals(1, shown.size(), cell.toString());
      ObjectNode expected = policy.sanitize(c.bundle()).bundle();
      assertEquals(expected.get("data"), shown.get(0).get("data"), c.id() + " over " + protocol);
      String html = shown.get(0).path("data").path("text/html").asText();
      assertTrue(!html.contains("onerror") && !html.toLowerCase().contains("<script"), html);
    }

    JsonNode echoed = result.path("echo");
    assertEquals(JSON.readTree("{\"echo\": {\"ping\": 3}}"), echoed.path("data"),
        echoed.toString());
    List<String> back = new ArrayList<>();
    echoed.path("buffers").forEach(b -> back.add(b.asText()));
    List<String> expectedBack = new ArrayList<>();
    sent.forEach(b -> expectedBack.add(b.asText()));
    assertEquals(expectedBack, back, "buffers echoed byte for byte over " + protocol);

    JsonNode input = result.path("input");
    assertEquals("ok", input.path("status").asText(), input.toString());
    assertEquals(List.of("Who goes there? "), texts(input.path("prompts")));
    assertEquals(List.of("hello nbguard\n"), texts(input, "stream", "text"));

    JsonNode interrupted = result.path("interrupt");
    assertEquals("error", interrupted.path("status").asText(), interrupted.toString());
    assertEquals("KeyboardInterrupt", interrupted.path("ename").asText(), interrupted.toString());
    assertTrue(texts(interrupted, "stream", "text").isEmpty(), interrupted.toString());

    // JupyterLab restarts over REST, then opens a new WebSocket with the same session id
    JsonNode restart = result.path("restart");
    assertEquals(List.of("42\n"), texts(restart.path("before"), "stream", "text"));
    assertEquals("ok", restart.path("after").path("status").asText(), restart.toString());
    assertEquals(List.of("False\n"), texts(restart.path("after"), "stream", "text"),
        "state survived the restart: " + restart);
    assertEquals(result.path("protocol"), restart.path("protocol"), "reconnected on the same"
        + " subprotocol");
    gateway.checkAlive();
  }

  private JsonNode runClient(String protocol, ObjectNode job) throws Exception {
    Path in = dir.resolve(protocol + ".job.json");
    Path out = dir.resolve(protocol + ".result.json");
    Path log = dir.resolve(protocol + ".client.log");
    Files.writeString(in, job.toString());
    Process p = new ProcessBuilder(GatewaySettings.node(), "client.js", in.toString(),
        out.toString())
        .directory(GatewaySettings.servicesClient().toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      throw new AssertionError("the services client did not finish; see " + log);
    }
    if (p.exitValue() != 0 || !Files.isRegularFile(out)) {
      throw new AssertionError("the services client failed (exit " + p.exitValue() + "):\n"
          + Files.readString(log) + "\ngateway log:\n" + gateway.logTail(20));
    }
    return JSON.readTree(out.toFile());
  }

  private static List<JsonNode> contents(JsonNode cell, String msgType) {
    List<JsonNode> out = new ArrayList<>();
    cell.path("iopub").forEach(m -> {
      if (m.path("msg_type").asText().equals(msgType)) {
        out.add(m.path("content"));
      }
    });
    return out;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static List<String> texts(JsonNode cell, String msgType, String field) {
    return contents(cell, msgType).stream().map(c -> c.path(field).asText()).toList();
  }
}
