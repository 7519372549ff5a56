package dev.nbguard.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.protocol.Bytes;
import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.JupyterMessage;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.Preset;
import org.junit.jupiter.api.Test;

/** Replies that carry bundles or links, built from real ones where the kernel has them. */
class RepliesTest {
  private final MessageFilter filter =
      new MessageFilter(OutputPolicy.preset(Preset.DEFAULT), AuditLog.NO_AUDIT);
  private final KernelFilterState kernel = filter.newKernelState("k-r");

  private FilterResult run(JupyterMessage m) {
    return filter.toClient(kernel, m);
  }

  @Test
  void dropsHelpLinksWithScriptSchemesFromARealKernelInfoReply() throws Exception {
    JupyterMessage real = Captured.find("kernel-info", "kernel_info_reply");
    ObjectNode content = (ObjectNode) Captured.content(real);
    int links = content.get("help_links").size();
    content.withArray("help_links").addObject().put("text", "x").put("url", " JaVa\tscript:alert(1)");
    content.withArray("help_links").addObject().put("text", "y").put("url", "data:text/html,<script>");
    JupyterMessage in = real.withContent(Captured.JSON.writeValueAsBytes(content));
    FilterResult r = run(in);
    assertFalse(r.dropped());
    assertEquals(2, r.findings().size());
    JsonNode out = Captured.content(r.message());
    assertEquals(links, out.get("help_links").size());
    assertEquals(content.get("language_info"), out.get("language_info"));
    assertSame(real.headerBytes(), r.message().headerBytes());
  }

  /** Classic Notebook loads {@code codemirror/mode/MODE/MODE} with RequireJS when a kernel connects. */
  @Test
  void removesACodeMirrorModeThatIsAModuleUrlFromARealKernelInfoReply() throws Exception {
    JupyterMessage real = Captured.find("kernel-info", "kernel_info_reply");
    assertSame(real, run(real).message(), "a real reply passes as it is");
    ObjectNode content = (ObjectNode) Captured.content(real);
    ((ObjectNode) content.get("language_info")).put("codemirror_mode", "../../data:,alert(1)%2F%2F");
    FilterResult r = run(real.withContent(Captured.JSON.writeValueAsBytes(content)));
    JsonNode out = Captured.content(r.message());
    assertFalse(out.get("language_info").has("codemirror_mode"), out.toString());
    assertEquals(content.get("language_info").get("name"), out.get("language_info").get("name"));
    assertEquals(content.get("help_links"), out.get("help_links"));
    assertEquals(1, r.findings().size());
  }

  @Test
  void sanitizesRichDataInARealInspectReply() throws Exception {
    JupyterMessage real = Captured.find("inspect", "inspect_reply");
    ObjectNode content = (ObjectNode) Captured.content(real);
    ((ObjectNode) content.get("data")).put("text/html", "<a href=\"javascript:alert(1)\">doc</a>");
    FilterResult r = run(real.withContent(Captured.JSON.writeValueAsBytes(content)));
    JsonNode out = Captured.content(r.message());
    assertFalse(out.toString().contains("javascript:"));
    assertEquals(content.at("/data/text~1plain"), out.at("/data/text~1plain"));
    assertTrue(out.get("found").asBoolean());
  }

  @Test
  void sanitizesRichInspectVariablesInADebugReply() {
    JupyterMessage in = Captured.message(Channel.CONTROL, "debug_reply",
        "{\"type\":\"response\",\"request_seq\":3,\"success\":true,\"command\":\"richInspectVariables\","
            + "\"body\":{\"data\":{\"text/html\":\"<img src=x onerror=alert(1)>\","
            + "\"text/plain\":\"df\"},\"metadata\":{}}}");
    FilterResult r = run(in);
    JsonNode out = Captured.content(r.message());
    assertFalse(out.toString().contains("onerror"));
    assertEquals("richInspectVariables", out.get("command").asText());
    assertEquals("df", out.at("/body/data/text~1plain").asText());
  }

  @Test
  void passesDebugRepliesWithoutRichData() {
    JupyterMessage in = Captured.message(Channel.CONTROL, "debug_reply",
        "{\"type\":\"response\",\"success\":true,\"command\":\"inspectVariables\","
            + "\"body\":{\"variables\":[{\"name\":\"x\",\"value\":\"<script>\"}]}}");
    assertSame(in, run(in).message());
  }

  @Test
  void dropsPayloadsOfUnknownSourcesAndKeepsTheKnownOnes() {
    JupyterMessage in = Captured.message(Channel.SHELL, "execute_reply",
        "{\"status\":\"ok\",\"execution_count\":1,\"user_expressions\":{},\"payload\":["
            + "{\"source\":\"set_next_input\",\"text\":\"print(1)\",\"replace\":false},"
            + "{\"source\":\"x-frontend-eval\",\"code\":\"alert(1)\"},"
            + "{\"source\":\"ask_exit\",\"keepkernel\":false}]}");
    FilterResult r = run(in);
    JsonNode out = Captured.content(r.message());
    assertEquals(2, out.get("payload").size());
    assertEquals("set_next_input", out.at("/payload/0/source").asText());
    assertEquals("ask_exit", out.at("/payload/1/source").asText());
    assertEquals("payload.source.not-allowed", r.findings().get(0).rule());
  }

  @Test
  void passesMessageTypesItDoesNotKnowUntouched() {
    JupyterMessage in = Captured.message(Channel.IOPUB, "x_future_message",
        "{\"data\":{\"text/html\":\"<script>alert(1)</script>\"}}");
    FilterResult r = run(in);
    assertSame(in, r.message());
    assertTrue(r.findings().isEmpty());
  }

  @Test
  void keepsNonAsciiTextAndNumberPrecisionWhenReencoding() {
    JupyterMessage in = Captured.message(Channel.IOPUB, "display_data",
        "{\"data\":{\"text/html\":\"<b onclick=x()>héllo ✓</b>\",\"text/plain\":\"héllo\"},"
            + "\"metadata\":{\"image/png\":{\"width\":1.50}},\"transient\":{}}");
    FilterResult r = run(in);
    String out = r.message().contentBytes().toUtf8String();
    assertTrue(out.contains("héllo ✓"), out);
    assertFalse(out.contains("onclick"), out);
    assertTrue(out.contains("\"width\":1.50"), out);
    assertEquals(Bytes.utf8("{}"), r.message().metadataBytes());
  }
}
