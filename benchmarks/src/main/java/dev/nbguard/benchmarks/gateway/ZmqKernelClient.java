package dev.nbguard.benchmarks.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The kernel alone: launches the flood kernel with a connection file of its own and talks to
 * it over ZeroMQ (JeroMQ), signing with HMAC-SHA256. The measuring thread owns the shell DEALER:
 * it sends and, in {@link #await}, reads the replies itself (no thread hand-off in the round
 * trip); a reader thread owns the IOPub SUB.
 */
final class ZmqKernelClient implements KernelClient {
  private static final byte[] DELIMITER = Wire.bytes("<IDS|MSG>");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String session = UUID.randomUUID().toString();
  private final Inbox inbox = new Inbox();
  private final ZContext context = new ZContext();
  private final ZMQ.Socket shell;
  private final Process kernel;
  private final Thread iopubReader;
  private final Mac mac;
  private volatile boolean running = true;

  private ZmqKernelClient(Process kernel, Map<String, Object> connection) {
    this.kernel = kernel;
    this.mac = mac(Wire.bytes((String) connection.get("key")));
    String url = "tcp://127.0.0.1:";
    shell = context.createSocket(SocketType.DEALER);
    shell.setLinger(0);
    shell.connect(url + connection.get("shell_port"));
    ZMQ.Socket iopub = context.createSocket(SocketType.SUB);
    iopub.setLinger(0);
    iopub.setReceiveTimeOut(200);
    iopub.subscribe(new byte[0]);
    iopub.connect(url + connection.get("iopub_port"));
    iopubReader = new Thread(() -> readIopub(iopub), "zmq-iopub");
    iopubReader.setDaemon(true);
    iopubReader.start();
  }

  /**
   * Launches {@code python script -f CONNECTION_FILE} with files under {@code dir}: the flood
   * kernel on free ports. A port found free can be taken by another process
   * before the kernel binds it (the kernel then exits at once): then again, on new ports.
   */
  static ZmqKernelClient launch(String python, Path script, Path dir) throws IOException {
    for (int attempt = 1; ; attempt++) {
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
      boolean exited;
      try {
        exited = p.waitFor(300, java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
        throw new IOException("interrupted while starting the flood kernel", e);
      }
      if (!exited) {
        return new ZmqKernelClient(p, connection);
      }
      if (attempt == 3) {
        throw new IOException("the flood kernel exited with " + p.exitValue() + " three times;"
            + " see " + dir.resolve("zmq-kernel.log"));
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private void readIopub(ZMQ.Socket iopub) {
    try {
      while (running) {
        receiveOne(iopub, "iopub");
      }
    } catch (RuntimeException e) {
      if (running) {
        System.err.println("zmq client: " + e);
      }
    } finally {
      iopub.close();
    }
  }

  /** Reads one message (waiting up to the socket's receive timeout); false when none came. */
  private boolean receiveOne(ZMQ.Socket socket, String channel) {
    byte[] first = socket.recv();
    if (first == null) {
      return false;
    }
    List<byte[]> frames = new ArrayList<>(8);
    frames.add(first);
    while (socket.hasReceiveMore()) {
      frames.add(socket.recv());
    }
    int at = -1;
    for (int i = 0; i < frames.size() && at < 0; i++) {
      at = Arrays.equals(frames.get(i), DELIMITER) ? i : -1;
    }
    if (at >= 0 && frames.size() >= at + 6) {
      inbox.receive(channel, Slice.of(frames.get(at + 2)), Slice.of(frames.get(at + 3)),
          Slice.of(frames.get(at + 5)));
    }
    return true;
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
    List<byte[]> parts = Wire.request(session, msgId, msgType, content);
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

  @Override
  public Exchange await(Exchange e, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!e.hasReply()) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        throw new TimeoutException("no reply");
      }
      shell.setReceiveTimeOut((int) Math.min(left, 200));
      receiveOne(shell, "shell");
    }
    long left = Math.max(1, deadline - System.nanoTime());
    return e.done().get(left, TimeUnit.NANOSECONDS);
  }

  private static Mac mac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      iopubReader.join(2000);
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
