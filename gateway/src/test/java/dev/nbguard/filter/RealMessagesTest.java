package dev.nbguard.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nbguard.protocol.Bytes;
import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.JupyterMessage;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.Preset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The filter on messages recorded from a real ipykernel 6.17 (see {@link Captured}). */
class RealMessagesTest {
  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private final MessageFilter filter =
      new MessageFilter(OutputPolicy.preset(Preset.DEFAULT), audit);
  private final KernelFilterState kernel = filter.newKernelState("k-1");

  private FilterResult run(JupyterMessage m) {
    return filter.toClient(kernel, m);
  }

  /** Rewritten, not dropped, and only the content part differs (byte-identical other parts). */
  private static JsonNode rewrittenContent(JupyterMessage in, FilterResult r) {
    assertFalse(r.dropped(), "dropped");
    assertFalse(r.findings().isEmpty(), "no findings");
    JupyterMessage out = r.message();
    assertNotSame(in, out);
    assertEquals(in.headerBytes(), out.headerBytes());
    assertEquals(in.parentHeaderBytes(), out.parentHeaderBytes());
    assertEquals(in.metadataBytes(), out.metadataBytes());
    assertEquals(in.buffers(), out.buffers());
    assertFalse(in.contentBytes().equals(out.contentBytes()));
    assertTrue(out.signature().isEmpty(), "a rewritten message must be signed again");
    return Captured.content(out);
  }

  private static void assertNoScript(JsonNode content) {
    String s = content.toString();
    for (String bad : new String[] {"onerror=alert", "onload=alert", "<script", "javascript:"}) {
      assertFalse(s.contains(bad), bad + " left in " + s);
    }
  }

  @Test
  void passesMessagesWithoutBundlesAsTheSameInstance() {
    Set<String> inert = Set.of("status", "stream", "execute_input", "error", "clear_output");
    int seen = 0;
    for (Captured c : Captured.all()) {
      if (inert.contains(c.message().msgType())) {
        FilterResult r = run(c.message());
        assertSame(c.message(), r.message(), c.testCase() + " " + c.message().msgType());
        assertTrue(r.findings().isEmpty());
        assertFalse(r.dropped());
        seen++;
      }
    }
    assertTrue(seen > 40, "only " + seen + " inert messages recorded");
  }

  @Test
  void rewritesHtmlWithEventHandlerInDisplayData() {
    JupyterMessage in = Captured.find("html-attack", "display_data");
    FilterResult r = run(in);
    JsonNode content = rewrittenContent(in, r);
    assertNoScript(content);
    assertEquals("<IPython.core.display.HTML object>", content.at("/data/text~1plain").asText());
    assertTrue(content.has("transient"));
  }

  @Test
  void rewritesMarkdownWithJavascriptLinkAndHandler() {
    JupyterMessage in = Captured.find("markdown-attack", "display_data");
    assertNoScript(rewrittenContent(in, run(in)));
  }

  @Test
  void rewritesExecuteResultAndKeepsExecutionCount() {
    JupyterMessage in = Captured.find("execute-result-attack", "execute_result");
    JsonNode content = rewrittenContent(in, run(in));
    assertNoScript(content);
    assertEquals(4, content.get("execution_count").asInt());
  }

  @Test
  void passesBenignHtmlAsTheSameInstanceWithItsBytes() {
    JupyterMessage in = Captured.find("html-benign", "display_data");
    FilterResult r = run(in);
    assertSame(in, r.message());
    assertTrue(r.findings().isEmpty());
    assertTrue(audit.entries().isEmpty());
  }

  @Test
  void passesPlainExecuteResultAsTheSameInstance() {
    JupyterMessage in = Captured.find("stream-and-result", "execute_result");
    assertSame(in, run(in).message());
  }

  @Test
  void rewritesUpdateDisplayDataAndKeepsDisplayId() {
    JupyterMessage in = Captured.find("update-display", "update_display_data");
    JsonNode content = rewrittenContent(in, run(in));
    assertNoScript(content);
    assertEquals(32, content.at("/transient/display_id").asText().length());
  }

  @Test
  void rewritesPagerPayloadOfExecuteReply() {
    JupyterMessage in = Captured.find("pager", "execute_reply");
    JsonNode content = rewrittenContent(in, run(in));
    assertNoScript(content);
    assertEquals("page", content.at("/payload/0/source").asText());
    assertEquals("paged", content.at("/payload/0/data/text~1plain").asText());
    assertEquals(7, content.get("execution_count").asInt());
  }

  @Test
  void keepsSetNextInputPayloadUntouched() {
    JupyterMessage in = Captured.find("set-next-input", "execute_reply");
    assertSame(in, run(in).message());
  }

  @Test
  void rewritesUserExpressionBundlesAndKeepsTheOthers() {
    JupyterMessage in = Captured.find("user-expressions", "execute_reply");
    JsonNode content = rewrittenContent(in, run(in));
    assertNoScript(content);
    assertEquals("2", content.at("/user_expressions/n/data/text~1plain").asText());
  }

  @Test
  void passesErrorReplyAndInspectReplyWithoutMarkup() {
    JupyterMessage error = Captured.find("error", "execute_reply");
    assertSame(error, run(error).message());
    JupyterMessage inspect = Captured.find("inspect", "inspect_reply");
    assertSame(inspect, run(inspect).message());
  }

  @Test
  void passesRealKernelInfoReplyWithItsHttpsHelpLinks() {
    JupyterMessage in = Captured.find("kernel-info", "kernel_info_reply");
    assertTrue(Captured.content(in).get("help_links").size() > 3);
    assertSame(in, run(in).message());
  }

  @Test
  void sanitizesIpywidgets6HtmlModelOpenAndItsLaterUpdate() {
    JupyterMessage layout = Captured.findAll("widget-open", "comm_open").get(0);
    JupyterMessage html = Captured.findAll("widget-open", "comm_open").get(1);
    assertSame(layout, run(layout).message(), "a layout model carries nothing to rewrite");
    JsonNode opened = rewrittenContent(html, run(html));
    assertNoScript(opened);
    assertEquals("HTMLModel", opened.at("/data/_model_name").asText());
    assertEquals("jupyter.widget", opened.get("target_name").asText());

    JupyterMessage display = Captured.find("widget-open", "comm_msg");
    assertSame(display, run(display).message(), "method display carries no state");

    JupyterMessage update = Captured.find("widget-update", "comm_msg");
    JsonNode updated = rewrittenContent(update, run(update));
    assertNoScript(updated);
    assertTrue(updated.at("/data/state/value").asText().contains("<i>ok</i>"), updated.toString());
  }

  @Test
  void dropsAWidgetUpdateForACommItNeverSawOpen() {
    JupyterMessage update = Captured.find("widget-update", "comm_msg");
    FilterResult r = filter.toClient(filter.newKernelState("k-2"), update);
    assertTrue(r.dropped());
    assertEquals("widget.comm.unknown", r.findings().get(0).rule());
    assertTrue(r.forward().isEmpty());
  }

  @Test
  void forgetsACommWhenTheKernelClosesIt() {
    for (JupyterMessage m : Captured.findAll("widget-open", "comm_open")) {
      run(m);
    }
    assertEquals(2, kernel.commCount());
    JupyterMessage close = Captured.find("widget-close", "comm_close");
    assertSame(close, run(close).message());
    assertEquals(1, kernel.commCount());
  }

  @Test
  void auditLinesCarryKernelAndMessageIds() {
    JupyterMessage in = Captured.find("html-attack", "display_data");
    FilterResult r = run(in);
    assertEquals(r.findings().size(), audit.entries().size());
    for (AuditEntry e : audit.entries()) {
      assertEquals("k-1", e.kernelId());
      assertEquals(in.msgId(), e.msgId());
      assertEquals("display_data", e.msgType());
    }
    MetricsSnapshot m = filter.metrics();
    assertEquals(1, m.messagesSeen());
    assertEquals(1, m.messagesRewritten());
    assertEquals(0, m.messagesDropped());
    assertEquals(r.findings().size(),
        m.findingsByRule().values().stream().mapToLong(Long::longValue).sum());
  }

  @Test
  void dropsIpywidgets6UpdateBuffersNamedForProtectedFields() {
    JupyterMessage image = Captured.findAll("widget-image", "comm_open").get(1);
    assertSame(image, run(image).message());
    String commId = Captured.content(image).get("comm_id").asText();
    JupyterMessage update = Captured.message(Channel.IOPUB, "comm_msg",
        "{\"comm_id\":\"" + commId + "\",\"data\":{\"method\":\"update\",\"state\":{},"
            + "\"buffers\":[\"value\",\"description\"]}}",
        List.of(Bytes.utf8("png"),
            Bytes.utf8("<script>")));
    FilterResult r = run(update);
    assertFalse(r.dropped());
    assertEquals("[\"value\"]", Captured.content(r.message()).at("/data/buffers").toString());
    assertEquals(List.of(Bytes.utf8("png")), r.message().buffers());
  }

  @Test
  void keepsCommMemoryPerKernelIdUntilTheKernelIsForgotten() {
    JupyterMessage open = Captured.findAll("widget-open", "comm_open").get(1);
    JupyterMessage update = Captured.find("widget-update", "comm_msg");
    filter.toClient("k-9", open);
    assertFalse(filter.toClient("k-9", update).dropped());
    assertTrue(filter.toClient("k-other", update).dropped());
    filter.forgetKernel("k-9");
    assertTrue(filter.toClient("k-9", update).dropped());
  }

  @Test
  void rewritesARealRichInspectVariablesDebugReply() {
    JupyterMessage in = Captured.find("debug-rich", "debug_reply");
    JsonNode content = rewrittenContent(in, run(in));
    assertNoScript(content);
    assertEquals("richInspectVariables", content.get("command").asText());
    assertEquals("<IPython.core.display.HTML object>",
        content.at("/body/data/text~1plain").asText());
  }

  @Test
  void dropsBuffersOfAnIpywidgets6OpenThatCannotSayWhereTheyGo() {
    JupyterMessage image = Captured.findAll("widget-image", "comm_open").get(1);
    FilterResult r = run(image.withBuffers(List.of(Bytes.utf8("<script>"))));
    assertFalse(r.dropped());
    assertTrue(r.message().buffers().isEmpty());
    assertEquals("widget.buffers.unplaced", r.findings().get(0).rule());
  }
}
