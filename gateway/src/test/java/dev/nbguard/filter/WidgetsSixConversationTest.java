package dev.nbguard.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nbguard.protocol.Bytes;
import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.JupyterMessage;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.Preset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The whole conversation of classic Notebook 6.4.12 with Debian's ipywidgets 6.0 (protocol 1,
 * JS module {@code jupyter-js-widgets}) about an HTML widget, both directions, recorded from the
 * real kernel by {@code src/test/resources/filter/capture_widgets6.py}: the frontend's version
 * check comm ({@code jupyter.widget.version}, opened by the client), the widget's opens, the
 * {@code display} comm message, the widget-view {@code display_data}, a state update, a page
 * reload ({@code comm_info_request}, {@code request_state}). A benign widget must reach the
 * client exactly as the kernel sent it (else the old JavaScript shows no view); hostile HTML in
 * the same shapes is still sanitized.
 */
class WidgetsSixConversationTest {
  private static final Set<String> BENIGN_CASES = Set.of("version-before-import", "import",
      "version-check", "html-benign", "html-update", "reload");

  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private final MessageFilter filter =
      new MessageFilter(OutputPolicy.preset(Preset.DEFAULT), audit);

  private record Recorded(String testCase, boolean fromClient, JupyterMessage message) {}

  private static final List<Recorded> CONVERSATION = load();

  @Test
  void passesEveryKernelMessageOfABenignWidgetUnchanged() {
    KernelFilterState kernel = filter.newKernelState("k-6");
    int seen = 0;
    for (Recorded r : CONVERSATION) {
      if (!r.fromClient() && BENIGN_CASES.contains(r.testCase())) {
        FilterResult out = filter.toClient(kernel, r.message());
        String what = r.testCase() + " " + r.message().msgType();
        assertFalse(out.dropped(), what + " dropped");
        assertSame(r.message(), out.message(), what + " rewritten");
        assertEquals(List.of(), out.findings(), what);
        seen++;
      }
    }
    assertTrue(seen >= 20, "only " + seen + " kernel messages recorded");
    assertEquals(List.of(), audit.entries());
  }

  @Test
  void allowsEveryMessageTheWidgetsExtensionSends() {
    Set<String> types = new java.util.TreeSet<>();
    for (Recorded r : CONVERSATION) {
      if (r.fromClient()) {
        assertTrue(filter.allowedFromClient(r.message(), r.message().channel().orElseThrow()),
            r.testCase() + " " + r.message().msgType());
        types.add(r.message().msgType());
      }
    }
    assertEquals(Set.of("comm_open", "comm_msg", "comm_info_request", "execute_request"), types);
  }

  @Test
  void keepsTheVersionCheckRoundTripAndTheViewPointer() {
    KernelFilterState kernel = filter.newKernelState("k-6");
    JupyterMessage version = kernelMessage("version-check", "comm_msg");
    assertEquals("~2.1.4", Captured.content(filter.toClient(kernel, version).message())
        .at("/data/version").asText());
    JupyterMessage view = kernelMessage("html-benign", "display_data");
    JsonNode pointer = Captured.content(filter.toClient(kernel, view).message())
        .at("/data/application~1vnd.jupyter.widget-view+json");
    assertTrue(pointer.path("model_id").isTextual(), "ipywidgets 6 sends an object: " + pointer);
  }

  @Test
  void pageReloadStateOfAWidgetTheFilterNeverSawIsKeptAsSent() {
    // a fresh gateway, or a proxy started after the widget was created, sees only the replay
    KernelFilterState fresh = filter.newKernelState("k-6-reloaded");
    int seen = 0;
    for (Recorded r : CONVERSATION) {
      if (!r.fromClient() && r.testCase().equals("reload")
          && r.message().msgType().equals("comm_msg")) {
        assertSame(r.message(), filter.toClient(fresh, r.message()).message());
        seen++;
      }
    }
    assertEquals(2, seen, "a LayoutModel and an HTMLModel replayed");
  }

  @Test
  void sanitizesHostileHtmlInTheSameShapesAndKeepsThemRenderable() {
    KernelFilterState kernel = filter.newKernelState("k-6");
    List<JsonNode> opens = new ArrayList<>();
    JsonNode update = null;
    for (Recorded r : CONVERSATION) {
      if (r.fromClient() || !r.testCase().startsWith("html-attack")) {
        continue;
      }
      FilterResult out = filter.toClient(kernel, r.message());
      assertFalse(out.dropped(), r.testCase() + " " + r.message().msgType());
      if (r.message().msgType().equals("comm_open")) {
        opens.add(Captured.content(out.message()));
      } else if (r.message().msgType().equals("comm_msg")
          && Captured.content(r.message()).at("/data/method").asText().equals("update")) {
        update = Captured.content(out.message());
        assertFalse(out.findings().isEmpty());
      }
    }
    JsonNode html = opens.get(1).path("data");
    // protocol 1: the state stays directly in data, as handle_comm_open reads it
    assertEquals("HTMLModel", html.path("_model_name").asText());
    assertEquals("jupyter-js-widgets", html.path("_model_module").asText());
    assertTrue(html.path("value").asText().contains("<span>ipywidget</span>"));
    assertFalse(html.toString().contains("onerror"), html.toString());
    assertFalse(update.toString().contains("<script"), update.toString());
    assertTrue(update.at("/data/state/value").asText().contains("<b>x</b>"));
    assertEquals("[]", update.at("/data/buffers").toString());
  }

  private static JupyterMessage kernelMessage(String testCase, String msgType) {
    return CONVERSATION.stream()
        .filter(r -> !r.fromClient() && r.testCase().equals(testCase)
            && r.message().msgType().equals(msgType))
        .findFirst().orElseThrow().message();
  }

  private static List<Recorded> load() {
    try (InputStream in =
        WidgetsSixConversationTest.class.getResourceAsStream("/filter/widgets6.json")) {
      List<Recorded> out = new ArrayList<>();
      for (JsonNode n : Captured.JSON.readTree(in)) {
        List<Bytes> buffers = new ArrayList<>();
        n.get("buffers_b64").forEach(b -> buffers.add(
            Bytes.wrap(Base64.getDecoder().decode(b.asText()))));
        out.add(new Recorded(n.get("case").asText(), n.get("direction").asText().equals("client"),
            JupyterMessage.of(Channel.fromWireName(n.get("channel").asText()),
                Bytes.utf8(n.get("header").asText()), Bytes.utf8(n.get("parent_header").asText()),
                Bytes.utf8(n.get("metadata").asText()), Bytes.utf8(n.get("content").asText()),
                buffers)));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
