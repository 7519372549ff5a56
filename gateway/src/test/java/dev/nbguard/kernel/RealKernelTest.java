package dev.nbguard.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nbguard.protocol.Bytes;
import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.JupyterMessage;
import dev.nbguard.protocol.Messages;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** One real ipykernel shared by tests that leave it usable. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RealKernelTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String SESSION = "client-session-1";

  private final Recorder recorder = new Recorder();
  private final Messages messages = new Messages(Clock.systemUTC(), SESSION, "tester");
  private KernelManager manager;
  private String id;

  @BeforeAll
  void startKernel() throws Exception {
    manager = TestKernels.manager("real", TestKernels.options(), recorder);
    KernelModel model = manager.start(TestKernels.PYTHON,
        KernelEnv.of(Map.of("KERNEL_GREETING", "hello from the gateway")))
        .get(40, TimeUnit.SECONDS);
    id = model.id();
    manager.openSession(id, SESSION).get(5, TimeUnit.SECONDS);
  }

  @AfterAll
  void stop() {
    if (manager != null) {
      manager.close();
    }
  }

  private String send(Channel channel, String type, String content) throws Exception {
    JupyterMessage m = messages.create(channel, type, Bytes.utf8(content), Optional.empty());
    manager.send(id, SESSION, channel, m).get(5, TimeUnit.SECONDS);
    return m.msgId();
  }

  private String execute(String code) throws Exception {
    String content = Recorder.JSON.createObjectNode()
        .put("code", code).put("silent", false).put("store_history", false)
        .put("allow_stdin", true).put("stop_on_error", true)
        .set("user_expressions", Recorder.JSON.createObjectNode()).toString();
    return send(Channel.SHELL, "execute_request", content);
  }

  private Recorder.Received reply(String requestId) {
    return recorder.await(r -> r.channel() != Channel.IOPUB && r.parentId().equals(requestId)
        && r.type().endsWith("_reply"), WAIT);
  }

  private void awaitIdle(String requestId) {
    recorder.await(r -> r.channel() == Channel.IOPUB && r.parentId().equals(requestId)
        && r.type().equals("status")
        && r.content().path("execution_state").asText().equals("idle"), WAIT);
  }

  private String streamText(String requestId) {
    StringBuilder b = new StringBuilder();
    for (Recorder.Received r : recorder.messages(r -> r.channel() == Channel.IOPUB
        && r.parentId().equals(requestId) && r.type().equals("stream"))) {
      b.append(r.content().path("text").asText());
    }
    return b.toString();
  }

  @Test
  void kernelInfoRoundTripOnAClientSession() throws Exception {
    String req = send(Channel.SHELL, "kernel_info_request", "{}");
    Recorder.Received r = reply(req);
    assertEquals("kernel_info_reply", r.type());
    assertEquals(Channel.SHELL, r.channel());
    assertEquals(Optional.of(SESSION), r.session());
    assertEquals("python", r.content().path("language_info").path("name").asText());
    KernelModel model = manager.get(id).orElseThrow();
    assertEquals(1, model.connections());
    assertEquals(TestKernels.PYTHON, model.name());
  }

  @Test
  void printArrivesOnIopubInProtocolOrder() throws Exception {
    String req = execute("print('hi')");
    awaitIdle(req);
    List<String> types = recorder.messages(r -> r.channel() == Channel.IOPUB
        && r.parentId().equals(req)).stream().map(Recorder.Received::type).toList();
    assertEquals(List.of("status", "execute_input", "stream", "status"), types);
    assertEquals("hi\n", streamText(req));
    assertEquals("ok", reply(req).content().path("status").asText());
  }

  @Test
  void clientKernelVariablesReachTheKernel() throws Exception {
    String req = execute("import os; print(os.environ.get('KERNEL_GREETING'))");
    awaitIdle(req);
    assertEquals("hello from the gateway\n", streamText(req));
  }

  @Test
  void inputRoundTripsOnStdin() throws Exception {
    String req = execute("x = input('name? '); print('got ' + x)");
    Recorder.Received ask = recorder.await(r -> r.channel() == Channel.STDIN
        && r.type().equals("input_request") && r.parentId().equals(req), WAIT);
    assertEquals(Optional.of(SESSION), ask.session());
    assertEquals("name? ", ask.content().path("prompt").asText());
    JupyterMessage answer = messages.create(Channel.STDIN, "input_reply",
        Bytes.utf8("{\"value\":\"nbguard\"}"), Optional.of(ask.message().header()));
    manager.send(id, SESSION, Channel.STDIN, answer).get(5, TimeUnit.SECONDS);
    awaitIdle(req);
    assertEquals("got nbguard\n", streamText(req));
  }

  @Test
  void interruptStopsASleepWithKeyboardInterrupt() throws Exception {
    String req = execute("import time; time.sleep(30)");
    recorder.await(r -> r.channel() == Channel.IOPUB && r.parentId().equals(req)
        && r.type().equals("execute_input"), WAIT);
    Recorder.waitUntil(() -> manager.get(id).orElseThrow().executionState()
        == ExecutionState.BUSY, WAIT, "kernel busy");
    Thread.sleep(300); // let the kernel enter time.sleep
    manager.interrupt(id).get(10, TimeUnit.SECONDS);
    JsonNode content = reply(req).content();
    assertEquals("error", content.path("status").asText());
    assertEquals("KeyboardInterrupt", content.path("ename").asText());
    awaitIdle(req);
    Recorder.waitUntil(() -> manager.get(id).orElseThrow().executionState()
        == ExecutionState.IDLE, WAIT, "kernel idle again");
  }

  @Test
  void tenThousandPrintsArriveCompleteAndInOrder() throws Exception {
    String req = execute("for i in range(10000):\n    print(i)");
    awaitIdle(req);
    String[] lines = streamText(req).split("\n");
    assertEquals(10_000, lines.length);
    for (int i = 0; i < lines.length; i++) {
      assertEquals(Integer.toString(i), lines[i], "line " + i);
    }
  }

  @Test
  void lastActivityAdvancesWithTraffic() throws Exception {
    KernelModel before = manager.get(id).orElseThrow();
    Thread.sleep(5);
    String req = execute("1");
    awaitIdle(req);
    KernelModel after = manager.get(id).orElseThrow();
    assertTrue(after.lastActivity().isAfter(before.lastActivity()));
    assertTrue(after.lastActivityText().matches(
        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"), after.lastActivityText());
  }
}
