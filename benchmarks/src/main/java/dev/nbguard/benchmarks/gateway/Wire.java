package dev.nbguard.benchmarks.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bits of the Jupyter messaging protocol the benchmark client needs: request parts, the
 * {@code v1.kernel.websocket.jupyter.org} frame layout, and a cheap top-level string lookup in
 * a JSON part (the client must stay far faster than what it measures, so it parses only
 * headers and never builds trees for outputs).
 */
final class Wire {
  static final String V1_PROTOCOL = "v1.kernel.websocket.jupyter.org";
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper JSON = new ObjectMapper();

  private Wire() {}

  /** header, parent_header, metadata, content of a request from this client. */
  static List<byte[]> request(String session, String msgId, String msgType,
      Map<String, Object> content) {
    ObjectNode header = JSON.createObjectNode()
        .put("msg_id", msgId).put("session", session).put("username", "bench")
        .put("date", Instant.now().toString()).put("msg_type", msgType).put("version", "5.3");
    try {
      return List.of(JSON.writeValueAsBytes(header), bytes("{}"), bytes("{}"),
          JSON.writeValueAsBytes(content));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> executeContent(String code) {
    return Map.of("code", code, "silent", false, "store_history", false,
        "user_expressions", Map.of(), "allow_stdin", false, "stop_on_error", true);
  }

  /** A v1 frame: u64 LE count k, k u64 LE offsets, then channel and the parts. */
  static byte[] encodeV1(String channel, List<byte[]> parts) {
    byte[] name = bytes(channel);
    int k = parts.size() + 2;
    int total = 8 * (k + 1) + name.length;
    for (byte[] p : parts) {
      total += p.length;
    }
    byte[] out = new byte[total];
    putLongLe(out, 0, k);
    int offset = 8 * (k + 1);
    putLongLe(out, 8, offset);
    System.arraycopy(name, 0, out, offset, name.length);
    offset += name.length;
    putLongLe(out, 16, offset);
    for (int i = 0; i < parts.size(); i++) {
      byte[] p = parts.get(i);
      System.arraycopy(p, 0, out, offset, p.length);
      offset += p.length;
      putLongLe(out, 8 * (i + 3), offset);
    }
    return out;
  }

  /** The parts of a v1 frame: [channel, header, parent_header, metadata, content, buffers…]. */
  static Slice[] decodeV1(byte[] frame) {
    if (frame.length < 8) {
      throw new IllegalArgumentException("v1 frame of " + frame.length + " bytes");
    }
    long k = getLongLe(frame, 0);
    if (k < 6 || k > 1024 || 8 * (k + 1) > frame.length) {
      throw new IllegalArgumentException("v1 frame with " + k + " offsets");
    }
    Slice[] parts = new Slice[(int) k - 1];
    for (int i = 0; i < parts.length; i++) {
      long from = getLongLe(frame, 8 * (i + 1));
      long to = getLongLe(frame, 8 * (i + 2));
      if (from > to || to > frame.length) {
        throw new IllegalArgumentException("v1 frame with a bad offset");
      }
      parts[i] = new Slice(frame, (int) from, (int) to);
    }
    return parts;
  }

  /** The string value of a top-level field of a JSON object, if it has one. */
  static Optional<String> stringField(Slice json, String name) {
    try (JsonParser p = FACTORY.createParser(json.bytes(), json.from(), json.length())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        boolean wanted = name.equals(p.currentName());
        JsonToken value = p.nextToken();
        if (wanted) {
          return value == JsonToken.VALUE_STRING ? Optional.of(p.getText()) : Optional.empty();
        }
        p.skipChildren();
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void putLongLe(byte[] out, int at, long value) {
    for (int i = 0; i < 8; i++) {
      out[at + i] = (byte) (value >>> (8 * i));
    }
  }

  private static long getLongLe(byte[] in, int at) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (in[at + i] & 0xffL);
    }
    return v;
  }
}
