package dev.nbguard.e2e.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Order and completeness through a real gateway: one kernel, three clients with their own
 * session ids (two on the v1 subprotocol, one on legacy JSON); one of them runs a cell that
 * prints 10,000 numbered lines, flushed four at a time (2,500 stream messages), with an HTML
 * display (sanitized on the way) after every 500th, and a 5,000-cell table (~250 KB, above the
 * size the gateway sanitizes off its event loop) after lines 1249, 3749, …. Every client must see
 * every line and every display, in the kernel's order, and only the executing client gets the
 * shell reply.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class MessageOrderIT {
  private static final int LINES = 10_000;
  private static final int EVERY = 500;
  /**
   * Lines per flush: 2,500 stream messages. A kernel that flushes every line can outrun any
   * reader, and ZeroMQ then drops IOPub messages at the kernel's PUB socket (Jupyter Server
   * loses them too); the order test should not depend on the machine's load.
   */
  private static final int FLUSH_EVERY = 4;
  private static final int TABLE_EVERY = 2500;
  private static final int TABLE_AT = 1249;
  private static final int TABLE_CELLS = 5000;
  private static final Duration WAIT = Duration.ofSeconds(90);

  private static final String CELL = """
      from IPython.display import HTML, display
      for i in range(%d):
          print(f'line {i:05d}', flush=(i %% %d == %d))
          if i %% %d == %d:
              display(HTML(f'<b onclick="alert(1)">display {i:05d}</b>'))
          if i %% %d == %d:
              cells = ''.join(f'<tr><td onclick="alert(1)">{i}-{j}</td></tr>' for j in range(%d))
              display(HTML(f'<table>{cells}</table>'))
      """.formatted(LINES, FLUSH_EVERY, FLUSH_EVERY - 1, EVERY, EVERY - 1, TABLE_EVERY, TABLE_AT,
      TABLE_CELLS);

  private GatewayProcess gateway;
  private String kernelId;
  private final List<KernelSocket> clients = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    gateway = GatewayProcess.start(GatewaySettings.workDir("message-order"),
        "order-token-" + UUID.randomUUID());
    kernelId = gateway.rest().startKernel("python3");
    for (WireFormat format : List.of(WireFormat.V1, WireFormat.LEGACY, WireFormat.V1)) {
      clients.add(KernelSocket.connect(sid -> gateway.channels(kernelId, sid), format));
    }
  }

  @AfterAll
  void stop() {
    clients.forEach(KernelSocket::close);
    if (gateway != null) {
      try {
        gateway.rest().call("DELETE", "/api/kernels/" + kernelId, null);
      } catch (Exception ignored) {
        // the gateway stops its kernels when it stops
      }
      gateway.close();
    }
  }

  @Test
  void everyClientSeesEveryLineAndDisplayInOrder() throws Exception {
    assertEquals(List.of("v1.kernel.websocket.jupyter.org", "", "v1.kernel.websocket.jupyter.org"),
        clients.stream().map(KernelSocket::subprotocol).toList(), "negotiated subprotocols");
    // every socket is live and attached before the big cell starts
    for (KernelSocket c : clients) {
      assertEquals("ok", c.run("pass", WAIT).replyStatus());
    }
    KernelSocket executing = clients.get(0);
    Execution ran = new Execution(executing.execute(CELL));
    executing.pump(ran, Execution::done, WAIT, p -> "");
    assertEquals("ok", ran.replyStatus(), ran.toString());
    checkOrder("the executing client", ran);

    for (int i = 1; i < clients.size(); i++) {
      Execution seen = new Execution(ran.msgId());
      clients.get(i).pump(seen, Execution::idle, WAIT, p -> "");
      checkOrder("client " + (i + 1), seen);
      assertTrue(seen.reply().isEmpty(), "client " + (i + 1)
          + " got another session's execute_reply");
    }
    gateway.checkAlive();
  }

  /** A big table as "table N" once it is checked whole and sanitized; other HTML as it is. */
  private static String summary(String who, String html) {
    if (!html.startsWith("<table")) {
      return html;
    }
    java.util.regex.Matcher first = java.util.regex.Pattern.compile("<td>(\\d+)-0</td>")
        .matcher(html);
    assertTrue(first.find(), who + ": a table without its first cell");
    String n = first.group(1);
    assertEquals(TABLE_CELLS, html.split("<td>", -1).length - 1, who + ": cells of table " + n);
    assertTrue(html.contains("<td>" + n + "-" + (TABLE_CELLS - 1) + "</td>"), who + ": last cell");
    assertTrue(!html.contains("onclick"), who + ": table " + n + " not sanitized");
    return "table " + n;
  }

  /** Lines 0..9999 in order, each display right after its line, nothing else in between. */
  private static void checkOrder(String who, Execution e) {
    StringBuilder out = new StringBuilder();
    List<String> displays = new ArrayList<>();
    for (WireMessage m : e.iopub()) {
      switch (m.msgType()) {
        case "stream" -> {
          assertEquals("stdout", m.content().path("name").asText(), who + ": " + m);
          out.append(m.content().path("text").asText());
        }
        case "display_data" -> {
          int linesBefore = (int) out.chars().filter(ch -> ch == '\n').count();
          String html = m.content().path("data").path("text/html").asText();
          displays.add(linesBefore + ":" + summary(who, html));
        }
        case "execute_input" -> assertEquals(0, out.length(), who + ": execute_input late");
        default -> throw new AssertionError(who + ": unexpected " + m);
      }
    }
    // flushed groups travel mostly one per message (thousands of messages, not a few batches;
    // ipykernel merges some when its IO thread lags)
    int streams = e.ofType("stream").size();
    assertTrue(streams >= LINES / FLUSH_EVERY / 4, who + ": only " + streams + " stream messages");
    String[] lines = out.toString().split("\n", -1);
    assertEquals(LINES + 1, lines.length, who + ": line count");
    for (int i = 0; i < LINES; i++) {
      String want = "line %05d".formatted(i);
      if (!want.equals(lines[i])) {
        throw new AssertionError(who + ": line " + i + " is '" + lines[i] + "', not '" + want
            + "'");
      }
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < LINES; i++) {
      if (i % EVERY == EVERY - 1) {
        // the onclick handler is gone: the display went through the policy
        expected.add((i + 1) + ":<b>display %05d</b>".formatted(i));
      }
      if (i % TABLE_EVERY == TABLE_AT) {
        expected.add((i + 1) + ":table " + i);
      }
    }
    assertEquals(expected, displays, who + ": displays (lines before : html)");
  }
}
