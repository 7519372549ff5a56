package dev.nbguard.kernel;

import dev.nbguard.protocol.Bytes;
import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.CodecLimits;
import dev.nbguard.protocol.JupyterMessage;
import dev.nbguard.protocol.ZmqWireCodec;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Owns every ZeroMQ socket of every kernel on one dedicated thread.
 *
 * <p><b>Threading.</b> JeroMQ sockets are not thread-safe and break when their thread is
 * interrupted. So one daemon thread, {@code nbguard-zmq-hub}, creates the {@code ZContext},
 * creates, polls, reads, writes and closes every socket, and is never interrupted: it is stopped
 * by a command ({@link #close()}). Every public method is thread-safe and non-blocking: it puts a
 * command on a bounded queue, wakes the hub (the selector its sockets' signals are registered
 * in), and returns a future the hub completes. Outgoing messages are encoded and signed on the
 * caller's thread (so several event loops share that work) and the hub only
 * writes the frames. Received messages are verified and decoded on the hub thread and handed to
 * the {@link KernelMessageListener} there.
 *
 * <p><b>Memory bounds.</b> Commands: at most {@link HubOptions#commandQueueCapacity()} wait; a
 * command beyond that fails at once with {@link RejectedExecutionException} (the caller applies
 * backpressure). Sends use {@code DONTWAIT}: when a socket's high-water mark is reached the send
 * fails rather than queueing. Inbound: the hub keeps no queue of its own; a slow listener slows
 * the hub, ZeroMQ buffers up to the high-water mark per socket, and beyond it the kernel's IOPub
 * PUB drops messages (ZeroMQ's PUB policy). A consumer can stop reading one kernel with
 * {@link #setReading} (same bound applies) and resume later.
 */
public final class ZmqHub implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ZmqHub.class.getName());

  private final HubOptions options;
  private final CodecLimits limits;
  private final BlockingQueue<Consumer<HubLoop>> commands;
  private final Map<String, ZmqWireCodec> codecs = new ConcurrentHashMap<>();
  private final HubLoop loop;
  private final Thread thread;
  private volatile boolean closing;

  public ZmqHub(HubOptions options, CodecLimits limits, KernelMessageListener listener) {
    this.options = Objects.requireNonNull(options, "options");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.commands = new ArrayBlockingQueue<>(options.commandQueueCapacity());
    this.loop = new HubLoop(options, limits, Objects.requireNonNull(listener, "listener"),
        commands, codecs);
    this.thread = new Thread(loop::run, "nbguard-zmq-hub");
    thread.setDaemon(true);
    thread.start();
  }

  public HubOptions options() {
    return options;
  }

  /** Connects IOPub (SUB, subscribed to everything) and the heartbeat REQ of a kernel. */
  public CompletableFuture<Void> addKernel(String kernelId, ConnectionInfo info) {
    Objects.requireNonNull(kernelId, "kernelId");
    Objects.requireNonNull(info, "info");
    ZmqWireCodec codec = new ZmqWireCodec(info.signer(), limits);
    return submit(l -> {
      codecs.put(kernelId, codec);
      l.addKernel(kernelId, info);
    });
  }

  /** Closes every socket of the kernel; completes normally if it was unknown. */
  public CompletableFuture<Void> removeKernel(String kernelId) {
    return submit(l -> {
      l.removeKernel(kernelId);
      codecs.remove(kernelId);
    });
  }

  /**
   * Opens the shell, stdin and control DEALERs of a client session, with the session id as
   * their ZeroMQ identity (so the kernel's stdin requests reach the same client). Idempotent: an
   * open session is kept as it is (a reconnecting client keeps its sockets).
   *
   * @throws IllegalArgumentException (in the future) for an id that cannot be an identity
   */
  public CompletableFuture<Void> openSession(String kernelId, String sessionId) {
    checkSessionId(sessionId);
    return submit(l -> l.kernel(kernelId).openSession(sessionId));
  }

  /** Closes a session's sockets; completes with false when there was no such session. */
  public CompletableFuture<Boolean> closeSession(String kernelId, String sessionId) {
    return submitFor(l -> l.kernel(kernelId).closeSession(sessionId));
  }

  /**
   * Encodes and signs {@code message} with the kernel's key (here, on the caller's thread) and
   * has the hub write it on {@code channel} (shell, stdin or control) of the session's sockets.
   * The future fails when the kernel or session is unknown or the socket is full.
   */
  public CompletableFuture<Void> send(String kernelId, String sessionId, Channel channel,
      JupyterMessage message) {
    ZmqWireCodec codec = codecs.get(kernelId);
    if (codec == null) {
      return CompletableFuture.failedFuture(new NoSuchKernelException(kernelId));
    }
    if (channel != Channel.SHELL && channel != Channel.STDIN && channel != Channel.CONTROL) {
      return CompletableFuture.failedFuture(new IllegalArgumentException(
          "cannot send on " + channel.wireName() + " (only shell, stdin, control)"));
    }
    List<Bytes> frames = codec.encode(message.withIdentities(List.of()));
    byte[][] raw = new byte[frames.size()][];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = frames.get(i).toArray();
    }
    return submit(l -> l.write(kernelId, sessionId, channel, raw));
  }

  /** Turns a kernel's heartbeat off (e.g. while it restarts) or on again. */
  public CompletableFuture<Void> setHeartbeat(String kernelId, boolean enabled) {
    return submit(l -> l.kernel(kernelId).setHeartbeat(enabled, System.nanoTime()));
  }

  /**
   * Stops or resumes reading a kernel's sockets (backpressure for a slow consumer; ZeroMQ's
   * high-water marks bound what piles up meanwhile).
   */
  public CompletableFuture<Void> setReading(String kernelId, boolean reading) {
    return submit(l -> l.setReading(kernelId, reading));
  }

  /** How many turns the hub thread has taken (for tests: an idle or waiting hub must sleep). */
  long turns() {
    return loop.turns();
  }

  /** Stops the hub thread after closing every socket; waits for it at most 5 s. */
  @Override
  public void close() {
    closing = true;
    loop.stop();
    wake();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void checkSessionId(String sessionId) {
    Objects.requireNonNull(sessionId, "sessionId");
    int bytes = sessionId.getBytes(StandardCharsets.UTF_8).length;
    if (bytes == 0 || bytes > 255) {
      throw new IllegalArgumentException("session id must be 1 to 255 bytes of UTF-8");
    }
    if (sessionId.charAt(0) == '\0') {
      throw new IllegalArgumentException("session id must not start with a NUL byte");
    }
  }

  private CompletableFuture<Void> submit(Consumer<HubLoop> action) {
    return submitFor(l -> {
      action.accept(l);
      return null;
    });
  }

  private <T> CompletableFuture<T> submitFor(java.util.function.Function<HubLoop, T> action) {
    CompletableFuture<T> result = new CompletableFuture<>();
    if (closing) {
      result.completeExceptionally(new RejectedExecutionException("the ZeroMQ hub is closed"));
      return result;
    }
    Consumer<HubLoop> command = l -> {
      try {
        result.complete(action.apply(l));
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    };
    if (!commands.offer(command)) {
      result.completeExceptionally(new RejectedExecutionException(
          "the ZeroMQ hub has " + options.commandQueueCapacity() + " commands waiting"));
      return result;
    }
    if (closing && commands.remove(command)) {
      result.completeExceptionally(new RejectedExecutionException("the ZeroMQ hub is closed"));
      return result;
    }
    wake();
    return result;
  }

  private void wake() {
    loop.wakeup();
  }
}
