package dev.nbguard.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nbguard.protocol.Bytes;
import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.CodecLimits;
import dev.nbguard.protocol.JupyterMessage;
import dev.nbguard.protocol.Messages;
import dev.nbguard.protocol.Signer;
import dev.nbguard.protocol.ZmqWireCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** The hub against a fake kernel made of raw sockets owned by the test thread. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ZmqHubTest {

  private static final String KEY = "0123456789abcdef0123456789abcdef";
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final Recorder recorder = new Recorder();
  private final Messages messages = new Messages(Clock.systemUTC(), "fake-kernel", "kernel");
  private final ZmqWireCodec kernelCodec = new ZmqWireCodec(Signer.of(KEY), CodecLimits.DEFAULT);
  private ZContext fake;
  private ZMQ.Socket shell;
  private ZMQ.Socket iopub;
  private ConnectionInfo info;
  private ZmqHub hub;

  @BeforeEach
  void fakeKernel() {
    fake = new ZContext();
    shell = fake.createSocket(SocketType.ROUTER);
    ZMQ.Socket control = fake.createSocket(SocketType.ROUTER);
    ZMQ.Socket stdin = fake.createSocket(SocketType.ROUTER);
    iopub = fake.createSocket(SocketType.PUB);
    ZMQ.Socket unusedHb = fake.createSocket(SocketType.ROUTER); // reserves a port, never answers
    String at = "tcp://127.0.0.1";
    info = new ConnectionInfo(ConnectionInfo.Transport.TCP, "127.0.0.1",
        shell.bindToRandomPort(at), iopub.bindToRandomPort(at), stdin.bindToRandomPort(at),
        control.bindToRandomPort(at), unusedHb.bindToRandomPort(at), KEY, "hmac-sha256", "fake");
    fake.destroySocket(unusedHb); // nobody listens on the heartbeat port now
    hub = new ZmqHub(HubOptions.DEFAULT.withHeartbeat(Duration.ofMillis(100),
        Duration.ofMillis(200), 2), CodecLimits.DEFAULT, recorder);
  }

  @AfterEach
  void close() {
    hub.close();
    fake.close();
  }

  private static void sendFrames(ZMQ.Socket socket, List<Bytes> frames) {
    for (int i = 0; i < frames.size(); i++) {
      socket.send(frames.get(i).toArray(), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
    }
  }

  private static List<byte[]> receive(ZMQ.Socket socket) {
    socket.setReceiveTimeOut(10_000);
    List<byte[]> frames = new ArrayList<>();
    byte[] first = socket.recv(0);
    if (first == null) {
      throw new AssertionError("nothing received");
    }
    frames.add(first);
    while (socket.hasReceiveMore()) {
      frames.add(socket.recv(0));
    }
    return frames;
  }

  private JupyterMessage status(String state) {
    return messages.status(state, Optional.empty())
        .withIdentities(List.of(Bytes.utf8("kernel.fake.status")));
  }

  @Test
  void dropsAndReportsIopubMessagesWithABadSignature() throws Exception {
    hub.addKernel("k1", info).get(5, TimeUnit.SECONDS);
    JupyterMessage good = status("idle");
    List<Bytes> forged = new ArrayList<>(kernelCodec.encode(status("busy")));
    forged.set(2, Bytes.utf8("00".repeat(32))); // [topic, delimiter, signature, …]

    long end = System.nanoTime() + WAIT.toNanos();
    while (recorder.messages(r -> true).isEmpty() || recorder.bad().isEmpty()) {
      assertTrue(System.nanoTime() < end, "hub saw nothing (subscription never joined)");
      sendFrames(iopub, forged);
      sendFrames(iopub, kernelCodec.encode(good));
      Thread.sleep(50);
    }

    for (Recorder.Received r : recorder.messages(r -> true)) {
      assertEquals(good.msgId(), r.message().msgId(), "only the genuine message is delivered");
      assertEquals(Channel.IOPUB, r.channel());
      assertEquals(Optional.empty(), r.session());
    }
    Recorder.Bad bad = recorder.bad().get(0);
    assertEquals("k1", bad.kernelId());
    assertEquals(Channel.IOPUB, bad.channel());
    assertEquals("invalid signature", bad.reason());
  }

  @Test
  void sendsSignedMessagesFromTheSessionIdentityAndRoutesReplies() throws Exception {
    hub.addKernel("k1", info).get(5, TimeUnit.SECONDS);
    hub.openSession("k1", "session-A").get(5, TimeUnit.SECONDS);
    hub.openSession("k1", "session-A").get(5, TimeUnit.SECONDS); // idempotent
    JupyterMessage request = messages.create(Channel.SHELL, "kernel_info_request",
        Bytes.utf8("{}"), Optional.empty());

    hub.send("k1", "session-A", Channel.SHELL, request).get(5, TimeUnit.SECONDS);

    List<byte[]> frames = receive(shell);
    assertEquals("session-A", new String(frames.get(0)));
    List<Bytes> wrapped = frames.stream().map(Bytes::wrap).toList();
    JupyterMessage got = kernelCodec.decode(Optional.empty(), wrapped); // verifies the HMAC
    assertEquals(request.msgId(), got.msgId());

    JupyterMessage reply = messages.create(Channel.SHELL, "kernel_info_reply",
        Bytes.utf8("{\"status\":\"ok\"}"), Optional.of(got.header()))
        .withIdentities(got.identities());
    sendFrames(shell, kernelCodec.encode(reply));
    Recorder.Received r = recorder.await(x -> x.type().equals("kernel_info_reply"), WAIT);
    assertEquals(Optional.of("session-A"), r.session());
    assertEquals(Channel.SHELL, r.channel());
    assertEquals(Optional.of(Channel.SHELL), r.message().channel());
    assertEquals(request.msgId(), r.parentId());
  }

  /**
   * Round trips with pauses between them, as a person at a notebook makes them. JeroMQ leaves a
   * socket's signal channel readable after such exchanges with nothing to read; a hub that
   * trusted it spun through every pause (some 100,000 turns a second, a whole core). Counted in
   * turns, not time: each pause may cost a few dozen turns (the backoff), not thousands.
   */
  @Test
  void doesNotSpinBetweenRoundTrips() throws Exception {
    hub.addKernel("k1", info).get(5, TimeUnit.SECONDS);
    hub.openSession("k1", "session-A").get(5, TimeUnit.SECONDS);
    int trips = 40;
    long pauseMs = 10;
    long before = hub.turns();
    for (int i = 0; i < trips; i++) {
      JupyterMessage request = messages.create(Channel.SHELL, "execute_request",
          Bytes.utf8("{\"code\":\"pass\"}"), Optional.empty());
      hub.send("k1", "session-A", Channel.SHELL, request).get(5, TimeUnit.SECONDS);
      List<byte[]> frames = receive(shell);
      JupyterMessage got = kernelCodec.decode(Optional.empty(),
          frames.stream().map(Bytes::wrap).toList());
      sendFrames(iopub, kernelCodec.encode(status("busy")));
      sendFrames(shell, kernelCodec.encode(messages.create(Channel.SHELL, "execute_reply",
          Bytes.utf8("{\"status\":\"ok\"}"), Optional.of(got.header()))
          .withIdentities(got.identities())));
      sendFrames(iopub, kernelCodec.encode(status("idle")));
      recorder.await(x -> x.type().equals("execute_reply") && x.parentId().equals(
          request.msgId()), WAIT);
      Thread.sleep(pauseMs);
    }
    long turns = hub.turns() - before;
    assertTrue(turns < trips * 200L, "the hub took " + turns + " turns for " + trips
        + " round trips " + pauseMs + " ms apart: it spins instead of sleeping");
  }

  @Test
  void pausedReadingHoldsMessagesAndResumingDeliversThemInOrder() throws Exception {
    hub.addKernel("k1", info).get(5, TimeUnit.SECONDS);
    long end = System.nanoTime() + WAIT.toNanos();
    while (recorder.messages(r -> true).isEmpty()) { // wait for the subscription to join
      assertTrue(System.nanoTime() < end, "subscription never joined");
      sendFrames(iopub, kernelCodec.encode(status("idle")));
      Thread.sleep(50);
    }
    Thread.sleep(200); // let stragglers of the join loop arrive
    int before = recorder.messages(r -> true).size();

    hub.setReading("k1", false).get(5, TimeUnit.SECONDS);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      JupyterMessage m = status("busy");
      ids.add(m.msgId());
      sendFrames(iopub, kernelCodec.encode(m));
    }
    Thread.sleep(300);
    assertEquals(before, recorder.messages(r -> true).size(), "nothing read while paused");

    hub.setReading("k1", true).get(5, TimeUnit.SECONDS);
    Recorder.waitUntil(() -> recorder.messages(r -> true).size() == before + 5, WAIT,
        "held messages delivered");
    List<String> got = recorder.messages(r -> true).subList(before, before + 5).stream()
        .map(r -> r.message().msgId()).toList();
    assertEquals(ids, got);
  }

  @Test
  void reportsAnUnansweredHeartbeatOncePerStreak() throws Exception {
    hub.addKernel("k1", info).get(5, TimeUnit.SECONDS);
    Recorder.waitUntil(() -> !recorder.heartbeatFailures().isEmpty(), WAIT, "heartbeat failure");
    Thread.sleep(800); // several more timeouts in the same streak
    assertEquals(List.of("k1"), recorder.heartbeatFailures());
  }

  @Test
  void pausedHeartbeatReportsNothing() throws Exception {
    hub.addKernel("k1", info).get(5, TimeUnit.SECONDS);
    hub.setHeartbeat("k1", false).get(5, TimeUnit.SECONDS);
    Thread.sleep(800);
    assertEquals(List.of(), recorder.heartbeatFailures());
  }

  @Test
  void failsClearlyForUnknownKernelsSessionsAndChannels() throws Exception {
    JupyterMessage m = messages.create(Channel.SHELL, "kernel_info_request", Bytes.utf8("{}"),
        Optional.empty());
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> hub.send("nope", "s", Channel.SHELL, m).get(5, TimeUnit.SECONDS));
    assertInstanceOf(NoSuchKernelException.class, e.getCause());

    hub.addKernel("k1", info).get(5, TimeUnit.SECONDS);
    ExecutionException noSession = assertThrows(ExecutionException.class,
        () -> hub.send("k1", "s", Channel.SHELL, m).get(5, TimeUnit.SECONDS));
    assertInstanceOf(NoSuchKernelException.class, noSession.getCause());
    ExecutionException iopubSend = assertThrows(ExecutionException.class,
        () -> hub.send("k1", "s", Channel.IOPUB, m).get(5, TimeUnit.SECONDS));
    assertInstanceOf(IllegalArgumentException.class, iopubSend.getCause());
    assertThrows(IllegalArgumentException.class, () -> hub.openSession("k1", ""));

    hub.close();
    ExecutionException closed = assertThrows(ExecutionException.class,
        () -> hub.addKernel("k2", info).get(5, TimeUnit.SECONDS));
    assertInstanceOf(RejectedExecutionException.class, closed.getCause());
  }
}
