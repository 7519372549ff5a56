package dev.nbguard.e2e.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client drops its WebSocket in the middle of a cell and comes back. The cell and the test
 * take turns through flag files, so nothing depends on timing: block A is printed while the
 * client is connected, block B while nobody is, block C after the client is back. With the same
 * session id the client gets B (kept by the gateway) before C, and the execute_reply; a client of
 * a new session starts fresh: C only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class ReconnectIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int BLOCK = 100;

  private Path dir;
  private GatewayProcess gateway;

  @BeforeAll
  void start() throws Exception {
    dir = GatewaySettings.workDir("reconnect");
    gateway = GatewayProcess.start(dir, "reconnect-token-" + UUID.randomUUID());
  }

  @AfterAll
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  private static String cell(Path flags) {
    return """
        import os, time
        def nbg_wait(name):
            path = os.path.join(%s, name)
            for _ in range(1200):
                if os.path.exists(path):
                    return
                time.sleep(0.05)
            raise TimeoutError(name)
        def nbg_block(start):
            for i in range(start, start + %d):
                print(f'line {i:05d}', flush=True)
        nbg_block(0)
        nbg_wait('closed')
        nbg_block(%d)
        open(os.path.join(%s, 'b-printed'), 'w').close()
        nbg_wait('reconnected')
        nbg_block(%d)
        """.formatted(py(flags), BLOCK, BLOCK, py(flags), 2 * BLOCK);
  }

  private static String py(Path p) {
    return "'" + p.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  @ParameterizedTest
  @ValueSource(strings = {"same session", "new session"})
  void outputWhileDisconnectedIsKeptForTheSameSessionOnly(String mode) throws Exception {
    Path flags = Files.createDirectories(dir.resolve(mode.replace(' ', '-')));
    String kernelId = gateway.rest().startKernel("python3");
    try {
      KernelSocket first = KernelSocket.connect(sid -> gateway.channels(kernelId, sid),
          WireFormat.V1);
      Execution before = new Execution(first.execute(cell(flags)));
      first.pump(before, e -> lines(e).size() >= BLOCK, WAIT, p -> "");
      first.close();
      Thread.sleep(300); // let the gateway see the close before block B
      Files.createFile(flags.resolve("closed"));
      awaitFile(flags.resolve("b-printed"));
      Thread.sleep(300); // block B has left the kernel (flushed before the flag file)

      String session = mode.equals("same session") ? first.session() : UUID.randomUUID().toString();
      try (KernelSocket second = KernelSocket.connect(sid -> gateway.channels(kernelId, sid),
          WireFormat.V1, session)) {
        Files.createFile(flags.resolve("reconnected"));
        Execution after = new Execution(before.msgId());
        boolean same = mode.equals("same session");
        second.pump(after, same ? Execution::done : Execution::idle, WAIT, p -> "");

        assertEquals(range(0, BLOCK), lines(before), "block A on the first connection");
        List<String> expected = same ? range(BLOCK, 3 * BLOCK) : range(2 * BLOCK, 3 * BLOCK);
        assertEquals(expected, lines(after), mode + ": lines after reconnecting");
        if (same) {
          assertEquals("ok", after.replyStatus(), "the reply kept for the session: " + after);
        } else {
          assertTrue(after.reply().isEmpty(), "another session's reply: " + after);
        }
      }
    } finally {
      gateway.rest().call("DELETE", "/api/kernels/" + kernelId, null);
    }
    gateway.checkAlive();
  }

  private static void awaitFile(Path file) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!Files.exists(file)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the kernel never wrote " + file);
      }
      Thread.sleep(50);
    }
  }

  private static List<String> lines(Execution e) {
    String out = e.stream("stdout");
    return out.isEmpty() ? List.of() : List.of(out.split("\n"));
  }

  private static List<String> range(int from, int to) {
    List<String> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add("line %05d".formatted(i));
    }
    return out;
  }
}
