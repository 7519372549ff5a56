package dev.nbguard.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class LegacyWsCodecTest {

  static final List<String> NAMES = Fixture.NAMES;
  private final LegacyWsCodec codec = new LegacyWsCodec(CodecLimits.DEFAULT);

  @ParameterizedTest
  @FieldSource("NAMES")
  void encodesTheSameMessageJupyterServerSendsToALegacyClient(String name) {
    Fixture f = Fixture.load(name);
    JupyterMessage m = kernelMessage(f);

    WsFrame ours = codec.encode(m);

    assertEquals(f.wsLegacy().type(), ours.type());
    // Python's json.dumps spaces and escapes differently: compare the JSON values
    assertEquals(messageJson(f.wsLegacy()), messageJson(ours));
    if (!ours.isText()) {
      assertEquals(m.buffers(), codec.decode(ours).buffers());
    }
  }

  @ParameterizedTest
  @FieldSource("NAMES")
  void splicesTheKernelsOwnBytesWithoutReserializing(String name) {
    Fixture f = Fixture.load(name);
    JupyterMessage m = kernelMessage(f);
    String json = (m.buffers().isEmpty() ? codec.encode(m).payload()
        : binaryParts(codec.encode(m).payload()).get(0)).toUtf8String();
    assertTrue(json.startsWith("{\"header\":" + m.headerBytes().toUtf8String() + ",\"msg_id\":"));
    assertTrue(json.contains(",\"content\":" + m.contentBytes().toUtf8String() + ","));
    assertTrue(json.endsWith(",\"channel\":\"" + f.channel().wireName() + "\"}"));
  }

  @ParameterizedTest
  @FieldSource("NAMES")
  void decodesJupyterServerLegacyFrames(String name) {
    Fixture f = Fixture.load(name);
    JupyterMessage kernel = kernelMessage(f);

    JupyterMessage m = codec.decode(f.wsLegacy());

    assertEquals(Optional.of(f.channel()), m.channel());
    assertEquals(f.msgId(), m.msgId());
    assertEquals(Fixture.tree(kernel.contentBytes()), Fixture.tree(m.contentBytes()));
    assertEquals(Fixture.tree(kernel.metadataBytes()), Fixture.tree(m.metadataBytes()));
    assertEquals(kernel.buffers(), m.buffers());
  }

  @Test
  void readsAClientMessageKeepingEachDictsOwnBytes() {
    String header = "{ \"msg_id\" : \"m1\", \"msg_type\": \"execute_request\","
        + " \"session\": \"s\", \"username\": \"u\", \"date\": \"d\", \"version\": \"5.3\" }";
    String content = "{\"code\": \"print('é ✓')\", \"silent\": false}";
    String text = "{\"header\":" + header + ",\"msg_id\":\"m1\",\"msg_type\":\"execute_request\","
        + "\"parent_header\":{},\"metadata\":{\"a\":[1,{\"b\":null}]},\"content\":" + content
        + ",\"buffers\":[],\"channel\":\"shell\"}";

    JupyterMessage m = codec.decode(WsFrame.text(text));

    assertEquals(header, m.headerBytes().toUtf8String());
    assertEquals(content, m.contentBytes().toUtf8String());
    assertEquals("{\"a\":[1,{\"b\":null}]}", m.metadataBytes().toUtf8String());
    assertEquals("execute_request", m.msgType());
    assertEquals(Optional.of(Channel.SHELL), m.channel());
  }

  @Test
  void treatsAMissingChannelAsShellAndMissingDictsAsEmpty() {
    JupyterMessage m = codec.decode(WsFrame.text(
        "{\"header\":{\"msg_id\":\"1\",\"msg_type\":\"kernel_info_request\"},\"content\":null}"));
    assertEquals(Optional.of(Channel.SHELL), m.channel());
    assertEquals("{}", m.parentHeaderBytes().toUtf8String());
    assertEquals("{}", m.metadataBytes().toUtf8String());
    assertEquals("{}", m.contentBytes().toUtf8String());
  }

  @Test
  void refusesMalformedClientMessages() {
    for (String bad : List.of(
        "[]",
        "{}",
        "{\"header\":[]}",
        "{\"header\":{\"msg_id\":\"1\",\"msg_type\":\"t\"},\"channel\":\"nope\"}",
        "{\"header\":{\"msg_id\":\"1\",\"msg_type\":\"t\"},\"channel\":3}",
        "{\"header\":{\"msg_id\":\"1\",\"msg_type\":\"t\"},\"buffers\":[\"AA==\"]}",
        "{\"header\":{},\"header\":{}}",
        "{\"header\":{\"msg_id\":\"1\",\"msg_id\":\"2\"}}",
        "{\"header\":{\"msg_id\":\"1\",\"msg_type\":\"t\"}} trailing",
        "{\"header\":{\"msg_id\":\"1\",\"msg_type\":\"t\"},\"content\":NaN}",
        "{\"header\":{\"msg_id\":\"1\",\"msg_type\":\"t\"}, /* c */ \"content\":{}}",
        "{\"header\":{\"msg_id\":\"1\"")) {
      assertThrows(ProtocolException.class, () -> codec.decode(WsFrame.text(bad)), bad);
    }
  }

  @Test
  void refusesToSpliceAPartThatWouldInjectKeys() {
    JupyterMessage m = JupyterMessage.of(Channel.IOPUB,
        Bytes.utf8("{\"msg_id\":\"1\",\"msg_type\":\"stream\"}"), Bytes.utf8("{}"),
        Bytes.utf8("{}"), Bytes.utf8("{},\"channel\":\"shell\",\"x\":{}"), List.of());
    ProtocolException e = assertThrows(ProtocolException.class, () -> codec.encode(m));
    assertTrue(e.getMessage().startsWith("content"), e.getMessage());
  }

  @Test
  void escapesMsgIdAndTypeWhenSplicing() {
    JupyterMessage m = JupyterMessage.of(Channel.IOPUB,
        Bytes.utf8("{\"msg_id\":\"a\\\"b\\u0001\",\"msg_type\":\"stream\"}"), Bytes.utf8("{}"),
        Bytes.utf8("{}"), Bytes.utf8("{}"), List.of());
    JsonNode json = Fixture.tree(codec.encode(m).payload());
    assertEquals("a\"b\u0001", json.get("msg_id").asText());
  }

  @Test
  void roundTripsABinaryFrameWithEmptyAndLargeBuffers() {
    JupyterMessage m = JupyterMessage.of(Channel.SHELL,
        Bytes.utf8("{\"msg_id\":\"1\",\"msg_type\":\"comm_msg\"}"), Bytes.utf8("{}"),
        Bytes.utf8("{}"), Bytes.utf8("{\"data\":{}}"),
        List.of(Bytes.EMPTY, Bytes.wrap(new byte[70_000]), Bytes.utf8("x")));
    WsFrame frame = codec.encode(m);
    assertEquals(WsFrame.Type.BINARY, frame.type());
    assertEquals(4, frame.payload().asReadOnlyByteBuffer().getInt(0));
    assertEquals(m, codec.decode(frame));
  }

  @Test
  void refusesBinaryFramesWithBadOffsets() {
    assertThrows(ProtocolException.class, () -> decodeBinary(bin(0)));
    assertThrows(ProtocolException.class, () -> decodeBinary(bin(0xFFFFFFFF, 8)));
    assertThrows(ProtocolException.class, () -> decodeBinary(bin(2, 12, 4)));
    assertThrows(ProtocolException.class, () -> decodeBinary(bin(2, 12, 999)));
    assertThrows(ProtocolException.class, () -> decodeBinary(bin(1, 4)));
    assertThrows(ProtocolException.class, () -> decodeBinary(new byte[3]));
    assertThrows(ProtocolException.class, () -> new LegacyWsCodec(new CodecLimits(1024, 0, 4))
        .decode(WsFrame.binary(Bytes.wrap(bin(2, 12, 12)))));
  }

  private void decodeBinary(byte[] frame) {
    codec.decode(WsFrame.binary(Bytes.wrap(frame)));
  }

  /** A table of big-endian u32 values followed by two bytes of body. */
  private static byte[] bin(int... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length + 2);
    for (int v : values) {
      b.putInt(v);
    }
    return b.array();
  }

  private static JupyterMessage kernelMessage(Fixture f) {
    return new ZmqWireCodec(f.signer(), CodecLimits.DEFAULT)
        .decode(Optional.of(f.channel()), f.zmqFrames());
  }

  /** The message JSON of a legacy frame, without buffers. */
  private static JsonNode messageJson(WsFrame frame) {
    Bytes json = frame.isText() ? frame.payload() : binaryParts(frame.payload()).get(0);
    ObjectNode node = (ObjectNode) Fixture.tree(json);
    node.remove("buffers");
    return node;
  }

  private static List<Bytes> binaryParts(Bytes frame) {
    ByteBuffer b = frame.asReadOnlyByteBuffer();
    int n = b.getInt(0);
    int[] starts = new int[n + 1];
    for (int i = 0; i < n; i++) {
      starts[i] = b.getInt(4 * (i + 1));
    }
    starts[n] = frame.length();
    java.util.ArrayList<Bytes> parts = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      parts.add(frame.slice(starts[i], starts[i + 1]));
    }
    return parts;
  }
}
