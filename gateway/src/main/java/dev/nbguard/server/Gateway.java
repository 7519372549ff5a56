package dev.nbguard.server;

import dev.nbguard.filter.AuditLog;
import dev.nbguard.filter.MessageFilter;
import dev.nbguard.kernel.ConnectionFiles;
import dev.nbguard.kernel.KernelManager;
import dev.nbguard.kernel.KernelSpecs;
import dev.nbguard.kernel.ManagerOptions;
import dev.nbguard.sanitizer.OutputPolicy;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A running gateway: the kernel manager, the audit log, Vert.x and the {@link GatewayVerticle},
 * started together and stopped in order by {@link #close()} (kernels first, then the server,
 * then the audit log). {@code nbguard gateway} runs one until it is told to stop; tests and
 * other commands embed one.
 */
public final class Gateway implements AutoCloseable {

  /** What the configuration does not say: kernelspecs, manager tuning, client limits. */
  public record Setup(KernelSpecs specs, ManagerOptions options, ClientLimits limits,
      String version) {

    public Setup {
      Objects.requireNonNull(specs, "specs");
      Objects.requireNonNull(options, "options");
      Objects.requireNonNull(limits, "limits");
      Objects.requireNonNull(version, "version");
    }

    /** Kernelspecs from Jupyter's data directories, defaults otherwise. */
    public static Setup standard(String version) {
      return new Setup(KernelSpecs.fromEnvironment(), ManagerOptions.defaults(),
          ClientLimits.DEFAULT, version);
    }
  }

  private final KernelManager manager;
  private final Vertx vertx;
  private final GatewayVerticle verticle;
  private final AuditLog audit;
  private final Optional<Path> tempDir;

  private Gateway(KernelManager manager, Vertx vertx, GatewayVerticle verticle, AuditLog audit,
      Optional<Path> tempDir) {
    this.manager = manager;
    this.vertx = vertx;
    this.verticle = verticle;
    this.audit = audit;
    this.tempDir = tempDir;
  }

  /**
   * Opens the audit log, starts the kernel manager and the server; on failure stops what was
   * started.
   *
   * @throws IOException when the audit log or the runtime directory cannot be opened
   * @throws Exception when the server cannot listen
   */
  public static Gateway start(GatewayConfig config, OutputPolicy policy, Setup setup)
      throws Exception {
    AuditLog audit = AuditLog.appendingTo(config.auditLog());
    Optional<Path> tempDir = config.runtimeDir().isPresent() ? Optional.empty()
        : Optional.of(Files.createTempDirectory("nbguard-gateway-"));
    Path dir = config.runtimeDir().orElseGet(tempDir::orElseThrow);
    KernelEventBridge bridge = new KernelEventBridge();
    KernelManager manager = new KernelManager(
        setup.options().withMaxKernels(config.maxKernels()).withCulling(config.culling()),
        setup.specs(),
        new ConnectionFiles(dir, "127.0.0.1"), bridge, bridge, Clock.systemUTC());
    Vertx vertx = Vertx.vertx();
    OutputFilter filter = new MessageFilterAdapter(new MessageFilter(policy, audit));
    GatewayVerticle verticle = new GatewayVerticle(config, manager, bridge, filter,
        setup.version(), setup.limits());
    Gateway gateway = new Gateway(manager, vertx, verticle, audit, tempDir);
    try {
      vertx.deployVerticle(verticle).await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      gateway.close();
      throw e;
    }
    return gateway;
  }

  /** The port the server listens on. */
  public int port() {
    return verticle.actualPort();
  }

  public KernelManager manager() {
    return manager;
  }

  /** Shuts every kernel down (shutdown_request, SIGTERM, SIGKILL), then the server. */
  @Override
  public void close() {
    try {
      manager.close();
    } finally {
      try {
        vertx.close().await(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        // stopping anyway
      }
      audit.close();
      tempDir.ifPresent(Gateway::deleteIfEmpty);
    }
  }

  private static void deleteIfEmpty(Path dir) {
    try {
      Files.deleteIfExists(dir); // fails, harmlessly, if a kernel log is left
    } catch (IOException e) {
      // keep it
    }
  }
}
