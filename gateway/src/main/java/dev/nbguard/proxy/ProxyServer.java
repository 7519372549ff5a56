package dev.nbguard.proxy;

import dev.nbguard.filter.AuditLog;
import dev.nbguard.filter.MessageFilter;
import dev.nbguard.protocol.CodecLimits;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocketClientOptions;
import java.util.List;
import java.util.Objects;

/**
 * nbguard as a reverse proxy in front of one Jupyter server: WebSocket upgrades go to {@link
 * WsRelay}, every other request to {@link HttpForwarder}. Deploy once per proxy; {@link
 * #actualPort()} says where it listens.
 */
public final class ProxyServer extends VerticleBase {

  /** Headers and request lines as large as Jupyter's cookies and tokens may make them. */
  private static final int MAX_HEADER_BYTES = 64 << 10;
  /**
   * Body pieces as large as one socket read (Vert.x's default of 8 KB cuts a 1.6 MB script into
   * 200 pieces, each handled and written on its own).
   */
  static final int BODY_CHUNK_BYTES = 64 << 10;

  private final ProxyConfig config;
  private final MessageFilter filter;
  private final AuditLog audit;
  private final CodecLimits limits;
  private volatile int actualPort = -1;

  /** A proxy whose filter and contents rewriter both report to {@code audit}. */
  public ProxyServer(ProxyConfig config, MessageFilter filter, AuditLog audit) {
    this(config, filter, audit, CodecLimits.DEFAULT);
  }

  public ProxyServer(ProxyConfig config, MessageFilter filter, AuditLog audit,
      CodecLimits limits) {
    this.config = Objects.requireNonNull(config, "config");
    this.filter = Objects.requireNonNull(filter, "filter");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  @Override
  public Future<?> start() {
    int maxMessage = limits.maxMessageBytes();
    var http = vertx.createHttpClient(new HttpClientOptions()
            .setTcpNoDelay(true)
            .setKeepAlive(true)
            .setMaxHeaderSize(MAX_HEADER_BYTES)
            .setMaxInitialLineLength(MAX_HEADER_BYTES)
            .setDecompressionSupported(false)
            .setMaxChunkSize(BODY_CHUNK_BYTES),
        new PoolOptions().setHttp1MaxSize(32));
    var ws = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setTcpNoDelay(true)
        .setMaxFrameSize(maxMessage)
        .setMaxMessageSize(maxMessage)
        .setMaxConnections(1024));
    HttpForwarder forwarder = new HttpForwarder(vertx, http, config,
        new ContentsRewriter(filter.policy(), audit), filter);
    WsRelay relay = new WsRelay(vertx, ws, config, filter, limits);
    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.ip())
        .setPort(config.port())
        .setTcpNoDelay(true)
        .setMaxChunkSize(BODY_CHUNK_BYTES)
        .setHandle100ContinueAutomatically(true)
        .setHttp2ClearTextEnabled(false) // browsers speak HTTP/1.1 to Jupyter; so does the relay
        .setMaxHeaderSize(MAX_HEADER_BYTES)
        .setMaxInitialLineLength(MAX_HEADER_BYTES)
        // "*": accept whatever the request still offers when it is upgraded; WsRelay sets that
        // to exactly the upstream's choice first
        .setWebSocketSubProtocols(List.of("*"))
        .setMaxWebSocketMessageSize(maxMessage)
        .setMaxWebSocketFrameSize(maxMessage)
        // Jupyter Server does not compress WebSocket messages either; deflating every kernel
        // message on loopback costs both ends CPU and time and saves nothing
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false);
    return vertx.createHttpServer(options)
        .requestHandler(req -> dispatch(req, forwarder, relay))
        .listen()
        .map(HttpServer::actualPort)
        .onSuccess(p -> actualPort = p);
  }

  private static void dispatch(HttpServerRequest req, HttpForwarder forwarder, WsRelay relay) {
    if (req.canUpgradeToWebSocket()) {
      relay.relay(req);
    } else {
      forwarder.forward(req);
    }
  }

  /** The port the proxy listens on, once started. */
  public int actualPort() {
    return actualPort;
  }

  public ProxyConfig proxyConfig() {
    return config;
  }
}
