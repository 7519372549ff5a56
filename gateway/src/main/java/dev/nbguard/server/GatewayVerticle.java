package dev.nbguard.server;

import dev.nbguard.kernel.KernelManager;
import dev.nbguard.protocol.CodecLimits;
import dev.nbguard.protocol.WsProtocol;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Objects;

/**
 * The Kernel Gateway–compatible HTTP and WebSocket server: token check on every route, the REST
 * API ({@link RestApi}), the kernel channels ({@link ChannelsHandler}), failures answered in one
 * place ({@link ErrorResponses}). Does not own the {@link KernelManager}: whoever built it closes
 * it.
 */
public final class GatewayVerticle extends VerticleBase {

  /** Filter threads: the cores, at most 4 (each kernel's messages still go one at a time). */
  private static final int FILTER_THREADS =
      Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  /** Bytes of one kernel's output that may wait for the filter before its reading pauses. */
  private static final long LANE_HIGH_WATER = 32L << 20;

  private final GatewayConfig config;
  private final KernelManager manager;
  private final KernelEventBridge bridge;
  private final OutputFilter filter;
  private final String version;
  private final ClientLimits clientLimits;
  private volatile int actualPort = -1;
  private ConnectionRegistry registry;
  private FilterStage stage;

  public GatewayVerticle(GatewayConfig config, KernelManager manager, KernelEventBridge bridge,
      OutputFilter filter, String version) {
    this(config, manager, bridge, filter, version, ClientLimits.DEFAULT);
  }

  public GatewayVerticle(GatewayConfig config, KernelManager manager, KernelEventBridge bridge,
      OutputFilter filter, String version, ClientLimits clientLimits) {
    this.clientLimits = Objects.requireNonNull(clientLimits, "clientLimits");
    this.config = Objects.requireNonNull(config, "config");
    this.manager = Objects.requireNonNull(manager, "manager");
    this.bridge = Objects.requireNonNull(bridge, "bridge");
    this.filter = Objects.requireNonNull(filter, "filter");
    this.version = Objects.requireNonNull(version, "version");
  }

  @Override
  public Future<?> start() {
    CodecLimits limits = CodecLimits.DEFAULT;
    ReadGate gate = new ReadGate(manager);
    registry = new ConnectionRegistry(vertx, manager, gate, clientLimits);
    stage = new FilterStage(context, registry, gate, filter, FILTER_THREADS, LANE_HIGH_WATER);
    bridge.attach(stage);

    Router router = Router.router(vertx);
    router.route().handler(new TokenAuth(config.token()));
    router.get("/api/kernels/:id/channels").handler(new ChannelsHandler(context, manager,
        registry, filter, new OriginCheck(config.allowOrigins()), limits));
    new RestApi(vertx, context, manager, config.defaultKernel(), version, registry::count)
        .mount(router);
    router.route().failureHandler(ErrorResponses::handle);
    router.errorHandler(404, ErrorResponses::handle);
    router.errorHandler(405, ErrorResponses::handle);

    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.ip())
        .setPort(config.port())
        .setTcpNoDelay(true)
        .setWebSocketSubProtocols(List.of(WsProtocol.V1.subprotocol().orElseThrow()))
        .setMaxWebSocketMessageSize(limits.maxMessageBytes())
        .setMaxWebSocketFrameSize(1 << 20);
    return vertx.createHttpServer(options)
        .requestHandler(router)
        .listen()
        .map(HttpServer::actualPort)
        .onSuccess(p -> actualPort = p);
  }

  @Override
  public Future<?> stop() {
    bridge.detach();
    if (stage != null) {
      stage.close();
    }
    if (registry != null) {
      registry.closeAll();
    }
    return Future.succeededFuture();
  }

  /** The port the server listens on, once started (useful with port 0). */
  public int actualPort() {
    return actualPort;
  }
}
