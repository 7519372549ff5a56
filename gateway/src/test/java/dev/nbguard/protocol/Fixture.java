package dev.nbguard.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A golden case recorded by {@code protocol/make_fixtures.py} from the real Python code. */
record Fixture(
    String name,
    Signer signer,
    Channel channel,
    String msgType,
    String msgId,
    List<Bytes> zmqFrames,
    Bytes wsV1,
    WsFrame wsLegacy) {

  static final ObjectMapper JSON = new ObjectMapper();

  static final List<String> NAMES =
      List.of("display-data", "stream-sha512", "comm-msg-buffers", "execute-reply-unsigned");

  static Fixture load(String name) {
    JsonNode n = readJson("/protocol/" + name + ".json");
    List<Bytes> frames = new ArrayList<>();
    n.get("zmq_frames_b64").forEach(f -> frames.add(b64(f)));
    JsonNode legacy = n.get("ws_legacy");
    Bytes legacyPayload = b64(legacy.get("payload_b64"));
    return new Fixture(
        name,
        Signer.of(b64(n.get("key_b64")).toArray(), n.get("scheme").asText()),
        Channel.fromWireName(n.get("channel").asText()),
        n.get("msg_type").asText(),
        n.get("msg_id").asText(),
        List.copyOf(frames),
        b64(n.get("ws_v1_b64")),
        legacy.get("type").asText().equals("text")
            ? WsFrame.text(legacyPayload)
            : WsFrame.binary(legacyPayload));
  }

  static JsonNode readJson(String resource) {
    try (InputStream in = Fixture.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(Bytes json) {
    try {
      return JSON.readTree(json.toArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Bytes b64(JsonNode node) {
    return Bytes.wrap(Base64.getDecoder().decode(node.asText()));
  }

  int delimiterIndex() {
    return zmqFrames.indexOf(ZmqWireCodec.DELIMITER);
  }

  /** The frames after the signature: header, parent, metadata, content, buffers. */
  List<Bytes> partsAfterSignature() {
    return zmqFrames.subList(delimiterIndex() + 2, zmqFrames.size());
  }

  @Override
  public String toString() {
    return name;
  }
}
