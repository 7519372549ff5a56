package dev.nbguard.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.Signer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a kernel's connection file says: where its five sockets listen and how messages are
 * signed. {@link #toString()} never shows the key.
 */
public record ConnectionInfo(
    Transport transport,
    String ip,
    int shellPort,
    int iopubPort,
    int stdinPort,
    int controlPort,
    int hbPort,
    String key,
    String signatureScheme,
    String kernelName) {

  /** The ZeroMQ transport of the kernel's sockets. */
  public enum Transport {
    TCP,
    IPC;

    public String wireName() {
      return this == TCP ? "tcp" : "ipc";
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  public ConnectionInfo {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(ip, "ip");
    for (int p : new int[] {shellPort, iopubPort, stdinPort, controlPort, hbPort}) {
      if (p < 1 || p > 65535) {
        throw new IllegalArgumentException("port out of range: " + p);
      }
    }
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(signatureScheme, "signatureScheme");
    Objects.requireNonNull(kernelName, "kernelName");
  }

  /** The port of {@code channel}'s socket. */
  public int port(Channel channel) {
    return switch (channel) {
      case SHELL -> shellPort;
      case IOPUB -> iopubPort;
      case STDIN -> stdinPort;
      case CONTROL -> controlPort;
      case HB -> hbPort;
    };
  }

  /** The ZeroMQ endpoint of {@code channel}, e.g. {@code tcp://127.0.0.1:5555}. */
  public String endpoint(Channel channel) {
    return transport == Transport.TCP
        ? "tcp://" + ip + ":" + port(channel)
        : "ipc://" + ip + "-" + port(channel);
  }

  /** The signer for this kernel's key and scheme. */
  public Signer signer() {
    return Signer.of(key.getBytes(StandardCharsets.UTF_8), signatureScheme);
  }

  /** The connection file's JSON, as jupyter_client writes it. */
  public byte[] toJsonBytes() {
    ObjectNode o = JSON.createObjectNode();
    o.put("shell_port", shellPort);
    o.put("iopub_port", iopubPort);
    o.put("stdin_port", stdinPort);
    o.put("control_port", controlPort);
    o.put("hb_port", hbPort);
    o.put("ip", ip);
    o.put("key", key);
    o.put("transport", transport.wireName());
    o.put("signature_scheme", signatureScheme);
    o.put("kernel_name", kernelName);
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o)
          .getBytes(StandardCharsets.UTF_8);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "ConnectionInfo[" + transport.wireName() + "://" + ip + " shell=" + shellPort
        + " iopub=" + iopubPort + " stdin=" + stdinPort + " control=" + controlPort
        + " hb=" + hbPort + ", " + signatureScheme + ", kernel=" + kernelName + ", key=***]";
  }
}
