package dev.nbguard.kernel;

import dev.nbguard.protocol.Channel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The sockets of one kernel and its heartbeat state. Used by the hub thread only: nothing here
 * is thread-safe, on purpose.
 */
final class KernelSockets {

  /** The shell, stdin and control DEALERs of one client session, all with its identity. */
  record Session(String id, ZMQ.Socket shell, ZMQ.Socket stdin, ZMQ.Socket control) {
    ZMQ.Socket socket(Channel channel) {
      return switch (channel) {
        case SHELL -> shell;
        case STDIN -> stdin;
        case CONTROL -> control;
        default -> throw new IllegalArgumentException(
            "cannot send on " + channel.wireName() + " (only shell, stdin, control)");
      };
    }
  }

  private static final byte[] PING = "ping".getBytes(StandardCharsets.US_ASCII);

  final String kernelId;
  final ConnectionInfo info;
  final ZMQ.Socket iopub;
  ZMQ.Socket heartbeat;
  final Map<String, Session> sessions = new LinkedHashMap<>();
  boolean reading = true;

  boolean heartbeatEnabled = true;
  long pingSentAt = -1; // nanoTime, -1 when no ping is outstanding
  long nextPingAt;
  int misses;
  boolean reported;
  /** Set when the heartbeat socket was replaced: the hub must poll the new one. */
  boolean socketReplaced;

  private final ZContext context;
  private final HubOptions options;

  KernelSockets(ZContext context, HubOptions options, String kernelId, ConnectionInfo info,
      long now) {
    this.context = context;
    this.options = options;
    this.kernelId = kernelId;
    this.info = info;
    this.iopub = socket(SocketType.SUB, Channel.IOPUB, null);
    this.iopub.subscribe(new byte[0]);
    this.heartbeat = socket(SocketType.REQ, Channel.HB, null);
    this.nextPingAt = now + options.heartbeatInterval().toNanos();
  }

  Session openSession(String sessionId) {
    Session existing = sessions.get(sessionId);
    if (existing != null) {
      return existing;
    }
    byte[] identity = sessionId.getBytes(StandardCharsets.UTF_8);
    Session s = new Session(sessionId, socket(SocketType.DEALER, Channel.SHELL, identity),
        socket(SocketType.DEALER, Channel.STDIN, identity),
        socket(SocketType.DEALER, Channel.CONTROL, identity));
    sessions.put(sessionId, s);
    return s;
  }

  boolean closeSession(String sessionId) {
    Session s = sessions.remove(sessionId);
    if (s == null) {
      return false;
    }
    context.destroySocket(s.shell());
    context.destroySocket(s.stdin());
    context.destroySocket(s.control());
    return true;
  }

  void closeAll() {
    for (String id : sessions.keySet().toArray(new String[0])) {
      closeSession(id);
    }
    context.destroySocket(iopub);
    context.destroySocket(heartbeat);
  }

  /** Sends a ping, or handles a ping that timed out; true when a failure streak is reported. */
  boolean heartbeatTick(long now) {
    if (!heartbeatEnabled) {
      return false;
    }
    if (pingSentAt >= 0) {
      if (now - pingSentAt < options.heartbeatTimeout().toNanos()) {
        return false;
      }
      // a REQ socket waiting for an answer that will not come is stuck: make a new one
      context.destroySocket(heartbeat);
      heartbeat = socket(SocketType.REQ, Channel.HB, null);
      socketReplaced = true;
      pingSentAt = -1;
      misses++;
      nextPingAt = now; // try again at once
      if (misses >= options.heartbeatFailures() && !reported) {
        reported = true;
        return true;
      }
      return false;
    }
    if (now - nextPingAt >= 0 && heartbeat.send(PING, ZMQ.DONTWAIT)) {
      pingSentAt = now;
    }
    return false;
  }

  void heartbeatAnswered(long now) {
    pingSentAt = -1;
    misses = 0;
    reported = false;
    nextPingAt = now + options.heartbeatInterval().toNanos();
  }

  /** Turns the heartbeat on or off (off while the kernel restarts); resets the streak. */
  void setHeartbeat(boolean enabled, long now) {
    heartbeatEnabled = enabled;
    if (pingSentAt >= 0) {
      context.destroySocket(heartbeat);
      heartbeat = socket(SocketType.REQ, Channel.HB, null);
      socketReplaced = true;
      pingSentAt = -1;
    }
    misses = 0;
    reported = false;
    nextPingAt = now + options.heartbeatInterval().toNanos();
  }

  /** Nanoseconds until the heartbeat needs the hub again. */
  long heartbeatDue(long now) {
    if (!heartbeatEnabled) {
      return Long.MAX_VALUE;
    }
    return pingSentAt >= 0
        ? pingSentAt + options.heartbeatTimeout().toNanos() - now
        : nextPingAt - now;
  }

  private ZMQ.Socket socket(SocketType type, Channel channel, byte[] identity) {
    ZMQ.Socket s = context.createSocket(type);
    s.setLinger(0);
    s.setSndHWM(options.highWaterMark());
    s.setRcvHWM(options.highWaterMark());
    if (identity != null) {
      s.setIdentity(identity);
    }
    s.connect(info.endpoint(channel));
    return s;
  }
}
