package dev.nbguard.cli;

import dev.nbguard.filter.AuditLog;
import dev.nbguard.filter.JsonLinesAuditLog;
import dev.nbguard.filter.MessageFilter;
import dev.nbguard.kernel.ConnectionFiles;
import dev.nbguard.kernel.KernelManager;
import dev.nbguard.kernel.KernelSpecs;
import dev.nbguard.kernel.ManagerOptions;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.PolicyFiles;
import dev.nbguard.server.GatewayConfig;
import dev.nbguard.server.GatewayVerticle;
import dev.nbguard.server.KernelEventBridge;
import dev.nbguard.server.MessageFilterAdapter;
import dev.nbguard.server.OutputFilter;
import io.vertx.core.Vertx;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nbguard gateway}: the Kernel Gateway–compatible server for Jupyter Server. */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Serves the Jupyter Kernel Gateway REST and WebSocket API: start Jupyter Server with"
          + " --gateway-url=http://HOST:PORT --GatewayClient.auth_token=TOKEN. nbguard launches"
          + " the kernels and rewrites every output they send under the output policy.",
      "%nEach option falls back to its NBGUARD_* environment variable, then to the default."
          + " Without a token one is generated and printed. A non-loopback --ip needs a token."
          + " SIGTERM or Ctrl-C shuts every kernel down, then the server."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped", ExitCodes.LIST_USAGE, ExitCodes.LIST_INTERNAL})
final class GatewayCommand implements Callable<Integer> {

  private final Io io;

  @Option(names = "--ip", paramLabel = "ADDRESS",
      description = "Address to listen on ($NBGUARD_IP, default 127.0.0.1).")
  String ip;

  @Option(names = "--port", paramLabel = "PORT",
      description = "Port to listen on, 0 for any free one ($NBGUARD_PORT, default 8889).")
  Integer port;

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "API token clients must send as 'Authorization: token TOKEN' or ?token="
          + " ($NBGUARD_TOKEN; default: a generated one). An empty token disables"
          + " authentication (loopback only).")
  String token;

  @Option(names = "--allow-origin", paramLabel = "ORIGIN",
      description = "A browser origin allowed to open kernel WebSockets besides the server's own"
          + " host; repeatable; * allows any ($NBGUARD_ALLOW_ORIGIN, comma-separated).")
  List<String> allowOrigins = new ArrayList<>();

  @Option(names = "--max-kernels", paramLabel = "N",
      description = "Most kernels at once; more are refused with 503 ($NBGUARD_MAX_KERNELS,"
          + " default 16).")
  Integer maxKernels;

  @Option(names = "--policy", paramLabel = "PRESET|FILE",
      description = "Output policy: strict, default, permissive, or a YAML/JSON policy file"
          + " ($NBGUARD_POLICY, default: default).")
  String policy;

  @Option(names = "--default-kernel", paramLabel = "NAME",
      description = "Kernelspec started when a request names none ($NBGUARD_DEFAULT_KERNEL,"
          + " default python3).")
  String defaultKernel;

  @Option(names = "--runtime-dir", paramLabel = "DIR",
      description = "Directory for connection files and kernel logs, made private (0700)"
          + " ($NBGUARD_RUNTIME_DIR; default: a new temporary directory).")
  Path runtimeDir;

  @Option(names = "--audit-log", paramLabel = "FILE",
      description = "Append every finding (kernel, message id, MIME type, action, rule) to FILE,"
          + " one JSON object per line ($NBGUARD_AUDIT_LOG; default: not recorded).")
  Path auditLog;

  GatewayCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    GatewayConfig config;
    OutputPolicy outputPolicy;
    try {
      config = GatewayConfig.resolve(new GatewayConfig.Given(Optional.ofNullable(ip),
          Optional.ofNullable(port), Optional.ofNullable(token), allowOrigins,
          Optional.ofNullable(maxKernels), Optional.ofNullable(policy),
          Optional.ofNullable(defaultKernel), Optional.ofNullable(runtimeDir),
          Optional.ofNullable(auditLog)), System.getenv());
      outputPolicy = OutputPolicy.of(PolicyFiles.resolve(config.policy()));
    } catch (IllegalArgumentException e) {
      io.error(e.getMessage());
      return ExitCodes.USAGE;
    }
    AuditLog audit;
    try {
      audit = config.auditLog().isPresent()
          ? JsonLinesAuditLog.append(config.auditLog().get()) : AuditLog.NO_AUDIT;
    } catch (IOException e) {
      io.error("cannot open the audit log " + config.auditLog().get() + ": " + e.getMessage());
      return ExitCodes.USAGE;
    }
    Optional<Path> tempDir = config.runtimeDir().isPresent() ? Optional.empty()
        : Optional.of(Files.createTempDirectory("nbguard-gateway-"));
    Path dir = config.runtimeDir().orElseGet(tempDir::orElseThrow);
    KernelEventBridge bridge = new KernelEventBridge();
    KernelManager manager = new KernelManager(
        ManagerOptions.defaults().withMaxKernels(config.maxKernels()),
        KernelSpecs.fromEnvironment(), new ConnectionFiles(dir, "127.0.0.1"), bridge, bridge,
        Clock.systemUTC());
    Vertx vertx = Vertx.vertx();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stop(vertx, manager);
      if (audit instanceof Closeable c) {
        closeQuietly(c);
      }
      tempDir.ifPresent(GatewayCommand::deleteIfEmpty);
      stopped.countDown();
    }, "nbguard-gateway-stop"));
    OutputFilter filter = new MessageFilterAdapter(new MessageFilter(outputPolicy, audit));
    GatewayVerticle verticle = new GatewayVerticle(config, manager, bridge, filter,
        Version.version());
    try {
      vertx.deployVerticle(verticle).await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      io.error("cannot start the gateway on " + config.ip() + ":" + config.port() + ": "
          + e.getMessage());
      return ExitCodes.USAGE; // the shutdown hook stops the manager and Vert.x
    }
    String url = "http://" + hostForUrl(config.ip()) + ":" + verticle.actualPort() + "/";
    String tokenNote = !config.authEnabled() ? "no token: authentication disabled"
        : config.tokenGenerated() ? "token " + config.token() : "token from configuration";
    io.out().println("nbguard gateway: listening on " + url + " (" + tokenNote + ")");
    io.out().flush();
    stopped.await();
    return ExitCodes.OK;
  }

  private static String hostForUrl(String ip) {
    return ip.contains(":") && !ip.startsWith("[") ? "[" + ip + "]" : ip;
  }

  private static void deleteIfEmpty(Path dir) {
    try {
      Files.deleteIfExists(dir); // fails, harmlessly, if a kernel log is left
    } catch (java.io.IOException e) {
      // keep it
    }
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      // stopping anyway
    }
  }

  private static void stop(Vertx vertx, KernelManager manager) {
    try {
      manager.close(); // every kernel: shutdown_request, SIGTERM, SIGKILL
    } finally {
      try {
        vertx.close().await(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        // stopping anyway
      }
    }
  }
}
