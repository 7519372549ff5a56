package dev.nbguard.benchmarks.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The kernel alone: launches the flood kernel with a connection file of its own and talks to
 * it over ZeroMQ (JeroMQ: a DEALER on shell, a SUB on IOPub), signing with HMAC-SHA256. One
 * thread owns the sockets; {@link #send} hands requests to it through a queue and an inproc
 * wake-up socket.
 */
final class ZmqKernelClient implements KernelClient {
  private static final byte[] DELIMITER = Wire.bytes("<IDS|MSG>");
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Outgoing(String msgId, String msgType, Map<String, Object> content) {}

  private final String session = UUID.randomUUID().toString();
  private final Inbox inbox = new Inbox();
  private final ConcurrentLinkedQueue<Outgoing> outgoing = new ConcurrentLinkedQueue<>();
  private final ZContext context = new ZContext();
  private final ZMQ.Socket wakeSender;
  private final Process kernel;
  private final Thread io;
  private final byte[] key;
  private volatile boolean running = true;

  private ZmqKernelClient(Process kernel, Map<String, Object> connection) {
    this.kernel = kernel;
    this.key = Wire.bytes((String) connection.get("key"));
    String url = "tcp://127.0.0.1:";
    ZMQ.Socket shell = context.createSocket(SocketType.DEALER);
    shell.setLinger(0);
    shell.connect(url + connection.get("shell_port"));
    ZMQ.Socket iopub = context.createSocket(SocketType.SUB);
    iopub.setLinger(0);
    iopub.setRcvHWM(0);
    iopub.subscribe(new byte[0]);
    iopub.connect(url + connection.get("iopub_port"));
    String wake = "inproc://wake-" + session;
    ZMQ.Socket wakeReceiver = context.createSocket(SocketType.PAIR);
    wakeReceiver.bind(wake);
    wakeSender = context.createSocket(SocketType.PAIR);
    wakeSender.connect(wake);
    io = new Thread(() -> loop(shell, iopub, wakeReceiver), "zmq-client");
    io.setDaemon(true);
    io.start();
  }

  /** Launches {@code python script -f CONNECTION_FILE} with files under {@code dir}. */
  static ZmqKernelClient launch(String python, Path script, Path dir) throws IOException {
    Map<String, Object> connection = new LinkedHashMap<>();
    for (String port : List.of("shell_port", "iopub_port", "stdin_port", "control_port",
        "hb_port")) {
      connection.put(port, freePort());
    }
    connection.put("ip", "127.0.0.1");
    connection.put("transport", "tcp");
    connection.put("signature_scheme", "hmac-sha256");
    connection.put("key", UUID.randomUUID().toString());
    Path file = dir.resolve("kernel-" + UUID.randomUUID() + ".json");
    Files.write(file, JSON.writeValueAsBytes(connection));
    Process p = new ProcessBuilder(python, script.toString(), "-f", file.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("zmq-kernel.log").toFile())
        .start();
    return new ZmqKernelClient(p, connection);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private void loop(ZMQ.Socket shell, ZMQ.Socket iopub, ZMQ.Socket wake) {
    Mac mac = mac();
    try (ZMQ.Poller poller = context.createPoller(3)) {
      poller.register(shell, ZMQ.Poller.POLLIN);
      poller.register(iopub, ZMQ.Poller.POLLIN);
      poller.register(wake, ZMQ.Poller.POLLIN);
      while (running && poller.poll(200) >= 0) {
        while (wake.recv(ZMQ.DONTWAIT) != null) {
          // drained: the queue says what to send
        }
        for (Outgoing o; (o = outgoing.poll()) != null; ) {
          sendNow(shell, mac, o);
        }
        drain(iopub, "iopub");
        drain(shell, "shell");
      }
    } catch (RuntimeException e) {
      if (running) {
        System.err.println("zmq client: " + e);
      }
    }
  }

  private void drain(ZMQ.Socket socket, String channel) {
    for (int budget = 0; budget < 1000; budget++) {
      byte[] first = socket.recv(ZMQ.DONTWAIT);
      if (first == null) {
        return;
      }
      List<byte[]> frames = new ArrayList<>(8);
      frames.add(first);
      while (socket.hasReceiveMore()) {
        frames.add(socket.recv());
      }
      int at = indexOfDelimiter(frames);
      if (at >= 0 && frames.size() >= at + 6) {
        inbox.receive(channel, Slice.of(frames.get(at + 2)), Slice.of(frames.get(at + 3)),
            Slice.of(frames.get(at + 5)));
      }
    }
  }

  private static int indexOfDelimiter(List<byte[]> frames) {
    for (int i = 0; i < frames.size(); i++) {
      if (java.util.Arrays.equals(frames.get(i), DELIMITER)) {
        return i;
      }
    }
    return -1;
  }

  private void sendNow(ZMQ.Socket shell, Mac mac, Outgoing o) {
    List<byte[]> parts = Wire.request(session, o.msgId(), o.msgType(), o.content());
    for (byte[] part : parts) {
      mac.update(part);
    }
    byte[] signature = HexFormat.of().formatHex(mac.doFinal()).getBytes(StandardCharsets.US_ASCII);
    shell.sendMore(DELIMITER);
    shell.sendMore(signature);
    for (int i = 0; i < parts.size(); i++) {
      if (i < parts.size() - 1) {
        shell.sendMore(parts.get(i));
      } else {
        shell.send(parts.get(i));
      }
    }
  }

  private Mac mac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String name() {
    return "kernel alone (ZeroMQ)";
  }

  @Override
  public Inbox inbox() {
    return inbox;
  }

  @Override
  public void send(String msgId, String msgType, Map<String, Object> content) {
    if (!kernel.isAlive()) {
      throw new IllegalStateException("the flood kernel exited with " + kernel.exitValue());
    }
    outgoing.add(new Outgoing(msgId, msgType, content));
    synchronized (wakeSender) {
      wakeSender.send(new byte[] {1});
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      io.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    kernel.destroy();
    try {
      if (!kernel.waitFor(5, TimeUnit.SECONDS)) {
        kernel.destroyForcibly();
      }
    } catch (InterruptedException e) {
      kernel.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    context.close();
  }
}
