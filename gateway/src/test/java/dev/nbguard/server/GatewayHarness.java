package dev.nbguard.server;

import dev.nbguard.filter.AuditLog;
import dev.nbguard.filter.MessageFilter;
import dev.nbguard.kernel.ConnectionFiles;
import dev.nbguard.kernel.HubOptions;
import dev.nbguard.kernel.KernelManager;
import dev.nbguard.kernel.KernelSpecs;
import dev.nbguard.kernel.ManagerOptions;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.PolicyFiles;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A gateway (real MessageFilter, default policy) on port 0 over a real ipykernel kernelspec
 * under target/, and an HTTP client.
 */
final class GatewayHarness implements AutoCloseable {

  static final String KERNEL = "py3test";
  static final String TOKEN = "test-token-0123456789";

  final Vertx vertx;
  final KernelManager manager;
  final GatewayVerticle verticle;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final Path dataDir;

  GatewayHarness(String tag) throws Exception {
    dataDir = Path.of("target", "server-test-" + tag).toAbsolutePath();
    Path py = Files.createDirectories(dataDir.resolve("kernels").resolve(KERNEL));
    Files.writeString(py.resolve("kernel.json"), """
        {"argv": ["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
         "display_name": "Python 3 (test)", "language": "python",
         "env": {"PYDEVD_DISABLE_FILE_VALIDATION": "1"}, "metadata": {"debugger": false}}
        """);
    Files.write(py.resolve("logo-64x64.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("PYTHONDONTWRITEBYTECODE", "1");
    ManagerOptions options = ManagerOptions.defaults().withBaseEnvironment(env)
        .withMaxKernels(4)
        .withStopWait(Duration.ofSeconds(3))
        .withHub(HubOptions.DEFAULT.withHeartbeat(Duration.ofSeconds(1), Duration.ofSeconds(2), 3));
    KernelEventBridge bridge = new KernelEventBridge();
    manager = new KernelManager(options, new KernelSpecs(List.of(dataDir)),
        new ConnectionFiles(dataDir.resolve("runtime"), "127.0.0.1"), bridge, bridge,
        Clock.systemUTC());
    GatewayConfig config = new GatewayConfig("127.0.0.1", 0, TOKEN, false,
        List.of("http://allowed.example"), 4, "default", KERNEL, java.util.Optional.empty(),
        java.util.Optional.empty());
    vertx = Vertx.vertx();
    OutputFilter filter = new MessageFilterAdapter(new MessageFilter(
        OutputPolicy.of(PolicyFiles.resolve("default")), AuditLog.NO_AUDIT));
    verticle = new GatewayVerticle(config, manager, bridge, filter, "test",
        new ClientLimits(64L << 20, Duration.ofSeconds(1)));
    vertx.deployVerticle(verticle).await(30, TimeUnit.SECONDS);
  }

  int port() {
    return verticle.actualPort();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  HttpResponse<String> send(String method, String path, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** With {@code Authorization: token TOKEN}. */
  HttpResponse<String> authed(String method, String path, String body)
      throws IOException, InterruptedException {
    return send(method, path, body, "Authorization", "token " + TOKEN);
  }

  @Override
  public void close() throws Exception {
    try {
      manager.close();
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
