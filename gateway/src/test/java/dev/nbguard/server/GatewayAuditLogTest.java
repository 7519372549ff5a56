package dev.nbguard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The gateway's findings reach the audit log named in its configuration, one JSON per line. */
@Timeout(90)
class GatewayAuditLogTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void recordsEveryFindingWithKernelAndMessageId() throws Exception {
    Path log = Path.of("target", "audit-test-" + UUID.randomUUID() + ".jsonl").toAbsolutePath();
    String kernel;
    String msgId = UUID.randomUUID().toString();
    try (GatewayHarness gw = new GatewayHarness("audit", java.util.Optional.of(log))) {
      HttpResponse<String> r = gw.authed("POST", "/api/kernels", "{\"name\":\"py3test\"}");
      kernel = JSON.readTree(r.body()).get("id").asText();
      String session = UUID.randomUUID().toString();
      URI uri = URI.create("ws://127.0.0.1:" + gw.port() + "/api/kernels/" + kernel
          + "/channels?session_id=" + session);
      try (WsClient ws = WsClient.connect(gw.http, uri, null,
          "Authorization", "token " + GatewayHarness.TOKEN)) {
        ws.ws.sendText("""
            {"header": {"msg_id": "%s", "username": "t", "session": "%s",
                        "msg_type": "execute_request", "version": "5.3", "date": ""},
             "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
             "content": {"code": "from IPython.display import HTML; HTML('<img src=x onerror=alert(1)>ok')",
                         "silent": false, "store_history": false, "user_expressions": {},
                         "allow_stdin": false, "stop_on_error": true}}
            """.formatted(msgId, session), true).get();
        ws.await(m -> m.string().contains("\"execute_result\"")
            && m.string().contains(msgId), Duration.ofSeconds(30));
      }
    }
    List<String> lines = Files.readAllLines(log);
    assertFalse(lines.isEmpty(), "nothing recorded");
    boolean found = false;
    for (String line : lines) {
      JsonNode f = JSON.readTree(line); // every line is one JSON object
      assertTrue(f.isObject(), line);
      if (kernel.equals(f.path("kernel").asText()) && "text/html".equals(f.path("mime").asText())
          && f.path("msg_type").asText().equals("execute_result")) {
        found = true;
        assertFalse(f.path("msg_id").asText().isEmpty(), line);
        assertFalse(f.path("rule").asText().isEmpty(), line);
      }
    }
    assertTrue(found, "no text/html finding for kernel " + kernel + " in " + lines);
    assertEquals(lines.size(), Files.readAllLines(log).size());
  }
}
