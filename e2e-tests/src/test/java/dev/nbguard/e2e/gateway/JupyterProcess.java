package dev.nbguard.e2e.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Debian's Jupyter Server or classic Notebook as a real process on a free loopback port. */
final class JupyterProcess implements AutoCloseable {

  /** Which server, and whether its kernels live behind the nbguard gateway. */
  enum Kind {
    /** Notebook 6.4.12 with {@code --gateway-url} and {@code --GatewayClient.auth_token}. */
    NOTEBOOK_VIA_GATEWAY("Notebook 6.4 via nbguard"),
    /** Jupyter Server 1.23.3 with nbguard's jupyter-config/gateway/jupyter_server_config.py. */
    SERVER_VIA_GATEWAY("Jupyter Server 1.23 via nbguard"),
    /** Jupyter Server 1.23.3 running its own kernels: the control, nothing sanitized. */
    SERVER_DIRECT("Jupyter Server 1.23 direct");

    final String label;

    Kind(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  private final Kind kind;
  private final ServiceProcess process;
  private final int port;
  private final String token;
  private final Path home;

  private JupyterProcess(Kind kind, ServiceProcess process, int port, String token, Path home) {
    this.kind = kind;
    this.process = process;
    this.port = port;
    this.token = token;
    this.home = home;
  }

  /** The value of {@link #KERNEL_VARIABLE} in this server's environment. */
  static final String KERNEL_VARIABLE = "KERNEL_NBG_E2E";

  /** Launches the server (not waiting for it: see {@link #awaitUp}). */
  static JupyterProcess launch(Kind kind, Path dir, Optional<GatewayProcess> gateway)
      throws IOException {
    String name = kind.name().toLowerCase(java.util.Locale.ROOT);
    String token = "downstream-" + name + "-token";
    int port = freePort();
    Path home = Files.createDirectories(dir.resolve(name));
    List<String> cmd = new ArrayList<>();
    Map<String, String> env = new HashMap<>(GatewaySettings.kernelEnv(home));
    env.put("HOME", home.toString());
    env.put("JUPYTER_RUNTIME_DIR", home.resolve("runtime").toString());
    env.put("JUPYTER_CONFIG_DIR", home.resolve("config").toString());
    // servers in gateway mode forward KERNEL_* variables to the gateway's kernel start
    env.put(KERNEL_VARIABLE, "from " + name);
    cmd.add(GatewaySettings.JUPYTER);
    if (kind == Kind.NOTEBOOK_VIA_GATEWAY) {
      GatewayProcess gw = gateway.orElseThrow();
      cmd.addAll(List.of("notebook", "--NotebookApp.token=" + token,
          "--NotebookApp.notebook_dir=" + home, "--NotebookApp.port_retries=0",
          "--gateway-url=" + gw.baseUrl(), "--GatewayClient.auth_token=" + gw.token(),
          "--GatewayClient.request_timeout=60", "--GatewayClient.connect_timeout=60"));
    } else {
      cmd.addAll(List.of("server", "--ServerApp.token=" + token, "--ServerApp.root_dir=" + home,
          "--ServerApp.port_retries=0"));
      if (kind == Kind.SERVER_VIA_GATEWAY) {
        cmd.add("--config=" + GatewaySettings.jupyterServerConfig());
        env.putAll(gateway.orElseThrow().environmentForDownstream());
      }
    }
    cmd.addAll(List.of("--allow-root", "--no-browser", "--ip=127.0.0.1", "--port=" + port));
    ServiceProcess p = ServiceProcess.start(kind.label, cmd, env, dir.resolve(name + ".log"));
    return new JupyterProcess(kind, p, port, token, home);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Waits until GET /api answers; fails with the server's log if it does not. */
  JupyterProcess awaitUp(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Rest rest = rest();
    while (!rest.up()) {
      process.checkAlive();
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(kind.label + " did not answer within " + timeout + "; "
            + process.log() + " ends with:\n" + process.logTail(30));
      }
      Thread.sleep(200);
    }
    return this;
  }

  Kind kind() {
    return kind;
  }

  /** The server's root (notebook) directory. */
  Path home() {
    return home;
  }

  String kernelVariableValue() {
    return "from " + kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  Rest rest() {
    return new Rest(URI.create("http://127.0.0.1:" + port), token);
  }

  URI channels(String kernelId, String sessionId) {
    return URI.create("ws://127.0.0.1:" + port + "/api/kernels/" + kernelId
        + "/channels?session_id=" + sessionId + "&token=" + token);
  }

  String logTail(int lines) {
    return process.logTail(lines);
  }

  @Override
  public void close() {
    process.stop(Duration.ofSeconds(10));
  }
}
