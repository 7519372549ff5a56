package dev.nbguard.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nbguard.protocol.Bytes;
import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.JupyterMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Messages recorded from Debian's ipykernel 6.17 / IPython 8.5 / ipywidgets 6.0 by
 * {@code src/test/resources/filter/capture.py}; each part is the kernel's exact JSON text.
 */
record Captured(String testCase, JupyterMessage message) {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final List<Captured> ALL = load();

  static List<Captured> all() {
    return ALL;
  }

  /** The first message of {@code msgType} recorded for {@code testCase}. */
  static JupyterMessage find(String testCase, String msgType) {
    return findAll(testCase, msgType).get(0);
  }

  static List<JupyterMessage> findAll(String testCase, String msgType) {
    List<JupyterMessage> out = new ArrayList<>();
    for (Captured c : ALL) {
      if (c.testCase.equals(testCase) && c.message.msgType().equals(msgType)) {
        out.add(c.message);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no " + msgType + " recorded for " + testCase);
    }
    return out;
  }

  private static List<Captured> load() {
    try (InputStream in = Captured.class.getResourceAsStream("/filter/captured.json")) {
      if (in == null) {
        throw new IllegalStateException("missing /filter/captured.json");
      }
      List<Captured> out = new ArrayList<>();
      for (JsonNode n : JSON.readTree(in)) {
        List<Bytes> buffers = new ArrayList<>();
        n.get("buffers_b64").forEach(b -> buffers.add(
            Bytes.wrap(Base64.getDecoder().decode(b.asText()))));
        out.add(new Captured(n.get("case").asText(), JupyterMessage.of(
            Channel.fromWireName(n.get("channel").asText()),
            Bytes.utf8(n.get("header").asText()), Bytes.utf8(n.get("parent_header").asText()),
            Bytes.utf8(n.get("metadata").asText()), Bytes.utf8(n.get("content").asText()),
            buffers)));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode content(JupyterMessage m) {
    try {
      return JSON.readTree(m.contentBytes().toArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A message of {@code msgType} on {@code channel} with the given content JSON. */
  static JupyterMessage message(Channel channel, String msgType, String content,
      List<Bytes> buffers) {
    String header = "{\"msg_id\":\"m-" + msgType + "-" + Math.abs(content.hashCode())
        + "\",\"msg_type\":\"" + msgType + "\",\"username\":\"u\",\"session\":\"s\","
        + "\"date\":\"2026-11-25T22:00:00.000000Z\",\"version\":\"5.3\"}";
    return JupyterMessage.of(channel, Bytes.utf8(header), Bytes.utf8("{}"), Bytes.utf8("{}"),
        Bytes.utf8(content), buffers);
  }

  static JupyterMessage message(Channel channel, String msgType, String content) {
    return message(channel, msgType, content, List.of());
  }
}
