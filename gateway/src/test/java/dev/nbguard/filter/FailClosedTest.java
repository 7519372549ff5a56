package dev.nbguard.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nbguard.protocol.Bytes;
import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.JupyterMessage;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.Preset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Content the filter cannot read never passes raw. */
class FailClosedTest {
  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private final MessageFilter filter =
      new MessageFilter(OutputPolicy.preset(Preset.STRICT), audit);
  private final KernelFilterState kernel = filter.newKernelState("k-f");

  private FilterResult run(String type, String content) {
    return filter.toClient(kernel, Captured.message(Channel.IOPUB, type, content));
  }

  @Test
  void replacesUnreadableDisplayDataWithANotice() {
    FilterResult r = run("display_data", "{\"data\":{\"text/html\":\"<script>alert(1)</script>\"");
    assertFalse(r.dropped());
    String out = r.message().contentBytes().toUtf8String();
    assertFalse(out.contains("script"), out);
    assertTrue(Captured.content(r.message()).at("/data/text~1plain").asText().startsWith("[nbguard]"));
    assertEquals("filter.content.malformed", r.findings().get(0).rule());
    assertEquals(1, audit.entries().size());
  }

  @Test
  void rejectsDuplicateKeysThatABrowserWouldReadDifferently() {
    FilterResult r = run("display_data",
        "{\"data\":{\"text/plain\":\"x\"},\"data\":{\"text/html\":\"<img src=x onerror=alert(1)>\"}}");
    assertFalse(r.message().contentBytes().toUtf8String().contains("onerror"));
    assertEquals("filter.content.malformed", r.findings().get(0).rule());
  }

  @Test
  void rejectsTrailingDataAfterTheContentObject() {
    FilterResult r = run("execute_result",
        "{\"data\":{\"text/plain\":\"1\"},\"metadata\":{},\"execution_count\":1} {\"x\":1}");
    assertEquals("filter.content.malformed", r.findings().get(0).rule());
    assertTrue(Captured.content(r.message()).get("execution_count").isNull());
  }

  @Test
  void answersAnUnreadableReplyWithAnErrorReply() {
    FilterResult r = run("execute_reply", "[\"not an object\"]");
    assertFalse(r.dropped());
    JsonNode c = Captured.content(r.message());
    assertEquals("error", c.get("status").asText());
    assertEquals("nbguard", c.get("ename").asText());
  }

  @Test
  void replacesABundleWhoseDataIsNotAnObject() {
    FilterResult r = run("display_data", "{\"data\":\"<script>alert(1)</script>\",\"metadata\":{}}");
    assertFalse(r.message().contentBytes().toUtf8String().contains("script"));
    assertTrue(r.findings().get(0).rule().startsWith("filter.error."), r.findings().toString());
  }

  @Test
  void dropsUnreadableCommMessagesAndUpdateDisplays() {
    assertTrue(run("comm_open", "{\"target_name\":\"jupyter.widget\",").dropped());
    assertTrue(run("comm_msg", "nope").dropped());
    assertTrue(run("update_display_data", "").dropped());
  }

  @Test
  void dropsAMessageWhoseHeaderCannotBeRead() {
    JupyterMessage bad = JupyterMessage.of(Channel.IOPUB, Bytes.utf8("{\"msg_type\":1}"),
        Bytes.utf8("{}"), Bytes.utf8("{}"), Bytes.utf8("{}"), List.of());
    FilterResult r = filter.toClient(kernel, bad);
    assertTrue(r.dropped());
    assertEquals("filter.header.invalid", r.findings().get(0).rule());
    assertFalse(filter.allowedFromClient(bad, Channel.SHELL));
  }

  @Test
  void keepsGoingWhenTheAuditLogThrows() {
    MessageFilter f = new MessageFilter(OutputPolicy.preset(Preset.STRICT), e -> {
      throw new IllegalStateException("disk full");
    });
    FilterResult r = f.toClient(f.newKernelState("k"), Captured.message(Channel.IOPUB,
        "display_data", "{\"data\":{\"text/html\":\"<script>alert(1)</script>\"},\"metadata\":{}}"));
    assertFalse(r.message().contentBytes().toUtf8String().contains("<script"));
  }
}
