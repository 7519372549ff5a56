package dev.nbguard.e2e.gateway;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nbguard.e2e.gateway.JupyterProcess.Kind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A real {@code nbguard gateway} process and Debian's servers in front of it: classic Notebook
 * 6.4.12 and Jupyter Server 1.23.3 in gateway mode, and Jupyter Server with its own kernels as the
 * control (what the kernel really emitted). Kernels are started and driven through the servers.
 */
final class Downstream implements AutoCloseable {
  static final Duration CELL = Duration.ofSeconds(60);
  static final String KERNEL = "python3";

  /** A kernel started through one server, and a channels WebSocket to it through that server. */
  record Session(JupyterProcess server, String kernelId, KernelSocket socket) {}

  private final GatewayProcess gateway;
  private final Map<Kind, JupyterProcess> servers = new EnumMap<>(Kind.class);
  private final Map<Kind, Session> shared = new EnumMap<>(Kind.class);
  private final List<Session> all = new ArrayList<>();

  private Downstream(GatewayProcess gateway) {
    this.gateway = gateway;
  }

  /** Starts the gateway and the three servers, files under target/e2e/{@code name}-…. */
  static Downstream start(String name) throws Exception {
    Path dir = GatewaySettings.workDir(name);
    Downstream d = new Downstream(GatewayProcess.start(dir, "gateway-token-" + UUID.randomUUID()));
    try {
      for (Kind kind : Kind.values()) {
        d.servers.put(kind, JupyterProcess.launch(kind, dir, Optional.of(d.gateway)));
      }
      for (JupyterProcess server : d.servers.values()) {
        server.awaitUp(Duration.ofSeconds(60));
      }
      return d;
    } catch (Exception | AssertionError e) {
      d.close();
      throw e;
    }
  }

  GatewayProcess gateway() {
    return gateway;
  }

  JupyterProcess server(Kind kind) {
    return servers.get(kind);
  }

  /** A new kernel through {@code kind}'s server, connected and answering (stopped on close). */
  Session newSession(Kind kind) throws Exception {
    JupyterProcess server = servers.get(kind);
    JsonNode specs = server.rest().expect(200, "GET", "/api/kernelspecs", null);
    assertTrue(specs.path("kernelspecs").has(KERNEL), kind + " lists no python3 kernel: " + specs);
    String id = server.rest().startKernel(KERNEL);
    KernelSocket socket = KernelSocket.connect(sid -> server.channels(id, sid), WireFormat.LEGACY);
    Session s = new Session(server, id, socket);
    all.add(s);
    socket.awaitReady(Duration.ofSeconds(3), 10);
    return s;
  }

  /** The kernel session the tests on {@code kind} share (made on first use). */
  Session session(Kind kind) throws Exception {
    Session s = shared.get(kind);
    if (s == null) {
      s = newSession(kind);
      shared.put(kind, s);
    }
    return s;
  }

  /** Runs {@code code} in the shared session of {@code kind}; the gateway must survive it. */
  Execution run(Kind kind, String code) throws Exception {
    Execution e = session(kind).socket().run(code, CELL);
    gateway.checkAlive();
    return e;
  }

  @Override
  public void close() {
    for (Session s : all) {
      s.socket().close();
      try {
        s.server().rest().call("DELETE", "/api/kernels/" + s.kernelId(), null);
      } catch (Exception ignored) {
        // the servers stop their kernels (and the gateway its own) below anyway
      }
    }
    // downstream servers first: one whose gateway is gone may hang on shutdown
    servers.values().forEach(JupyterProcess::close);
    gateway.close();
  }
}
