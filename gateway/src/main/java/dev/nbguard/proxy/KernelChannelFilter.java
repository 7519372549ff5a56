package dev.nbguard.proxy;

import dev.nbguard.filter.FilterResult;
import dev.nbguard.filter.MessageFilter;
import dev.nbguard.protocol.Bytes;
import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.JupyterMessage;
import dev.nbguard.protocol.KernelWsCodec;
import dev.nbguard.protocol.ProtocolException;
import dev.nbguard.protocol.WsFrame;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;

/**
 * The two directions of one kernel channels connection, in the subprotocol both sides agreed
 * on. Kernel to browser: every message decoded and run through {@link MessageFilter#toClient};
 * an unchanged message is forwarded as the very frame that came, a rewritten one re-encoded, an
 * undecodable one dropped (fail closed). Large messages are filtered off the event loop (the
 * pump keeps their order). Browser to kernel: {@link MessageFilter#allowedFromClient} on the
 * decoded header; allowed messages pass as they came.
 */
final class KernelChannelFilter {

  private static final System.Logger LOG = System.getLogger(KernelChannelFilter.class.getName());
  /** Messages up to this size are filtered on the event loop. */
  static final int ON_LOOP_BYTES = 64 << 10;

  private final Vertx vertx;
  private final MessageFilter filter;
  private final String kernelId;
  private final KernelWsCodec codec;

  KernelChannelFilter(Vertx vertx, MessageFilter filter, String kernelId, KernelWsCodec codec) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.filter = Objects.requireNonNull(filter, "filter");
    this.kernelId = Objects.requireNonNull(kernelId, "kernelId");
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  /** Kernel to browser. */
  MessageTransform toBrowser() {
    return m -> m.size() <= ON_LOOP_BYTES ? Future.succeededFuture(filterOutput(m))
        : vertx.executeBlocking(() -> filterOutput(m), false);
  }

  /** Browser to kernel. */
  MessageTransform toKernel() {
    return m -> Future.succeededFuture(checkInput(m));
  }

  Optional<WsMessage> filterOutput(WsMessage in) {
    JupyterMessage msg;
    try {
      msg = codec.decode(frameOf(in));
    } catch (ProtocolException e) {
      LOG.log(Level.WARNING, "kernel " + kernelId + ": dropped an unreadable message: "
          + e.getMessage());
      return Optional.empty();
    }
    FilterResult r = filter.toClient(kernelId, msg);
    if (r.dropped()) {
      return Optional.empty();
    }
    if (r.message() == msg) {
      return Optional.of(in);
    }
    try {
      return Optional.of(messageOf(codec.encode(r.message())));
    } catch (ProtocolException e) {
      LOG.log(Level.WARNING, "kernel " + kernelId + ": dropped a message: " + e.getMessage());
      return Optional.empty();
    }
  }

  Optional<WsMessage> checkInput(WsMessage in) {
    try {
      JupyterMessage msg = codec.decode(frameOf(in));
      Channel channel = msg.channel().orElse(Channel.SHELL);
      if (channel != Channel.IOPUB && channel != Channel.HB
          && filter.allowedFromClient(msg, channel)) {
        return Optional.of(in);
      }
      LOG.log(Level.WARNING, "kernel " + kernelId + ": refused " + msg.msgType() + " on "
          + channel.wireName() + " from the browser");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "kernel " + kernelId + ": refused an unreadable browser message: "
          + e.getMessage());
    }
    return Optional.empty();
  }

  private static WsFrame frameOf(WsMessage m) {
    if (m instanceof WsMessage.Text t) {
      return WsFrame.text(t.text());
    }
    return WsFrame.binary(Bytes.wrap(((WsMessage.Binary) m).data().getBytes()));
  }

  private static WsMessage messageOf(WsFrame f) {
    return f.isText() ? new WsMessage.Text(f.text())
        : new WsMessage.Binary(Buffer.buffer(f.payload().toArray()));
  }
}
