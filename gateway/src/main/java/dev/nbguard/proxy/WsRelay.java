package dev.nbguard.proxy;

import dev.nbguard.filter.MessageFilter;
import dev.nbguard.protocol.CodecLimits;
import dev.nbguard.protocol.WsProtocol;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Relays one WebSocket: connects to the upstream first, offering exactly the subprotocols the
 * browser offered, then accepts the browser's upgrade answering with exactly what the upstream
 * chose (v1 or legacy for kernels; whatever it is elsewhere). An upstream refusal reaches the
 * browser as the same HTTP status. Kernel channels run through {@link KernelChannelFilter};
 * every other WebSocket (terminals, events, collaboration) is relayed untouched.
 */
final class WsRelay {

  private static final System.Logger LOG = System.getLogger(WsRelay.class.getName());
  static final String PROTOCOL_HEADER = "Sec-WebSocket-Protocol";

  private final Vertx vertx;
  private final WebSocketClient client;
  private final ProxyConfig config;
  private final MessageFilter filter;
  private final CodecLimits limits;

  WsRelay(Vertx vertx, WebSocketClient client, ProxyConfig config, MessageFilter filter,
      CodecLimits limits) {
    this.vertx = vertx;
    this.client = client;
    this.config = config;
    this.filter = filter;
    this.limits = limits;
  }

  void relay(HttpServerRequest req) {
    req.pause();
    List<String> offered = offered(req);
    connectUpstream(req, offered).onComplete(ar -> {
      if (ar.failed()) {
        refuse(req, ar.cause());
        return;
      }
      WebSocket up = ar.result();
      up.pause();
      String chosen = up.subProtocol();
      if (chosen == null || chosen.isEmpty()) {
        req.headers().remove(PROTOCOL_HEADER);
      } else {
        req.headers().set(PROTOCOL_HEADER, chosen);
      }
      req.toWebSocket().onComplete(down -> {
        if (down.failed()) {
          LOG.log(Level.DEBUG, () -> "browser upgrade failed: " + down.cause());
          up.close((short) 1001, "browser went away");
          return;
        }
        bridge(req.path(), down.result(), up);
      });
    });
  }

  /**
   * Connects with the browser's offer. A server that accepts the upgrade without choosing any
   * offered subprotocol (classic Notebook has no v1) fails the client's check; then it is
   * asked again offering none, and the browser gets none (legacy) too.
   */
  private Future<WebSocket> connectUpstream(HttpServerRequest req, List<String> offered) {
    return client.connect(options(req, offered)).recover(e -> offered.isEmpty()
        || e instanceof UpgradeRejectedException || !mentionsSubprotocol(e)
        ? Future.failedFuture(e) : client.connect(options(req, List.of())));
  }

  private WebSocketConnectOptions options(HttpServerRequest req, List<String> offered) {
    return new WebSocketConnectOptions()
        .setHost(config.upstream().host())
        .setPort(config.upstream().port())
        .setSsl(config.upstream().ssl())
        .setURI(req.uri())
        .setSubProtocols(offered)
        .setAllowOriginHeader(true) // false would strip the browser's Origin copied below
        .setConnectTimeout(config.upstreamTimeout().toMillis())
        .setTimeout(config.upstreamTimeout().toMillis())
        .setHeaders(ProxyHeaders.webSocketRequest(req.headers()));
  }

  private static boolean mentionsSubprotocol(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT)
          .contains("subprotocol")) {
        return true;
      }
    }
    return false;
  }

  private void bridge(String path, ServerWebSocket down, WebSocket up) {
    down.pause();
    Optional<String> kernel = ProxyPaths.channelsKernel(path);
    MessageTransform toBrowser = MessageTransform.IDENTITY;
    MessageTransform toUpstream = MessageTransform.IDENTITY;
    if (kernel.isPresent()) {
      WsProtocol protocol = WsProtocol.negotiate(Optional.ofNullable(up.subProtocol()));
      KernelChannelFilter channel = new KernelChannelFilter(vertx, filter, kernel.get(),
          protocol.codec(limits));
      toBrowser = channel.toBrowser();
      toUpstream = channel.toKernel();
    }
    new WsPump(up, down, toBrowser, "upstream->browser " + path).start();
    new WsPump(down, up, toUpstream, "browser->upstream " + path).start();
  }

  private void refuse(HttpServerRequest req, Throwable e) {
    req.resume();
    if (e instanceof UpgradeRejectedException r) { // Jupyter's own answer: 403, 404, a redirect
      var out = req.response().setStatusCode(r.getStatus());
      if (r.getHeaders() != null) {
        out.headers().setAll(ProxyHeaders.response(r.getHeaders(), config.upstream().origin(),
            req.scheme() + "://" + (req.authority() == null ? "" : req.authority().toString())));
        out.headers().remove("Content-Length");
      }
      out.end(r.getBody() == null ? io.vertx.core.buffer.Buffer.buffer() : r.getBody());
      return;
    }
    ProxyFailures.send(req.response(), ProxyFailures.statusOf(e),
        ProxyFailures.describe(config.upstream(), e));
  }

  private static List<String> offered(HttpServerRequest req) {
    List<String> out = new ArrayList<>();
    for (String header : req.headers().getAll(PROTOCOL_HEADER)) {
      for (String p : header.split(",")) {
        if (!p.isBlank()) {
          out.add(p.trim());
        }
      }
    }
    return out;
  }
}
