package dev.nbguard.proxy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Jupyter Server 1.23 on a free loopback port with a known token, serving a fresh
 * directory under target/, with its own HOME and Jupyter directories.
 */
final class JupyterFixture implements AutoCloseable {

  static final String JUPYTER = "/usr/bin/jupyter";
  static final String TOKEN = "proxy-test-token-0123456789";

  final Path root;
  final Path log;
  final int port;
  private final Process process;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  static boolean available() {
    return Files.isExecutable(Path.of(JUPYTER));
  }

  JupyterFixture(String tag) throws Exception {
    Path base = Path.of("target", "proxy-test-" + tag).toAbsolutePath();
    deleteTree(base);
    root = Files.createDirectories(base.resolve("root"));
    Path home = Files.createDirectories(base.resolve("home"));
    log = base.resolve("jupyter-server.log");
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ProcessBuilder pb = new ProcessBuilder(List.of(JUPYTER, "server", "--allow-root",
        "--no-browser", "--ip=127.0.0.1", "--port=" + port, "--ServerApp.port_retries=0",
        "--ServerApp.token=" + TOKEN, "--ServerApp.root_dir=" + root))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("HOME", home.toString());
    pb.environment().put("JUPYTER_RUNTIME_DIR", home.resolve("runtime").toString());
    pb.environment().put("JUPYTER_CONFIG_DIR", home.resolve("config").toString());
    pb.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
    pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    process = pb.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(origin() + "/api"))
            .header("Authorization", "token " + TOKEN).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not up yet
      }
      if (System.nanoTime() > deadline || !process.isAlive()) {
        close();
        throw new AssertionError("Jupyter Server did not start; see " + log);
      }
      Thread.sleep(200);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  String origin() {
    return "http://127.0.0.1:" + port;
  }

  Upstream upstream() {
    return new Upstream(false, "127.0.0.1", port);
  }

  @Override
  public void close() throws Exception {
    List<ProcessHandle> tree = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    tree.forEach(ProcessHandle::destroyForcibly);
  }
}
