package dev.nbguard.e2e.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * A kernel that died (the process exited) is shown as dead; the user then restarts it
 * (JupyterLab: "Restart Kernel", a REST restart). The restart must bring up a working kernel.
 * (Jupyter Server restarts a dead kernel by itself; nbguard leaves that to the user, so this
 * path is the only way back.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class DeadKernelRestartIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private GatewayProcess gateway;

  @BeforeAll
  void start() throws Exception {
    gateway = GatewayProcess.start(GatewaySettings.workDir("dead-restart"),
        "dead-token-" + UUID.randomUUID());
  }

  @AfterAll
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void deadKernelComesBackOnRestart() throws Exception {
    Rest rest = gateway.rest();
    String id = rest.startKernel("python3");
    try (KernelSocket socket = KernelSocket.connect(sid -> gateway.channels(id, sid),
        WireFormat.V1)) {
      assertEquals("ok", socket.run("nbg = 1", WAIT).replyStatus());
      socket.execute("import os\nos._exit(1)");
      List<String> statuses = new ArrayList<>();
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (!statuses.contains("dead") && System.nanoTime() < deadline) {
        socket.drain(Duration.ofMillis(200)).stream()
            .filter(m -> m.is("iopub", "status"))
            .forEach(m -> statuses.add(m.content().path("execution_state").asText()));
      }
      assertEquals("dead", rest.expect(200, "GET", "/api/kernels/" + id, null)
          .path("execution_state").asText(), "statuses seen: " + statuses);

      rest.expect(200, "POST", "/api/kernels/" + id + "/restart", null);
      Execution after = socket.run("print('nbg' in globals())", WAIT);
      assertEquals("False\n", after.stream("stdout"), after.toString());
    } finally {
      rest.call("DELETE", "/api/kernels/" + id, null);
    }
    gateway.checkAlive();
  }
}
