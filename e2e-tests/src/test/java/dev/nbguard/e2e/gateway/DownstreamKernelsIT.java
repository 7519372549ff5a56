package dev.nbguard.e2e.gateway;

import static dev.nbguard.e2e.gateway.Downstream.CELL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nbguard.e2e.gateway.Downstream.Session;
import dev.nbguard.e2e.gateway.JupyterProcess.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Working with kernels in gateway mode, end to end, through Debian's classic Notebook 6.4.12 and
 * Jupyter Server 1.23.3 in front of a real {@code nbguard gateway} process: streams, errors,
 * {@code input()}, a second tab, notebook sessions, interrupt and restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class DownstreamKernelsIT {
  private Downstream fx;

  @BeforeAll
  void start() throws Exception {
    fx = Downstream.start("downstream-kernels");
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

  private Session session(Kind kind) throws Exception {
    return fx.session(kind);
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
    JupyterProcess server = fx.server(kind);
    JsonNode created = server.rest().expect(201, "POST", "/api/sessions", """
        {"path": "nbg-e2e.ipynb", "name": "nbg-e2e.ipynb", "type": "notebook",
         "kernel": {"name": "python3"}}""");
    String sessionId = created.path("id").asText();
    String kernelId = created.path("kernel").path("id").asText();
    JsonNode inGateway = fx.gateway().rest().expect(200, "GET", "/api/kernels/" + kernelId, null);
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
    assertEquals(404, fx.gateway().rest().call("GET", "/api/kernels/" + kernelId, null).status(),
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
    Session s = fx.newSession(kind);
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
