package dev.nbguard.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Frames recorded from JupyterLab's own serializer (make_jupyterlab_fixtures.cjs). */
class JupyterLabFramesTest {

  static Stream<JsonNode> cases() {
    JsonNode root = Fixture.readJson("/protocol/jupyterlab-client.json");
    return StreamSupport.stream(root.get("cases").spliterator(), false);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void decodesWhatJupyterLabSends(JsonNode c) {
    KernelWsCodec codec = codec(c);
    JupyterMessage m = codec.decode(frame(c));

    JsonNode expected = c.get("expected");
    assertEquals(Optional.of(Channel.fromWireName(c.get("channel").asText())), m.channel());
    assertEquals(expected.get("header"), Fixture.tree(m.headerBytes()));
    assertEquals(expected.get("parent_header"), Fixture.tree(m.parentHeaderBytes()));
    assertEquals(expected.get("metadata"), Fixture.tree(m.metadataBytes()));
    assertEquals(expected.get("content"), Fixture.tree(m.contentBytes()));
    List<Bytes> buffers = new ArrayList<>();
    c.get("buffers_b64").forEach(b -> buffers.add(Fixture.b64(b)));
    assertEquals(buffers, m.buffers());
    assertEquals(expected.get("header").get("msg_type").asText(), m.msgType());
  }

  @ParameterizedTest
  @MethodSource("cases")
  void reEncodesAnUntouchedClientMessageInTheSameFormat(JsonNode c) {
    KernelWsCodec codec = codec(c);
    WsFrame original = frame(c);
    WsFrame ours = codec.encode(codec.decode(original));
    assertEquals(original.type(), ours.type());
    if (codec.protocol() == WsProtocol.V1) {
      assertEquals(original.payload(), ours.payload()); // v1 is fully deterministic
    }
    assertEquals(codec.decode(original), codec.decode(ours));
  }

  private static KernelWsCodec codec(JsonNode c) {
    return WsProtocol.negotiate(List.of(c.get("protocol").asText())).codec(CodecLimits.DEFAULT);
  }

  private static WsFrame frame(JsonNode c) {
    Bytes payload = Fixture.b64(c.get("payload_b64"));
    return c.get("type").asText().equals("text") ? WsFrame.text(payload)
        : WsFrame.binary(payload);
  }
}
