package dev.nbguard.server;

import dev.nbguard.kernel.KernelManager;
import dev.nbguard.kernel.NoSuchKernelException;
import dev.nbguard.protocol.Bytes;
import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.CodecLimits;
import dev.nbguard.protocol.JupyterMessage;
import dev.nbguard.protocol.ProtocolException;
import dev.nbguard.protocol.WsFrame;
import dev.nbguard.protocol.WsProtocol;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code GET /api/kernels/{id}/channels}: checks the Origin, upgrades (v1 subprotocol when the
 * client offered it, legacy otherwise), opens the client's kernel session and relays frames from
 * the client to the kernel. Kernel-to-client traffic goes through {@link ConnectionRegistry}.
 *
 * <p>No per-connection {@code kernel_info_request} nudge: the manager keeps one IOPub SUB per
 * kernel, subscribed and proven live before the kernel was reported started, and every client
 * shares it, so a new connection sees IOPub at once.
 */
final class ChannelsHandler implements Handler<RoutingContext> {

  private static final System.Logger LOG = System.getLogger(ChannelsHandler.class.getName());
  private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final int MAX_BAD_FRAMES = 16;
  private static final int WRITE_QUEUE_BYTES = 4 << 20;

  private final Context context;
  private final KernelManager manager;
  private final ConnectionRegistry registry;
  private final OutputFilter filter;
  private final OriginCheck origins;
  private final CodecLimits limits;

  ChannelsHandler(Context context, KernelManager manager, ConnectionRegistry registry,
      OutputFilter filter, OriginCheck origins, CodecLimits limits) {
    this.context = context;
    this.manager = manager;
    this.registry = registry;
    this.filter = filter;
    this.origins = origins;
    this.limits = limits;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String kernelId = ctx.pathParam("id");
    if (!origins.allows(Optional.ofNullable(ctx.request().getHeader("Origin")),
        Optional.ofNullable(ctx.request().getHeader("Host")))) {
      ctx.fail(HttpError.forbidden("WebSocket origin not allowed: "
          + ctx.request().getHeader("Origin")));
      return;
    }
    if (!ctx.request().canUpgradeToWebSocket()) {
      ctx.fail(HttpError.badRequest("this endpoint only accepts WebSocket upgrades"));
      return;
    }
    if (manager.get(kernelId).isEmpty()) {
      ctx.fail(new NoSuchKernelException(kernelId));
      return;
    }
    String given = ctx.request().getParam("session_id");
    String sessionId = given == null || given.isEmpty() ? UUID.randomUUID().toString() : given;
    if (!SESSION.matcher(sessionId).matches()) {
      ctx.fail(HttpError.badRequest("bad session_id"));
      return;
    }
    ctx.request().toWebSocket().onSuccess(ws -> {
      ws.pause();
      // A client may lag this much before its kernel stops being read (Netty's default, 64 KiB,
      // paused the kernel at every burst; a kernel not read drops IOPub at its PUB socket)
      ws.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
      WsProtocol protocol = WsProtocol.negotiate(Optional.ofNullable(ws.subProtocol()));
      ClientConnection c = new ClientConnection(kernelId, sessionId,
          given == null ? "" : given, ws, protocol.codec(limits));
      // Registered at once so that no kernel output is missed (and what was kept while the
      // client was away is written first); client frames wait (paused) until the kernel
      // session is open.
      registry.add(c);
      ws.exceptionHandler(e -> LOG.log(Level.DEBUG, c + ": " + e));
      ws.closeHandler(v -> registry.remove(c, true));
      Future.fromCompletionStage(manager.openSession(kernelId, sessionId), context)
          .onSuccess(v -> start(c))
          .onFailure(e -> {
            LOG.log(Level.WARNING, "cannot open session for " + c + ": " + e);
            registry.remove(c, false);
            ws.close((short) 1011, "cannot open kernel session");
          });
    }).onFailure(e -> LOG.log(Level.WARNING, "WebSocket upgrade failed: " + e));
  }

  private void start(ClientConnection c) {
    ServerWebSocket ws = c.ws;
    ws.textMessageHandler(t -> fromClient(c, WsFrame.text(t)));
    ws.binaryMessageHandler(b -> fromClient(c, WsFrame.binary(Bytes.wrap(b.getBytes()))));
    ws.resume();
    LOG.log(Level.DEBUG, "connected " + c);
  }

  private void fromClient(ClientConnection c, WsFrame frame) {
    JupyterMessage m;
    try {
      m = c.codec.decode(frame);
      c.badFrames = 0;
    } catch (ProtocolException e) {
      LOG.log(Level.WARNING, "ignoring a bad frame from " + c + ": " + e.getMessage());
      if (++c.badFrames > MAX_BAD_FRAMES) {
        c.ws.close((short) 1007, "too many malformed messages");
      }
      return;
    }
    try {
      Channel channel = m.channel().orElse(Channel.SHELL);
      if (channel == Channel.IOPUB || channel == Channel.HB
          || !filter.allowedFromClient(m, channel)) {
        LOG.log(Level.WARNING, "refused " + m.msgType() + " on " + channel.wireName()
            + " from " + c);
        return;
      }
      manager.send(c.kernelId, c.sessionId, channel, m).whenComplete((v, e) -> {
        if (e != null) {
          LOG.log(Level.WARNING, "cannot send " + m.msgType() + " from " + c + ": "
              + ErrorResponses.unwrap(e));
        }
      });
    } catch (RuntimeException e) { // a header that does not parse, say: drop that message only
      LOG.log(Level.WARNING, "ignoring a message from " + c + ": " + e.getMessage());
    }
  }
}
