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
import java.util.Base64;
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
 * Outputs in gateway mode, end to end: cells run through Debian's classic Notebook 6.4.12 and
 * Jupyter Server 1.23.3, whose kernels live in a real {@code nbguard gateway} process. Attacks
 * arrive rewritten exactly as nbguard's policy rewrites them in-process, while the same cells on a
 * Jupyter Server without nbguard show the kernel emitted them raw; outputs of real libraries
 * arrive intact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class DownstreamOutputsIT {

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

  private final OutputPolicy policy = OutputPolicy.of(PolicyFiles.resolve("default"));
  private Map<String, CorpusCase> corpus;
  private Downstream fx;

  @BeforeAll
  void start() throws Exception {
    corpus = CorpusReader.readDir(E2eSettings.fromSystemProperties().attacksDir()).stream()
        .collect(Collectors.toMap(CorpusCase::id, Function.identity()));
    fx = Downstream.start("downstream-outputs");
  }

  @AfterAll
  void stop() {
    if (fx != null) {
      fx.close();
    }
  }

  private Execution run(Kind kind, String code) throws Exception {
    return fx.run(kind, code);
  }

  private Downstream.Session session(Kind kind) throws Exception {
    return fx.session(kind);
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
      List<JsonNode> audit = fx.gateway().auditEntries(msgId);
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

}
