package dev.nbguard.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nbguard.protocol.Channel;
import dev.nbguard.sanitizer.Action;
import dev.nbguard.sanitizer.Finding;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.Preset;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesAuditLogTest {
  private static final Instant T = Instant.parse("2026-11-25T22:00:00Z");

  @Test
  void writesOneJsonObjectPerFindingWithKernelAndMessageIds() throws Exception {
    StringWriter out = new StringWriter();
    JsonLinesAuditLog log = new JsonLinesAuditLog(out, msg -> { });
    MessageFilter filter = new MessageFilter(OutputPolicy.preset(Preset.DEFAULT), log,
        ClientMessagePolicy.DEFAULT, Clock.fixed(T, ZoneOffset.UTC));
    var msg = Captured.find("markdown-attack", "display_data");
    var r = filter.toClient("kernel-7", msg);
    String[] lines = out.toString().split("\n");
    assertEquals(r.findings().size(), lines.length);
    JsonNode first = Captured.JSON.readTree(lines[0]);
    assertEquals("2026-11-25T22:00:00Z", first.get("time").asText());
    assertEquals("kernel-7", first.get("kernel").asText());
    assertEquals(msg.msgId(), first.get("msg_id").asText());
    assertEquals("display_data", first.get("msg_type").asText());
    assertEquals("text/markdown", first.get("mime").asText());
    assertEquals("sanitize", first.get("action").asText());
    assertEquals(r.findings().get(0).rule(), first.get("rule").asText());
    assertTrue(first.has("excerpt"));
    assertEquals(lines.length, log.written());
  }

  @Test
  void countsWriteErrorsAndReportsOnlyTheFirst() {
    List<String> reported = new ArrayList<>();
    Writer broken = new Writer() {
      @Override public void write(char[] b, int off, int len) throws IOException {
        throw new IOException("no space left");
      }
      @Override public void flush() { }
      @Override public void close() { }
    };
    JsonLinesAuditLog log = new JsonLinesAuditLog(broken, reported::add);
    AuditEntry e = new AuditEntry(T, "k", "m", "display_data",
        new Finding("text/html", Action.SANITIZE, "html.x", "<b>"));
    log.record(e);
    log.record(e);
    log.record(e);
    assertEquals(3, log.errors());
    assertEquals(1, reported.size());
    assertTrue(reported.get(0).contains("no space left"));
  }

  @Test
  void appendsToAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("audit.jsonl");
    AuditEntry e = new AuditEntry(T, "k", "m\n\"x", "display_data",
        new Finding("text/html", Action.DROP, "policy.drop", "</script>\n"));
    try (JsonLinesAuditLog log = JsonLinesAuditLog.append(file)) {
      log.record(e);
    }
    try (JsonLinesAuditLog log = JsonLinesAuditLog.append(file)) {
      log.record(e);
    }
    List<String> lines = Files.readAllLines(file);
    assertEquals(2, lines.size());
    assertEquals("m\n\"x", Captured.JSON.readTree(lines.get(1)).get("msg_id").asText());
  }

  @Test
  void inMemoryLogIsBounded() {
    InMemoryAuditLog log = new InMemoryAuditLog(1);
    AuditEntry e = new AuditEntry(T, "k", "m", "t",
        new Finding("text/html", Action.DROP, "r", ""));
    log.record(e);
    log.record(e);
    assertEquals(1, log.entries().size());
    assertEquals(1, log.discarded());
  }
}
