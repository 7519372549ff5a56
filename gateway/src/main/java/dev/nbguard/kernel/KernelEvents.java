package dev.nbguard.kernel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.JupyterMessage;
import dev.nbguard.protocol.ProtocolException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The manager's listener on the hub (runs on the hub thread): keeps {@code last_activity},
 * {@code execution_state} and startup readiness up to date, swallows the replies to the
 * manager's own requests, and passes everything else on.
 */
final class KernelEvents implements KernelMessageListener {

  private static final System.Logger LOG = System.getLogger(KernelEvents.class.getName());
  private static final JsonFactory JSON = new JsonFactory();

  private final Map<String, Kernel> kernels;
  private final KernelMessageListener downstream;
  private final Clock clock;
  private volatile BiConsumer<Kernel, String> onDeath = (k, why) -> { };

  KernelEvents(Map<String, Kernel> kernels, KernelMessageListener downstream, Clock clock) {
    this.kernels = kernels;
    this.downstream = downstream;
    this.clock = clock;
  }

  /** Who declares a kernel dead when its heartbeat is lost (set once, before any kernel). */
  void onDeath(BiConsumer<Kernel, String> action) {
    this.onDeath = action;
  }

  @Override
  public void onMessage(String kernelId, Channel channel, Optional<String> sessionId,
      JupyterMessage message) {
    Kernel k = kernels.get(kernelId);
    if (k == null) {
      return;
    }
    k.lastActivity = clock.instant();
    String type;
    try {
      type = message.msgType();
    } catch (ProtocolException e) {
      downstream.onBadMessage(kernelId, channel, "bad header: " + e.getMessage());
      return;
    }
    if (channel == Channel.IOPUB) {
      k.sawIopub = true;
      if (type.equals("status")) {
        executionState(message).flatMap(ExecutionState::fromStatus).ifPresent(s -> update(k, s));
      }
      k.checkReady();
    }
    if (sessionId.isPresent() && sessionId.get().equals(k.internalSession)) {
      if (type.equals("kernel_info_reply")) {
        k.sawInfoReply = true;
        k.checkReady();
      }
      return; // answers to the manager's own requests stay here
    }
    downstream.onMessage(kernelId, channel, sessionId, message);
  }

  private static void update(Kernel k, ExecutionState s) {
    synchronized (k) {
      if (k.state == ExecutionState.DEAD || k.state == ExecutionState.RESTARTING) {
        return; // only the manager leaves these states
      }
      if (s == ExecutionState.IDLE || s == ExecutionState.BUSY || s == ExecutionState.STARTING) {
        k.state = s;
      }
    }
  }

  @Override
  public void onBadMessage(String kernelId, Channel channel, String reason) {
    LOG.log(Level.WARNING, "dropped a bad " + channel.wireName() + " message from kernel "
        + kernelId + ": " + reason);
    downstream.onBadMessage(kernelId, channel, reason);
  }

  @Override
  public void onHeartbeatFailed(String kernelId) {
    Kernel k = kernels.get(kernelId);
    if (k != null && k.ready.isDone() && !k.ready.isCompletedExceptionally()) {
      onDeath.accept(k, "heartbeat lost");
    }
    downstream.onHeartbeatFailed(kernelId);
  }

  /** The top-level {@code execution_state} string of a status message's content. */
  static Optional<String> executionState(JupyterMessage message) {
    byte[] content = message.contentBytes().toArray();
    try (JsonParser p = JSON.createParser(content)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (name.equals("execution_state") && v == JsonToken.VALUE_STRING) {
          return Optional.of(p.getText());
        }
        p.skipChildren();
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
