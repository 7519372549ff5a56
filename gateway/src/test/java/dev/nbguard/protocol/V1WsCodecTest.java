package dev.nbguard.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class V1WsCodecTest {

  static final List<String> NAMES = Fixture.NAMES;
  private final V1WsCodec codec = new V1WsCodec(CodecLimits.DEFAULT);

  @ParameterizedTest
  @FieldSource("NAMES")
  void encodesExactlyWhatJupyterServerSendsToAV1Client(String name) {
    Fixture f = Fixture.load(name);
    JupyterMessage m = new ZmqWireCodec(f.signer(), CodecLimits.DEFAULT)
        .decode(Optional.of(f.channel()), f.zmqFrames());
    WsFrame frame = codec.encode(m);
    assertEquals(WsFrame.Type.BINARY, frame.type());
    assertEquals(f.wsV1(), frame.payload());
  }

  @ParameterizedTest
  @FieldSource("NAMES")
  void decodesJupyterServerV1FramesIntoTheKernelParts(String name) {
    Fixture f = Fixture.load(name);
    JupyterMessage m = codec.decode(WsFrame.binary(f.wsV1()));
    List<Bytes> parts = f.partsAfterSignature();
    assertEquals(Optional.of(f.channel()), m.channel());
    assertEquals(parts.get(0), m.headerBytes());
    assertEquals(parts.get(1), m.parentHeaderBytes());
    assertEquals(parts.get(2), m.metadataBytes());
    assertEquals(parts.get(3), m.contentBytes());
    assertEquals(parts.subList(4, parts.size()), m.buffers());
    assertEquals(f.msgType(), m.msgType());
  }

  @Test
  void refusesTextFrames() {
    assertThrows(ProtocolException.class, () -> codec.decode(WsFrame.text("{}")));
  }

  @Test
  void refusesAHugeDeclaredOffsetCountBeforeAllocating() {
    ByteBuffer b = le(16);
    b.putLong(Long.MAX_VALUE).putLong(0);
    ProtocolException e = assertThrows(ProtocolException.class, () -> decode(b));
    assertTrue(e.getMessage().contains("more than the limit"), e.getMessage());
    ByteBuffer neg = le(16).putLong(-1L).putLong(0);
    assertThrows(ProtocolException.class, () -> decode(neg));
  }

  @Test
  void refusesTooFewOffsets() {
    ByteBuffer b = le(48).putLong(5);
    for (int i = 0; i < 5; i++) {
      b.putLong(48);
    }
    ProtocolException e = assertThrows(ProtocolException.class, () -> decode(b));
    assertTrue(e.getMessage().contains("needs at least 6"), e.getMessage());
  }

  @Test
  void refusesOffsetsPastTheEndOrOutOfOrder() {
    assertThrows(ProtocolException.class, () -> decode(frame(56, 61, 63, 62, 65, 66)));
    assertThrows(ProtocolException.class, () -> decode(frame(56, 61, 63, 64, 65, 999)));
    assertThrows(ProtocolException.class, () -> decode(frame(0, 61, 63, 64, 65, 66)));
    assertThrows(ProtocolException.class, () -> decode(frame(56, 61, 63, 64, 65, 65)));
  }

  @Test
  void refusesATrailingGapAfterTheLastPart() {
    ByteBuffer b = frame(56, 61, 63, 64, 65, 66);
    ByteBuffer longer = le(b.capacity() + 3).put(b.array());
    ProtocolException e = assertThrows(ProtocolException.class, () -> decode(longer));
    assertTrue(e.getMessage().contains("does not match the frame length"), e.getMessage());
  }

  @Test
  void refusesAnUnknownChannel() {
    ByteBuffer b = frame(56, 61, 63, 64, 65, 66);
    b.put(56, (byte) 'X');
    ProtocolException e = assertThrows(ProtocolException.class, () -> decode(b));
    assertTrue(e.getMessage().contains("unknown channel"), e.getMessage());
  }

  @Test
  void decodesAMinimalHandBuiltFrame() {
    JupyterMessage m = decode(frame(56, 61, 63, 64, 65, 66));
    assertEquals(Optional.of(Channel.SHELL), m.channel());
    assertEquals("{}", m.headerBytes().toUtf8String());
    assertEquals(List.of(), m.buffers());
  }

  @Test
  void enforcesTheFrameSizeLimit() {
    Fixture f = Fixture.load("display-data");
    V1WsCodec small = new V1WsCodec(new CodecLimits(64, 8, 8));
    assertThrows(ProtocolException.class, () -> small.decode(WsFrame.binary(f.wsV1())));
  }

  /** k=6 offsets; parts "shell", "{}", "{", "}", "{": 66 bytes in all. */
  private static ByteBuffer frame(long... offsets) {
    ByteBuffer b = le(66).putLong(offsets.length);
    for (long o : offsets) {
      b.putLong(o);
    }
    b.put("shell{}{}{".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    return b;
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  private JupyterMessage decode(ByteBuffer b) {
    return codec.decode(WsFrame.binary(Bytes.wrap(b.array())));
  }
}
