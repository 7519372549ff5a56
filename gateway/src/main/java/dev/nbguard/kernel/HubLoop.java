package dev.nbguard.kernel;

import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.CodecLimits;
import dev.nbguard.protocol.JupyterMessage;
import dev.nbguard.protocol.ProtocolException;
import dev.nbguard.protocol.ZmqWireCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The body of the hub thread; see {@link ZmqHub}. Everything here runs on that thread, except
 * {@link #wakeup()}.
 *
 * <p><b>Polling.</b> Each socket's ZeroMQ signal channel ({@code getFD()}) is registered once in
 * a selector of our own (JeroMQ's {@code ZMQ.Poller} registers every socket again on each call,
 * which made the hub the busiest thread of a round trip); the registrations change only when
 * the socket set does. The channel says "look", not "there is a message": after every wake-up
 * each socket's {@code getEvents()} is asked (that also drains its signal, so the channel is
 * quiet until something new arrives), and a socket is read until it is empty or has had its
 * share of the turn. Sending on a socket can consume a signal meant for its reader, so after a
 * turn that ran commands (or stopped reading a socket early) the next turn does not sleep.
 * Commands wake the selector with {@link Selector#wakeup()}.
 *
 * <p><b>Hollow signals.</b> JeroMQ 0.6 leaves a socket's signal channel readable at times when
 * its mailbox is empty and every signal it counted was read (a stray byte in its pipe, until a
 * later command takes it); a selector on that channel then returns at once, and the hub spun a
 * core through every active session. After eight such turns in a row (woken, nothing read, no
 * command) each is followed by a pause of 50 µs, doubling up to 1 ms: the hub then looks at its
 * sockets at least every millisecond, at a cost of well under 1% of a core, until the stray byte
 * is gone. A command ends a pause at once ({@link #wakeup()} unparks the hub thread), so a
 * client's request never waits for it; a kernel message may wait up to the pause.
 */
final class HubLoop {

  private static final System.Logger LOG = System.getLogger(HubLoop.class.getName());
  private static final long MAX_POLL_MS = 1_000;
  private static final int MAX_COMMANDS_PER_TURN = 4_096;
  /** Turns woken by a signal that announced nothing that may follow each other at once; ... */
  private static final int FREE_HOLLOW_TURNS = 8;
  /** ... then the first pause; it doubles ... */
  private static final long FIRST_HOLLOW_PAUSE_NS = 50_000;
  /** ... up to this, while such turns follow each other. */
  private static final long MAX_HOLLOW_PAUSE_NS = 1_000_000;

  /** One polled socket and what it belongs to. */
  private record Item(KernelSockets kernel, Channel channel, Optional<String> session,
      ZMQ.Socket socket) {}

  private final HubOptions options;
  private final CodecLimits limits;
  private final KernelMessageListener listener;
  private final Queue<Consumer<HubLoop>> commands;
  private final Selector selector;
  private final Map<String, ZmqWireCodec> codecs;
  private final Map<String, KernelSockets> kernels = new LinkedHashMap<>();
  private volatile boolean running = true;
  private volatile Thread thread;
  private ZContext context;
  private List<Item> items = List.of();
  private boolean dirty = true;
  /** Work may be waiting that no signal will announce: the next turn does not sleep. */
  private boolean lookAgain;
  /** Turns in a row woken by a signal that announced nothing (see the class comment). */
  private int hollow;
  /** Turns taken so far (read by tests: a hub must not spin). */
  private volatile long turns;

  HubLoop(HubOptions options, CodecLimits limits, KernelMessageListener listener,
      Queue<Consumer<HubLoop>> commands, Map<String, ZmqWireCodec> codecs) {
    this.options = options;
    this.limits = limits;
    this.listener = listener;
    this.commands = commands;
    try {
      this.selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the hub's selector", e);
    }
    this.codecs = codecs;
  }

  void stop() {
    running = false;
  }

  /** Makes the hub look at its command queue now, sleeping or pausing; any thread. */
  void wakeup() {
    selector.wakeup();
    Thread hub = thread;
    if (hub != null) {
      LockSupport.unpark(hub);
    }
  }

  void run() {
    thread = Thread.currentThread();
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

  long turns() {
    return turns;
  }

  private void turn() {
    turns++; // only the hub thread writes it
    if (dirty) {
      register();
    }
    long now = System.nanoTime();
    long waitMs = MAX_POLL_MS;
    for (KernelSockets k : kernels.values()) {
      long due = k.heartbeatDue(now);
      if (due != Long.MAX_VALUE) {
        waitMs = Math.min(waitMs, Math.max(0, due / 1_000_000 + 1));
      }
    }
    int signalled = select(lookAgain ? 0 : waitMs);
    lookAgain = false;
    boolean worked = false;
    for (Item item : items) {
      if ((item.socket().getEvents() & ZMQ.Poller.POLLIN) != 0) {
        lookAgain |= read(item);
        worked = true;
      }
    }
    if (runCommands()) {
      lookAgain = true;
      worked = true;
    }
    hollow = signalled > 0 && !worked ? hollow + 1 : 0;
    if (hollow > FREE_HOLLOW_TURNS) {
      int doublings = Math.min(hollow - FREE_HOLLOW_TURNS - 1, 10);
      LockSupport.parkNanos(Math.min(MAX_HOLLOW_PAUSE_NS, FIRST_HOLLOW_PAUSE_NS << doublings));
    }
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

  /** Waits up to {@code waitMs} (0: not at all) for a signal; how many channels signalled. */
  private int select(long waitMs) {
    int n;
    try {
      n = waitMs == 0 ? selector.selectNow() : selector.select(waitMs);
    } catch (IOException e) {
      throw new UncheckedIOException("selecting on the kernels' sockets", e);
    }
    selector.selectedKeys().clear();
    return n;
  }

  /** Registers the signal channel of every socket to be read, once; cancels the rest. */
  private void register() {
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
    Set<SelectableChannel> wanted = new HashSet<>();
    for (Item item : next) {
      SelectableChannel channel = item.socket().getFD();
      wanted.add(channel);
      SelectionKey key = channel.keyFor(selector);
      if (key == null || !key.isValid()) {
        try {
          channel.register(selector, SelectionKey.OP_READ);
        } catch (ClosedChannelException e) {
          throw new UncheckedIOException("registering a kernel socket", e);
        }
      }
    }
    for (SelectionKey key : selector.keys()) {
      if (!wanted.contains(key.channel())) {
        key.cancel();
      }
    }
    items = next;
    dirty = false;
    lookAgain = true; // a socket new to the selector may hold messages already
  }

  /** Reads {@code item}'s socket until it is empty (false) or has had its share (true). */
  private boolean read(Item item) {
    if (item.channel() == Channel.HB) {
      // the socket may have been replaced by a timeout in this very turn
      // and a REQ holds at most one answer: a second recv would be a state error
      KernelSockets k = item.kernel();
      if (item.socket() == k.heartbeat && k.pingSentAt >= 0
          && item.socket().recv(ZMQ.DONTWAIT) != null) {
        k.heartbeatAnswered(System.nanoTime());
      }
      return false;
    }
    ZmqWireCodec codec = codecs.get(item.kernel().kernelId);
    for (int n = 0; n < options.maxMessagesPerRead(); n++) {
      String kernelId = item.kernel().kernelId;
      JupyterMessage message;
      try {
        List<byte[]> frames = Frames.receive(item.socket(), limits);
        if (frames == null) {
          return false;
        }
        message = codec.decodeFrames(Optional.of(item.channel()), frames);
      } catch (ProtocolException e) {
        notifyListener(() -> listener.onBadMessage(kernelId, item.channel(), e.getMessage()));
        continue;
      }
      notifyListener(() -> listener.onMessage(kernelId, item.channel(), item.session(), message));
    }
    return true;
  }

  /** Runs the waiting commands (up to a turn's share); whether it ran any. */
  private boolean runCommands() {
    for (int n = 0; n < MAX_COMMANDS_PER_TURN; n++) {
      Consumer<HubLoop> c = commands.poll();
      if (c == null) {
        return n > 0;
      }
      c.accept(this);
    }
    return true;
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
    context.close();
    try {
      selector.close();
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "closing the hub's selector: " + e);
    }
    Consumer<HubLoop> c;
    while ((c = commands.poll()) != null) {
      c.accept(this); // fails each with NoSuchKernelException: no future is left hanging
    }
  }
}
