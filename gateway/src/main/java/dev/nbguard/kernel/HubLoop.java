package dev.nbguard.kernel;

import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.CodecLimits;
import dev.nbguard.protocol.JupyterMessage;
import dev.nbguard.protocol.ProtocolException;
import dev.nbguard.protocol.ZmqWireCodec;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.function.Consumer;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** The body of the hub thread; see {@link ZmqHub}. Everything here runs on that thread. */
final class HubLoop {

  private static final System.Logger LOG = System.getLogger(HubLoop.class.getName());
  private static final long MAX_POLL_MS = 1_000;
  private static final int MAX_COMMANDS_PER_TURN = 4_096;

  /** One polled socket and what it belongs to. */
  private record Item(KernelSockets kernel, Channel channel, Optional<String> session,
      ZMQ.Socket socket) {}

  private final HubOptions options;
  private final CodecLimits limits;
  private final KernelMessageListener listener;
  private final Queue<Consumer<HubLoop>> commands;
  private final Pipe.SourceChannel wake;
  private final Map<String, ZmqWireCodec> codecs;
  private final Map<String, KernelSockets> kernels = new LinkedHashMap<>();
  private final ByteBuffer drain = ByteBuffer.allocate(256);
  private volatile boolean running = true;
  private ZContext context;
  private ZMQ.Poller poller;
  private List<Item> items = List.of();
  private boolean dirty = true;

  HubLoop(HubOptions options, CodecLimits limits, KernelMessageListener listener,
      Queue<Consumer<HubLoop>> commands, Pipe.SourceChannel wake,
      Map<String, ZmqWireCodec> codecs) {
    this.options = options;
    this.limits = limits;
    this.listener = listener;
    this.commands = commands;
    this.wake = wake;
    this.codecs = codecs;
  }

  void stop() {
    running = false;
  }

  void run() {
    context = new ZContext(1);
    try {
      while (running) {
        try {
          turn();
        } catch (RuntimeException e) {
          LOG.log(Level.ERROR, "ZeroMQ hub turn failed; continuing", e);
          dirty = true;
          pause(); // a persistent failure must not spin a core
        }
      }
    } finally {
      shutdown();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // nobody interrupts the hub; keep the flag if one did
    }
  }

  private void turn() {
    if (dirty) {
      rebuildPoller();
    }
    long now = System.nanoTime();
    long waitMs = MAX_POLL_MS;
    for (KernelSockets k : kernels.values()) {
      long due = k.heartbeatDue(now);
      if (due != Long.MAX_VALUE) {
        waitMs = Math.min(waitMs, Math.max(0, due / 1_000_000 + 1));
      }
    }
    poller.poll(waitMs);
    for (int i = 0; i < items.size(); i++) {
      if (poller.pollin(i + 1)) {
        read(items.get(i));
      }
    }
    if (poller.pollin(0)) {
      drainWakePipe();
    }
    runCommands();
    now = System.nanoTime();
    for (KernelSockets k : kernels.values()) {
      if (k.heartbeatTick(now)) {
        notifyListener(() -> listener.onHeartbeatFailed(k.kernelId));
      }
      if (k.socketReplaced) {
        k.socketReplaced = false;
        dirty = true;
      }
    }
  }

  private void rebuildPoller() {
    if (poller != null) {
      poller.close();
    }
    List<Item> next = new ArrayList<>();
    for (KernelSockets k : kernels.values()) {
      next.add(new Item(k, Channel.HB, Optional.empty(), k.heartbeat));
      if (!k.reading) {
        continue;
      }
      next.add(new Item(k, Channel.IOPUB, Optional.empty(), k.iopub));
      for (KernelSockets.Session s : k.sessions.values()) {
        Optional<String> id = Optional.of(s.id());
        next.add(new Item(k, Channel.SHELL, id, s.shell()));
        next.add(new Item(k, Channel.STDIN, id, s.stdin()));
        next.add(new Item(k, Channel.CONTROL, id, s.control()));
      }
    }
    poller = context.createPoller(next.size() + 1);
    poller.register(wake, ZMQ.Poller.POLLIN);
    for (Item item : next) {
      poller.register(item.socket(), ZMQ.Poller.POLLIN);
    }
    items = next;
    dirty = false;
  }

  private void read(Item item) {
    if (item.channel() == Channel.HB) {
      // the socket may have been replaced by a timeout in this very turn
      // and a REQ holds at most one answer: a second recv would be a state error
      KernelSockets k = item.kernel();
      if (item.socket() == k.heartbeat && k.pingSentAt >= 0
          && item.socket().recv(ZMQ.DONTWAIT) != null) {
        k.heartbeatAnswered(System.nanoTime());
      }
      return;
    }
    ZmqWireCodec codec = codecs.get(item.kernel().kernelId);
    for (int n = 0; n < options.maxMessagesPerRead(); n++) {
      String kernelId = item.kernel().kernelId;
      JupyterMessage message;
      try {
        List<byte[]> frames = Frames.receive(item.socket(), limits);
        if (frames == null) {
          return;
        }
        message = codec.decodeFrames(Optional.of(item.channel()), frames);
      } catch (ProtocolException e) {
        notifyListener(() -> listener.onBadMessage(kernelId, item.channel(), e.getMessage()));
        continue;
      }
      notifyListener(() -> listener.onMessage(kernelId, item.channel(), item.session(), message));
    }
  }

  private void runCommands() {
    for (int n = 0; n < MAX_COMMANDS_PER_TURN; n++) {
      Consumer<HubLoop> c = commands.poll();
      if (c == null) {
        return;
      }
      c.accept(this);
    }
  }

  private void drainWakePipe() {
    try {
      while (wake.read(drain.clear()) > 0) {
        // keep draining
      }
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "reading the wake-up pipe: " + e);
    }
  }

  private void notifyListener(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "kernel message listener threw; ignored", e);
    }
  }

  // ---- commands (called on the hub thread through the queue) ----

  void addKernel(String kernelId, dev.nbguard.kernel.ConnectionInfo info) {
    if (kernels.containsKey(kernelId)) {
      throw new IllegalStateException("kernel " + kernelId + " is already connected");
    }
    kernels.put(kernelId, new KernelSockets(context, options, kernelId, info, System.nanoTime()));
    dirty = true;
  }

  void removeKernel(String kernelId) {
    KernelSockets k = kernels.remove(kernelId);
    if (k != null) {
      k.closeAll();
      dirty = true;
    }
  }

  KernelSockets kernel(String kernelId) {
    KernelSockets k = kernels.get(kernelId);
    if (k == null) {
      throw new NoSuchKernelException(kernelId);
    }
    dirty = true; // callers may change the socket set
    return k;
  }

  void setReading(String kernelId, boolean reading) {
    kernel(kernelId).reading = reading;
  }

  void write(String kernelId, String sessionId, Channel channel, byte[][] frames) {
    KernelSockets k = kernels.get(kernelId);
    if (k == null) {
      throw new NoSuchKernelException(kernelId);
    }
    KernelSockets.Session s = k.sessions.get(sessionId);
    if (s == null) {
      throw new NoSuchKernelException(kernelId, sessionId);
    }
    Frames.send(s.socket(channel), frames, channel, kernelId);
  }

  private void shutdown() {
    for (KernelSockets k : kernels.values()) {
      try {
        k.closeAll();
      } catch (RuntimeException e) {
        LOG.log(Level.DEBUG, "closing sockets of " + k.kernelId + ": " + e);
      }
    }
    kernels.clear();
    if (poller != null) {
      poller.close();
    }
    context.close();
    try {
      wake.close();
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "closing the wake-up pipe: " + e);
    }
    Consumer<HubLoop> c;
    while ((c = commands.poll()) != null) {
      c.accept(this); // fails each with NoSuchKernelException: no future is left hanging
    }
  }
}
