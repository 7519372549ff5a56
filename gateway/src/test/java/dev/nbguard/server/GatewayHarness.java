package dev.nbguard.server;

import dev.nbguard.kernel.HubOptions;
import dev.nbguard.kernel.KernelManager;
import dev.nbguard.kernel.KernelSpecs;
import dev.nbguard.kernel.ManagerOptions;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.PolicyFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A gateway (real MessageFilter, default policy) on port 0 over a real ipykernel kernelspec
 * under target/, and an HTTP client.
 */
final class GatewayHarness implements AutoCloseable {

  static final String KERNEL = "py3test";
  static final String TOKEN = "test-token-0123456789";

  final Gateway gateway;
  final KernelManager manager;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final Path dataDir;

  GatewayHarness(String tag) throws Exception {
    this(tag, java.util.Optional.empty());
  }

  /** With the gateway's findings appended to {@code auditLog} when given. */
  GatewayHarness(String tag, java.util.Optional<Path> auditLog) throws Exception {
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
    GatewayConfig config = new GatewayConfig("127.0.0.1", 0, TOKEN, false,
        List.of("http://allowed.example"), 4, "default", KERNEL,
        java.util.Optional.of(dataDir.resolve("runtime")), auditLog,
        dev.nbguard.kernel.CullingOptions.OFF);
    gateway = Gateway.start(config, OutputPolicy.of(PolicyFiles.resolve("default")),
        new Gateway.Setup(new KernelSpecs(List.of(dataDir)), options,
            new ClientLimits(64L << 20, Duration.ofSeconds(1)), "test"));
    manager = gateway.manager();
  }

  int port() {
    return gateway.port();
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
    gateway.close();
  }
}
