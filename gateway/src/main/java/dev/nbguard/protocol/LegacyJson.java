package dev.nbguard.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The legacy message JSON object, both ways, without re-serializing any dict.
 *
 * <p>Writing splices the raw parts into
 * {@code {"header":…,"msg_id":…,"msg_type":…,"parent_header":…,"metadata":…,"content":…,
 * "buffers":[],"channel":…}}. That is only safe when each part is exactly one JSON object (a part
 * like {@code {},"channel":"shell","x":{}} would inject keys), so every part is checked with the
 * strict streaming parser first; no tree is built.
 *
 * <p>Reading streams over the frame once and slices each dict's bytes out of it by the parser's
 * byte offsets, so the parts forwarded to the kernel are the client's own bytes.
 */
final class LegacyJson {

  private static final byte[] OPEN_HEADER = ascii("{\"header\":");
  private static final byte[] MSG_ID = ascii(",\"msg_id\":\"");
  private static final byte[] MSG_TYPE = ascii("\",\"msg_type\":\"");
  private static final byte[] PARENT = ascii("\",\"parent_header\":");
  private static final byte[] METADATA = ascii(",\"metadata\":");
  private static final byte[] CONTENT = ascii(",\"content\":");
  private static final byte[] BUFFERS = ascii(",\"buffers\":[]");
  private static final byte[] CHANNEL = ascii(",\"channel\":\"");
  private static final byte[] CLOSE = ascii("\"}");
  private static final Bytes EMPTY_OBJECT = Bytes.wrap(ascii("{}"));

  private LegacyJson() {}

  /** The message as one JSON object; {@code withBuffersKey} adds {@code "buffers":[]}. */
  static byte[] compose(JupyterMessage message, Channel channel, boolean withBuffersKey) {
    MessageHeader header = message.header(); // checks the header part
    StrictJson.requireObject(message.parentHeaderBytes(), "parent_header");
    StrictJson.requireObject(message.metadataBytes(), "metadata");
    StrictJson.requireObject(message.contentBytes(), "content");
    byte[] msgId = quote(header.msgId(), "msg_id");
    byte[] msgType = quote(header.msgType(), "msg_type");
    byte[] channelName = channel.wireBytes();
    long size = OPEN_HEADER.length + message.headerBytes().length() + MSG_ID.length
        + msgId.length + MSG_TYPE.length + msgType.length + PARENT.length
        + message.parentHeaderBytes().length() + METADATA.length
        + message.metadataBytes().length() + CONTENT.length + message.contentBytes().length()
        + (withBuffersKey ? BUFFERS.length : 0) + CHANNEL.length + channelName.length
        + CLOSE.length;
    if (size > Integer.MAX_VALUE - 16) {
      throw new ProtocolException("message of " + size + " bytes is too large to frame");
    }
    byte[] out = new byte[(int) size];
    int at = put(out, 0, OPEN_HEADER);
    at = message.headerBytes().copyTo(out, at);
    at = put(out, at, MSG_ID);
    at = put(out, at, msgId);
    at = put(out, at, MSG_TYPE);
    at = put(out, at, msgType);
    at = put(out, at, PARENT);
    at = message.parentHeaderBytes().copyTo(out, at);
    at = put(out, at, METADATA);
    at = message.metadataBytes().copyTo(out, at);
    at = put(out, at, CONTENT);
    at = message.contentBytes().copyTo(out, at);
    if (withBuffersKey) {
      at = put(out, at, BUFFERS);
    }
    at = put(out, at, CHANNEL);
    at = put(out, at, channelName);
    put(out, at, CLOSE);
    return out;
  }

  /**
   * Reads a client's message object. A missing or null {@code channel} means shell; missing or
   * null {@code parent_header}, {@code metadata} and {@code content} mean {@code {}}; top-level
   * {@code msg_id}/{@code msg_type} are ignored (the header is authoritative).
   *
   * @param buffers the buffers of a binary frame, or empty for a text frame
   * @param textFrame whether a non-empty {@code buffers} array must be refused
   */
  static JupyterMessage read(Bytes json, List<Bytes> buffers, boolean textFrame) {
    Bytes header = null;
    Bytes parent = EMPTY_OBJECT;
    Bytes metadata = EMPTY_OBJECT;
    Bytes content = EMPTY_OBJECT;
    Channel channel = Channel.SHELL;
    try (JsonParser p = StrictJson.parser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new ProtocolException("kernel message is not a JSON object");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "header" -> header = dict(p, json, value, name, false);
          case "parent_header" -> parent = dict(p, json, value, name, true);
          case "metadata" -> metadata = dict(p, json, value, name, true);
          case "content" -> content = dict(p, json, value, name, true);
          case "channel" -> channel = channel(p, value);
          case "buffers" -> checkBuffers(p, value, textFrame);
          default -> p.skipChildren();
        }
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new ProtocolException("kernel message has data after its JSON object");
      }
    } catch (IOException e) {
      throw StrictJson.invalid("kernel message", e);
    }
    if (header == null) {
      throw new ProtocolException("kernel message has no header object");
    }
    return new JupyterMessage(Optional.of(channel), List.of(), header, parent, metadata, content,
        buffers, Optional.empty());
  }

  private static Bytes dict(JsonParser p, Bytes json, JsonToken value, String name,
      boolean nullIsEmpty) throws IOException {
    if (value == JsonToken.VALUE_NULL && nullIsEmpty) {
      return EMPTY_OBJECT;
    }
    if (value != JsonToken.START_OBJECT) {
      throw new ProtocolException(name + " is not a JSON object");
    }
    long start = p.currentTokenLocation().getByteOffset();
    p.skipChildren();
    long end = p.currentTokenLocation().getByteOffset() + 1;
    if (start < 0 || end > json.length() || start >= end
        || json.byteAt((int) start) != '{' || json.byteAt((int) end - 1) != '}') {
      throw new ProtocolException("cannot locate " + name + " in the kernel message");
    }
    return json.slice((int) start, (int) end);
  }

  private static Channel channel(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return Channel.SHELL;
    }
    if (value != JsonToken.VALUE_STRING) {
      throw new ProtocolException("channel is not a string");
    }
    return Channel.fromWireName(p.getText());
  }

  private static void checkBuffers(JsonParser p, JsonToken value, boolean textFrame)
      throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return;
    }
    if (value != JsonToken.START_ARRAY) {
      throw new ProtocolException("buffers is not an array");
    }
    if (p.nextToken() != JsonToken.END_ARRAY) {
      if (textFrame) {
        throw new ProtocolException("a text frame cannot carry buffers; use a binary frame");
      }
      p.skipChildren(); // a binary frame's own buffers win, as in jupyter_server
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          throw new ProtocolException("buffers array is not closed");
        }
        p.skipChildren();
      }
    }
  }

  private static byte[] quote(String value, String name) {
    try {
      return JsonStringEncoder.getInstance().quoteAsUTF8(value);
    } catch (IllegalArgumentException e) { // a lone surrogate (an escaped half pair)
      throw new ProtocolException(name + " is not valid Unicode", e);
    }
  }

  private static int put(byte[] out, int at, byte[] piece) {
    System.arraycopy(piece, 0, out, at, piece.length);
    return at + piece.length;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
