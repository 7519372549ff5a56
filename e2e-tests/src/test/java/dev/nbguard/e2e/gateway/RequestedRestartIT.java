package dev.nbguard.e2e.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nbguard.e2e.gateway.JupyterProcess.Kind;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A restart the client asked for (REST {@code POST /api/kernels/ID/restart}) must not be
 * announced on IOPub as {@code status: restarting}: Jupyter Server sends that only when its
 * restarter brings back a kernel that died, and {@code @jupyterlab/services} reads it as exactly
 * that ("autorestarting": it clears the kernel state and reconnects a second time, racing the
 * reconnect of its own restart; two sockets with one session id then replace each other).
 * Jupyter Server 1.23 running its own kernels is the reference.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class RequestedRestartIT {
  private GatewayProcess gateway;
  private JupyterProcess server;

  @BeforeAll
  void start() throws Exception {
    Path dir = GatewaySettings.workDir("restart");
    gateway = GatewayProcess.start(dir, "restart-token-" + UUID.randomUUID());
    server = JupyterProcess.launch(Kind.SERVER_DIRECT, dir, Optional.empty())
        .awaitUp(Duration.ofSeconds(60));
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
    if (gateway != null) {
      gateway.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"jupyter-server", "nbguard"})
  void requestedRestartIsNotAnnouncedAsAnAutoRestart(String which) throws Exception {
    Rest rest = which.equals("nbguard") ? gateway.rest() : server.rest();
    BiFunction<String, String, URI> channels = which.equals("nbguard")
        ? gateway::channels : server::channels;
    String id = rest.startKernel("python3");
    try (KernelSocket socket = KernelSocket.connect(sid -> channels.apply(id, sid),
        WireFormat.LEGACY)) {
      assertEquals("ok", socket.run("nbg = 1", Duration.ofSeconds(60)).replyStatus());
      socket.drain(Duration.ofMillis(300));

      rest.expect(200, "POST", "/api/kernels/" + id + "/restart", null);
      List<String> statuses = socket.drain(Duration.ofMillis(1000)).stream()
          .filter(m -> m.is("iopub", "status"))
          .map(m -> m.content().path("execution_state").asText())
          .toList();
      assertEquals(List.of(), statuses.stream().filter("restarting"::equals).toList(),
          which + ": statuses after a requested restart " + statuses);
      assertEquals("ok", socket.run("print(1)", Duration.ofSeconds(60)).replyStatus());
    } finally {
      rest.call("DELETE", "/api/kernels/" + id, null);
    }
  }
}
