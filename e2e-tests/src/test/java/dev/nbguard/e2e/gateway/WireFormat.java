package dev.nbguard.e2e.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The two kernel WebSocket formats, from the client's side (written from the format description
 * in JUPYTER-PROTOCOL.md, independent of the gateway's codecs so the two can disagree).
 */
enum WireFormat {
  /** Legacy: JSON text frames; binary frames (big-endian u32 offsets) when buffers ride along. */
  LEGACY(null),
  /** {@code v1.kernel.websocket.jupyter.org}: little-endian u64 offsets, always binary. */
  V1("v1.kernel.websocket.jupyter.org");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The subprotocol to offer, or null for none. */
  final String subprotocol;

  WireFormat(String subprotocol) {
    this.subprotocol = subprotocol;
  }

  /** A text frame (legacy only). */
  static WireMessage decodeText(String text) {
    try {
      JsonNode m = JSON.readTree(text);
      return new WireMessage(m.path("channel").asText(""), m.path("header"),
          m.path("parent_header"), m.path("metadata"), m.path("content"), List.of());
    } catch (IOException e) {
      throw new UncheckedIOException("not a JSON message: " + text, e);
    }
  }

  WireMessage decodeBinary(byte[] frame) {
    return this == V1 ? decodeV1(frame) : decodeLegacyBinary(frame);
  }

  private static WireMessage decodeLegacyBinary(byte[] frame) {
    ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.BIG_ENDIAN);
    int n = b.getInt(0);
    int[] offsets = new int[n + 1];
    for (int i = 0; i < n; i++) {
      offsets[i] = b.getInt(4 + 4 * i);
    }
    offsets[n] = frame.length;
    WireMessage json = decodeText(new String(frame, offsets[0], offsets[1] - offsets[0],
        StandardCharsets.UTF_8));
    List<byte[]> buffers = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      buffers.add(Arrays.copyOfRange(frame, offsets[i], offsets[i + 1]));
    }
    return new WireMessage(json.channel(), json.header(), json.parentHeader(), json.metadata(),
        json.content(), buffers);
  }

  private static WireMessage decodeV1(byte[] frame) {
    ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
    int k = (int) b.getLong(0);
    if (k < 6 || 8L * (k + 1) > frame.length) {
      throw new IllegalArgumentException("bad v1 frame: " + k + " offsets in " + frame.length
          + " bytes");
    }
    int[] offsets = new int[k];
    for (int i = 0; i < k; i++) {
      offsets[i] = (int) b.getLong(8 + 8 * i);
    }
    List<byte[]> parts = new ArrayList<>();
    for (int i = 0; i + 1 < k; i++) {
      parts.add(Arrays.copyOfRange(frame, offsets[i], offsets[i + 1]));
    }
    try {
      return new WireMessage(new String(parts.get(0), StandardCharsets.UTF_8),
          JSON.readTree(parts.get(1)), JSON.readTree(parts.get(2)), JSON.readTree(parts.get(3)),
          JSON.readTree(parts.get(4)), List.copyOf(parts.subList(5, parts.size())));
    } catch (IOException e) {
      throw new UncheckedIOException("bad JSON part in a v1 frame", e);
    }
  }

  /** Legacy: a JSON text frame (buffers are not supported from this client in legacy). */
  static String encodeText(String channel, ObjectNode header, JsonNode content) {
    ObjectNode m = JSON.createObjectNode();
    m.set("header", header);
    m.set("parent_header", JSON.createObjectNode());
    m.set("metadata", JSON.createObjectNode());
    m.set("content", content);
    m.set("buffers", JSON.createArrayNode());
    m.put("channel", channel);
    return m.toString();
  }

  /** v1: one binary frame. */
  static byte[] encodeV1(String channel, ObjectNode header, JsonNode content) {
    List<byte[]> parts = List.of(channel.getBytes(StandardCharsets.UTF_8),
        header.toString().getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8),
        "{}".getBytes(StandardCharsets.UTF_8), content.toString().getBytes(StandardCharsets.UTF_8));
    int k = parts.size() + 1;
    ByteBuffer table = ByteBuffer.allocate(8 * (k + 1)).order(ByteOrder.LITTLE_ENDIAN);
    table.putLong(k);
    long offset = 8L * (k + 1);
    table.putLong(offset);
    for (byte[] p : parts) {
      offset += p.length;
      table.putLong(offset);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(table.array());
    parts.forEach(out::writeBytes);
    return out.toByteArray();
  }
}
