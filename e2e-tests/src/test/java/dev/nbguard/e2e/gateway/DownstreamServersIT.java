package dev.nbguard.e2e.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.e2e.CorpusCase;
import dev.nbguard.e2e.CorpusReader;
import dev.nbguard.e2e.E2eSettings;
import dev.nbguard.e2e.gateway.JupyterProcess.Kind;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.PolicyFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Gateway mode end to end: Debian's classic Notebook 6.4.12 and Jupyter Server 1.23.3, each
 * started with its kernels behind a real {@code nbguard gateway} process, drive Debian's
 * ipykernel. A third server, Jupyter Server with its own kernels, is the control: the same cells
 * there show what the kernel really emitted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class DownstreamServersIT {
  private static final Duration CELL = Duration.ofSeconds(60);
  private static final String KERNEL = "python3";

  /** Attacks from the corpus, and the active construct that must not survive in that MIME type. */
  private record Attack(String id, String mime, Optional<Pattern> active) {}

  private static final List<Attack> ATTACKS = List.of(
      new Attack("html-img-onerror-01", "text/html", active("<img[^>]*\\sonerror")),
      new Attack("html-script-basic-01", "text/html", active("<script")),
      new Attack("svg-mime-script-01", "image/svg+xml", active("<script")),
      new Attack("markdown-raw-img-onerror-01", "text/markdown", active("<img[^>]*\\sonerror")),
      // the type itself is what runs: it must be gone
      new Attack("javascript-application-basic-01", "application/javascript", Optional.empty()));
  private static final String WIDGET_ATTACK = "widget-html-value-img-01";

  private static Optional<Pattern> active(String regex) {
    return Optional.of(Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
  }

  /** A kernel started through one server, and a channels WebSocket to it through that server. */
  private record Session(JupyterProcess server, String kernelId, KernelSocket socket) {}

  private final OutputPolicy policy = OutputPolicy.of(PolicyFiles.resolve("default"));
  private Map<String, CorpusCase> corpus;
  private GatewayProcess gateway;
  private final Map<Kind, JupyterProcess> servers = new EnumMap<>(Kind.class);
  private final Map<Kind, Session> sessions = new EnumMap<>(Kind.class);
  private final List<Session> extraSessions = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    corpus = CorpusReader.readDir(E2eSettings.fromSystemProperties().attacksDir()).stream()
        .collect(Collectors.toMap(CorpusCase::id, Function.identity()));
    Path dir = GatewaySettings.workDir("downstream");
    gateway = GatewayProcess.start(dir, "gateway-token-" + UUID.randomUUID());
    for (Kind kind : Kind.values()) {
      servers.put(kind, JupyterProcess.launch(kind, dir, Optional.of(gateway)));
    }
    for (JupyterProcess server : servers.values()) {
      server.awaitUp(Duration.ofSeconds(60));
    }
  }

  @AfterAll
  void stop() {
    List<Session> all = new ArrayList<>(sessions.values());
    all.addAll(extraSessions);
    for (Session s : all) {
      s.socket().close();
      try {
        s.server().rest().call("DELETE", "/api/kernels/" + s.kernelId(), null);
      } catch (Exception ignored) {
        // the server stops its kernels (or the gateway its own) below anyway
      }
    }
    // downstream servers first: one whose gateway is gone may hang on shutdown
    servers.values().forEach(JupyterProcess::close);
    if (gateway != null) {
      gateway.close();
    }
  }

  private Session newSession(Kind kind) throws Exception {
    JupyterProcess server = servers.get(kind);
    JsonNode specs = server.rest().expect(200, "GET", "/api/kernelspecs", null);
    assertTrue(specs.path("kernelspecs").has(KERNEL), kind + " lists no python3 kernel: " + specs);
    String id = server.rest().startKernel(KERNEL);
    KernelSocket socket = KernelSocket.connect(sid -> server.channels(id, sid), WireFormat.LEGACY);
    socket.awaitReady(Duration.ofSeconds(3), 10);
    return new Session(server, id, socket);
  }

  private Session session(Kind kind) throws Exception {
    Session s = sessions.get(kind);
    if (s == null) {
      s = newSession(kind);
      sessions.put(kind, s);
    }
    return s;
  }

  private Execution run(Kind kind, String code) throws Exception {
    Execution e = session(kind).socket().run(code, CELL);
    gateway.checkAlive();
    return e;
  }

  /** The single display output of {@code e}. */
  private static JsonNode onlyDisplay(Execution e) {
    assertEquals("ok", e.replyStatus(), e.toString());
    assertEquals(1, e.displays().size(), e.toString());
    return e.displays().get(0);
  }

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"NOTEBOOK_VIA_GATEWAY", "SERVER_VIA_GATEWAY"})
  void attackOutputsArriveSanitizedThoughTheKernelEmitsThemRaw(Kind kind) throws Exception {
    for (Attack attack : ATTACKS) {
      ObjectNode raw = corpus.get(attack.id()).bundle();
      String cell = Cells.publish(raw);
      JsonNode direct = onlyDisplay(run(Kind.SERVER_DIRECT, cell));
      assertEquals(raw.get("data"), direct.get("data"),
          attack.id() + ": without nbguard the payload arrives as emitted");
      assertTrue(matches(attack, direct.path("data")), attack.id() + ": the raw output is active");

      ObjectNode expected = policy.sanitize(raw).bundle();
      Execution ran = run(kind, cell);
      JsonNode got = onlyDisplay(ran);
      assertEquals(expected.get("data"), got.get("data"), attack.id() + " through " + kind);
      assertEquals(expected.path("metadata"), got.path("metadata"), attack.id() + " metadata");
      assertFalse(matches(attack, got.path("data")), attack.id() + " still active: " + got);

      // the gateway's audit log names the kernel and the message it rewrote
      String msgId = ran.ofType("display_data").get(0).header().path("msg_id").asText();
      List<JsonNode> audit = gateway.auditEntries(msgId);
      assertFalse(audit.isEmpty(), attack.id() + ": no audit entry for " + msgId);
      assertEquals(session(kind).kernelId(), audit.get(0).path("kernel").asText());
      assertEquals("display_data", audit.get(0).path("msg_type").asText());
    }
  }

  private static boolean matches(Attack attack, JsonNode data) {
    JsonNode value = data.get(attack.mime());
    if (value == null) {
      return false;
    }
    return attack.active().map(p -> p.matcher(value.asText()).find()).orElse(true);
  }

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"NOTEBOOK_VIA_GATEWAY", "SERVER_VIA_GATEWAY"})
  void widgetCommStateArrivesSanitized(Kind kind) throws Exception {
    ObjectNode widget = corpus.get(WIDGET_ATTACK).widget().orElseThrow();
    ObjectNode raw = (ObjectNode) widget.get("state");
    String commId = "nbg-" + UUID.randomUUID();
    JsonNode direct = commOpen(run(Kind.SERVER_DIRECT, Cells.openWidgetComm(commId, raw)), commId)
        .orElseThrow(() -> new AssertionError("the control saw no comm_open"));
    assertEquals(raw, direct.path("data").path("state"), "without nbguard the state is raw");

    Optional<ObjectNode> expected = policy.widgets().sanitizeModel(
        widget.path("model_module").asText(), widget.path("model_name").asText(), raw.deepCopy())
        .state();
    commId = "nbg-" + UUID.randomUUID();
    Optional<JsonNode> got = commOpen(run(kind, Cells.openWidgetComm(commId, raw)), commId);
    assertEquals(expected.isPresent(), got.isPresent(), "comm_open through " + kind + ": " + got);
    if (expected.isPresent()) {
      assertNotEquals(raw, expected.get(), "the policy rewrites this widget's state");
      assertEquals(expected.get(), got.get().path("data").path("state"), "state through " + kind);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"NOTEBOOK_VIA_GATEWAY", "SERVER_VIA_GATEWAY"})
  void widgetStateUpdatesArriveSanitized(Kind kind) throws Exception {
    ObjectNode widget = corpus.get(WIDGET_ATTACK).widget().orElseThrow();
    ObjectNode raw = (ObjectNode) widget.get("state");
    ObjectNode harmless = raw.deepCopy().put("value", "<b>harmless</b>");
    ObjectNode update = raw.objectNode().set("value", raw.get("value"));
    String commId = "nbg-" + UUID.randomUUID();
    run(Kind.SERVER_DIRECT, Cells.openWidgetComm(commId, harmless));
    assertEquals(update, commMsg(run(Kind.SERVER_DIRECT, Cells.updateWidget(update)), commId)
        .orElseThrow().path("data").path("state"), "without nbguard the update is raw");

    ObjectNode expected = policy.widgets().sanitizeModel(widget.path("model_module").asText(),
        widget.path("model_name").asText(), update.deepCopy()).state().orElseThrow();
    assertNotEquals(update, expected, "the policy rewrites this update");
    commId = "nbg-" + UUID.randomUUID();
    assertTrue(commOpen(run(kind, Cells.openWidgetComm(commId, harmless)), commId).isPresent());
    Optional<JsonNode> got = commMsg(run(kind, Cells.updateWidget(update)), commId);
    assertEquals(expected, got.orElseThrow(() -> new AssertionError("no comm_msg"))
        .path("data").path("state"), "update through " + kind);
  }

  private static Optional<JsonNode> commMsg(Execution e, String commId) {
    assertEquals("ok", e.replyStatus(), e.toString());
    return e.ofType("comm_msg").stream().map(WireMessage::content)
        .filter(c -> c.path("comm_id").asText().equals(commId)).findFirst();
  }

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"NOTEBOOK_VIA_GATEWAY", "SERVER_VIA_GATEWAY"})
  void updatedDisplaysAndResultsArriveSanitized(Kind kind) throws Exception {
    String html = corpus.get("html-img-onerror-01").bundle().path("data").path("text/html")
        .asText();
    String cell = Cells.updateAndResult(html);
    List<WireMessage> direct = outputs(run(Kind.SERVER_DIRECT, cell));
    List<WireMessage> got = outputs(run(kind, cell));
    assertEquals(List.of("display_data", "update_display_data", "execute_result"),
        got.stream().map(WireMessage::msgType).toList(), got.toString());
    assertEquals(direct.stream().map(WireMessage::msgType).toList(),
        got.stream().map(WireMessage::msgType).toList());
    for (int i = 1; i < 3; i++) {
      JsonNode raw = direct.get(i).content();
      assertEquals(html, raw.path("data").path("text/html").asText(), "the kernel sent it raw");
      ObjectNode expected = policy.sanitize(raw).bundle();
      assertEquals(expected.get("data"), got.get(i).content().get("data"), got.get(i).toString());
      assertFalse(got.get(i).content().path("data").path("text/html").asText()
          .contains("onerror"), got.get(i).toString());
    }
    assertEquals("nbg-d1", got.get(1).content().path("transient").path("display_id").asText(),
        "the display id survives: " + got.get(1));
  }

  private static List<WireMessage> outputs(Execution e) {
    assertEquals("ok", e.replyStatus(), e.toString());
    return e.iopub().stream().filter(m -> !m.msgType().equals("execute_input")).toList();
  }

  private static Optional<JsonNode> commOpen(Execution e, String commId) {
    assertEquals("ok", e.replyStatus(), e.toString());
    return e.ofType("comm_open").stream().map(WireMessage::content)
        .filter(c -> c.path("comm_id").asText().equals(commId)).findFirst();
  }

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"NOTEBOOK_VIA_GATEWAY", "SERVER_VIA_GATEWAY"})
  void benignOutputsOfRealLibrariesArriveIntact(Kind kind) throws Exception {
    JsonNode directTable = onlyDisplay(run(Kind.SERVER_DIRECT, Cells.DATAFRAME)).path("data");
    JsonNode table = onlyDisplay(run(kind, Cells.DATAFRAME)).path("data");
    List<String> cells = tableCells(table.path("text/html").asText());
    assertEquals(tableCells(directTable.path("text/html").asText()), cells, table.toString());
    assertTrue(cells.containsAll(List.of("city", "temp", "Oslo", "Lima", "Kyiv", "19.25")),
        cells.toString());
    assertEquals(directTable.path("text/plain"), table.path("text/plain"));

    byte[] directPng = png(onlyDisplay(run(Kind.SERVER_DIRECT, Cells.MATPLOTLIB_PNG)));
    byte[] gotPng = png(onlyDisplay(run(kind, Cells.MATPLOTLIB_PNG)));
    assertEquals(Base64.getEncoder().encodeToString(directPng),
        Base64.getEncoder().encodeToString(gotPng), "PNG bytes through " + kind);
    assertEquals((byte) 0x89, gotPng[0], "a PNG signature");
    assertEquals("PNG", new String(gotPng, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
  }

  private static List<String> tableCells(String html) {
    return Jsoup.parse(html).select("table th, table td").eachText();
  }

  private static byte[] png(JsonNode display) {
    String b64 = display.path("data").path("image/png").asText("");
    assertFalse(b64.isEmpty(), "no image/png in " + display);
    return Base64.getMimeDecoder().decode(b64);
  }

  /**
   * Kernel to client only: the relays of Jupyter Server 1.23 and Notebook 6.4 in gateway mode
   * forward a client's binary frame upstream as a text frame (GatewayWebSocketClient calls
   * write_message without binary=True), so client buffers cannot reach any gateway through them;
   * client buffers are proven against nbguard directly (ServicesClientIT).
   */
  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"NOTEBOOK_VIA_GATEWAY", "SERVER_VIA_GATEWAY"})
  void binaryBuffersFromTheKernelArriveIntact(Kind kind) throws Exception {
    String commId = "nbg-" + UUID.randomUUID();
    Execution e = run(kind, "from ipykernel.comm import Comm\n"
        + "_big = bytes((i * 131 + 7) % 256 for i in range(70000))\n"
        + "_c = Comm(target_name='nbg_bytes', comm_id='" + commId + "', data={'n': 2},"
        + " buffers=[_big, bytes(range(256))])\n");
    assertEquals("ok", e.replyStatus(), e.toString());
    WireMessage open = e.ofType("comm_open").stream()
        .filter(m -> m.content().path("comm_id").asText().equals(commId)).findFirst()
        .orElseThrow(() -> new AssertionError("no comm_open: " + e));
    byte[] big = new byte[70_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 131 + 7);
    }
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    assertEquals(2, open.buffers().size(), open.toString());
    assertEquals(Base64.getEncoder().encodeToString(big),
        Base64.getEncoder().encodeToString(open.buffers().get(0)), "buffer 0 through " + kind);
    assertEquals(Base64.getEncoder().encodeToString(all),
        Base64.getEncoder().encodeToString(open.buffers().get(1)), "buffer 1 through " + kind);
  }

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"NOTEBOOK_VIA_GATEWAY", "SERVER_VIA_GATEWAY"})
  void printStreamsAndErrorsWithTracebacks(Kind kind) throws Exception {
    Execution printed = run(kind, "import sys\nprint('hello', 6 * 7)\n"
        + "print('to stderr', file=sys.stderr)\n");
    assertEquals("ok", printed.replyStatus(), printed.toString());
    assertEquals("hello 42\n", printed.stream("stdout"));
    assertEquals("to stderr\n", printed.stream("stderr"));

    Execution failed = run(kind, "def nbg_divide(a):\n    return a / 0\nnbg_divide(7)\n");
    assertEquals("error", failed.replyStatus(), failed.toString());
    JsonNode error = failed.error();
    assertEquals("ZeroDivisionError", error.path("ename").asText());
    assertEquals("division by zero", error.path("evalue").asText());
    List<String> frames = new ArrayList<>();
    error.path("traceback").forEach(f -> frames.add(f.asText()));
    assertTrue(frames.size() > 1, "a traceback: " + frames);
    assertTrue(String.join("\n", frames).contains("nbg_divide"), frames.toString());
    JsonNode reply = failed.reply().orElseThrow().content();
    assertEquals("ZeroDivisionError", reply.path("ename").asText(), reply.toString());
  }

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"NOTEBOOK_VIA_GATEWAY", "SERVER_VIA_GATEWAY"})
  void inputIsAnsweredOverTheStdinChannel(Kind kind) throws Exception {
    KernelSocket socket = session(kind).socket();
    Execution e = new Execution(socket.execute(
        "nbg_name = input('Who goes there? ')\nprint('hello ' + nbg_name[::-1])\n"));
    List<String> prompts = new ArrayList<>();
    socket.pump(e, Execution::done, CELL, prompt -> {
      prompts.add(prompt);
      return "draugbn";
    });
    assertEquals(List.of("Who goes there? "), prompts);
    assertEquals("ok", e.replyStatus(), e.toString());
    assertEquals("hello nbguard\n", e.stream("stdout"));
  }

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"NOTEBOOK_VIA_GATEWAY", "SERVER_VIA_GATEWAY"})
  void aSecondTabOnTheSameKernelSeesTheOutputButNotTheReply(Kind kind) throws Exception {
    Session s = session(kind);
    try (KernelSocket other = KernelSocket.connect(sid -> s.server().channels(s.kernelId(), sid),
        WireFormat.LEGACY)) {
      other.awaitReady(Duration.ofSeconds(3), 10);
      Execution ran = s.socket().run("print('seen by both tabs')", CELL);
      assertEquals("seen by both tabs\n", ran.stream("stdout"), ran.toString());
      Execution seen = new Execution(ran.msgId());
      other.pump(seen, Execution::idle, CELL, p -> "");
      assertEquals("seen by both tabs\n", seen.stream("stdout"), seen.toString());
      assertTrue(seen.reply().isEmpty(), "the other tab got the reply: " + seen);
      // and the other tab can run cells of its own
      assertEquals("ok", other.run("print('mine')", CELL).replyStatus());
    }
    assertEquals("ok", run(kind, "pass").replyStatus(), "the first tab still works");
  }

  /**
   * The way JupyterLab and the notebook UIs start kernels: {@code POST /api/sessions}. Jupyter
   * Server 1.23 then sends the gateway {@code env} = its whole os.environ plus
   * {@code JPY_SESSION_NAME} (SessionManager.get_kernel_env), besides its KERNEL_* variables.
   */
  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"NOTEBOOK_VIA_GATEWAY", "SERVER_VIA_GATEWAY"})
  void notebookSessionsStartKernelsInTheGatewayWithTheServersKernelVariables(Kind kind)
      throws Exception {
    JupyterProcess server = servers.get(kind);
    JsonNode created = server.rest().expect(201, "POST", "/api/sessions", """
        {"path": "nbg-e2e.ipynb", "name": "nbg-e2e.ipynb", "type": "notebook",
         "kernel": {"name": "python3"}}""");
    String sessionId = created.path("id").asText();
    String kernelId = created.path("kernel").path("id").asText();
    JsonNode inGateway = gateway.rest().expect(200, "GET", "/api/kernels/" + kernelId, null);
    assertEquals("python3", inGateway.path("name").asText(), "the gateway runs the kernel");
    try (KernelSocket socket = KernelSocket.connect(sid -> server.channels(kernelId, sid),
        WireFormat.LEGACY)) {
      socket.awaitReady(Duration.ofSeconds(3), 10);
      Execution env = socket.run("import os\nprint(os.environ.get('KERNEL_WORKING_DIR'))\n"
          + "print(os.environ.get('" + JupyterProcess.KERNEL_VARIABLE + "'))", CELL);
      assertEquals(server.home() + "\n" + server.kernelVariableValue() + "\n",
          env.stream("stdout"), env.toString());
    }
    server.rest().expect(204, "DELETE", "/api/sessions/" + sessionId, null);
    assertEquals(404, gateway.rest().call("GET", "/api/kernels/" + kernelId, null).status(),
        "the session's kernel is gone from the gateway");
  }

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"NOTEBOOK_VIA_GATEWAY", "SERVER_VIA_GATEWAY"})
  void interruptThroughRestStopsASleepingCell(Kind kind) throws Exception {
    Session s = session(kind);
    long started = System.nanoTime();
    Execution e = new Execution(s.socket().execute(
        "import time\ntime.sleep(60)\nprint('slept through the interrupt')\n"));
    s.socket().pump(e, Execution::started, CELL, p -> "");
    Thread.sleep(300); // into the sleep
    s.server().rest().expect(204, "POST", "/api/kernels/" + s.kernelId() + "/interrupt", null);
    s.socket().pump(e, Execution::done, Duration.ofSeconds(30), p -> "");
    assertTrue(System.nanoTime() - started < Duration.ofSeconds(45).toNanos(), "interrupted late");
    assertEquals("error", e.replyStatus(), e.toString());
    assertEquals("KeyboardInterrupt", e.error().path("ename").asText());
    assertEquals("", e.stream("stdout"));
    assertEquals("still here\n", run(kind, "print('still here')").stream("stdout"));
  }

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"NOTEBOOK_VIA_GATEWAY", "SERVER_VIA_GATEWAY"})
  void restartThroughRestResetsTheKernelAndExecutionGoesOn(Kind kind) throws Exception {
    Session s = newSession(kind);
    extraSessions.add(s);
    assertEquals("ok", s.socket().run("nbg_state = 41", CELL).replyStatus());
    assertEquals("42\n", s.socket().run("print(nbg_state + 1)", CELL).stream("stdout"));
    String pidBefore = s.socket().run("import os; print(os.getpid())", CELL).stream("stdout");

    s.server().rest().expect(200, "POST", "/api/kernels/" + s.kernelId() + "/restart", null);

    Execution after = s.socket().run("import os\nprint('nbg_state' in globals(), os.getpid())",
        CELL);
    assertEquals("ok", after.replyStatus(), after.toString());
    String[] words = after.stream("stdout").trim().split(" ");
    assertEquals("False", words[0], "state survived the restart: " + after);
    assertNotEquals(pidBefore.trim(), words[1], "a new kernel process");
  }
}
