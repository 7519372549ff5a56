package dev.nbguard.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class ZmqWireCodecTest {

  static final List<String> NAMES = Fixture.NAMES;

  @ParameterizedTest
  @FieldSource("NAMES")
  void decodesJupyterClientFramesAndVerifiesTheirSignature(String name) {
    Fixture f = Fixture.load(name);
    JupyterMessage m = codec(f).decode(Optional.of(f.channel()), f.zmqFrames());

    assertEquals(f.msgType(), m.msgType());
    assertEquals(f.msgId(), m.msgId());
    assertEquals("nbguard", m.header().username());
    assertEquals(f.zmqFrames().subList(0, f.delimiterIndex()), m.identities());
    List<Bytes> parts = f.partsAfterSignature();
    assertEquals(parts.get(0), m.headerBytes());
    assertEquals(parts.get(3), m.contentBytes());
    assertEquals(parts.subList(4, parts.size()), m.buffers());
    assertEquals("execute_request", m.parentHeader().orElseThrow().msgType());
    assertEquals(f.signer().isSigning(), m.signature().isPresent());
  }

  @ParameterizedTest
  @FieldSource("NAMES")
  void reEncodesAnUntouchedMessageByteForByte(String name) {
    Fixture f = Fixture.load(name);
    ZmqWireCodec codec = codec(f);
    assertEquals(f.zmqFrames(), codec.encode(codec.decode(Optional.empty(), f.zmqFrames())));
  }

  @ParameterizedTest
  @FieldSource("NAMES")
  void signsAgainWhenTheContentChanged(String name) {
    Fixture f = Fixture.load(name);
    ZmqWireCodec codec = codec(f);
    JupyterMessage changed = codec.decode(Optional.empty(), f.zmqFrames())
        .withContent("{\"replaced\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    List<Bytes> frames = codec.encode(changed);

    JupyterMessage back = codec.decode(Optional.empty(), frames); // verifies the new signature
    assertEquals("{\"replaced\":true}", back.contentBytes().toUtf8String());
    if (f.signer().isSigning()) {
      int signature = f.delimiterIndex() + 1;
      assertNotEquals(f.zmqFrames().get(signature), frames.get(signature));
    }
  }

  @Test
  void signsWithItsOwnKeyAMessageVerifiedUnderAnotherKey() {
    Fixture f = Fixture.load("display-data");
    JupyterMessage m = codec(f).decode(Optional.empty(), f.zmqFrames());
    ZmqWireCodec other = new ZmqWireCodec(Signer.of("other key"), CodecLimits.DEFAULT);

    List<Bytes> frames = other.encode(m);

    assertEquals(m, other.decode(Optional.empty(), frames));
    assertThrows(ProtocolException.class, () -> codec(f).decode(Optional.empty(), frames));
  }

  @Test
  void refusesATamperedContentFrame() {
    Fixture f = Fixture.load("display-data");
    List<Bytes> frames = new ArrayList<>(f.zmqFrames());
    int content = f.delimiterIndex() + 5;
    frames.set(content, Bytes.utf8("{\"data\":{\"text/html\":\"<script>\"}}"));
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> codec(f).decode(Optional.empty(), frames));
    assertEquals("invalid signature", e.getMessage());
  }

  @Test
  void refusesAnUnsignedMessageWhenKeyed() {
    Fixture f = Fixture.load("display-data");
    List<Bytes> frames = new ArrayList<>(f.zmqFrames());
    frames.set(f.delimiterIndex() + 1, Bytes.EMPTY);
    assertEquals("unsigned message", assertThrows(ProtocolException.class,
        () -> codec(f).decode(Optional.empty(), frames)).getMessage());
  }

  @Test
  void acceptsAnySignatureWithAnEmptyKey() {
    Fixture f = Fixture.load("display-data");
    ZmqWireCodec unsigned = new ZmqWireCodec(Signer.unsigned(), CodecLimits.DEFAULT);
    JupyterMessage m = unsigned.decode(Optional.empty(), f.zmqFrames());
    assertFalse(m.signature().isPresent());
    assertEquals(Bytes.EMPTY, unsigned.encode(m).get(f.delimiterIndex() + 1));
  }

  @Test
  void explainsAMissingDelimiter() {
    List<Bytes> frames = List.of(Bytes.utf8("a"), Bytes.utf8("{}"), Bytes.utf8("{}"));
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> new ZmqWireCodec(Signer.unsigned(), CodecLimits.DEFAULT)
            .decode(Optional.empty(), frames));
    assertTrue(e.getMessage().contains("no <IDS|MSG> delimiter"), e.getMessage());
  }

  @Test
  void explainsTooFewFrames() {
    List<Bytes> frames = List.of(ZmqWireCodec.DELIMITER, Bytes.EMPTY, Bytes.utf8("{}"));
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> new ZmqWireCodec(Signer.unsigned(), CodecLimits.DEFAULT)
            .decode(Optional.empty(), frames));
    assertTrue(e.getMessage().contains("only 2 frames after <IDS|MSG>"), e.getMessage());
  }

  @Test
  void enforcesTheIdentityBufferAndSizeLimits() {
    Fixture f = Fixture.load("comm-msg-buffers"); // 1 identity, 3 buffers
    assertThrows(ProtocolException.class, () -> new ZmqWireCodec(f.signer(),
        new CodecLimits(1 << 20, 2, 16)).decode(Optional.empty(), f.zmqFrames()));
    assertThrows(ProtocolException.class, () -> new ZmqWireCodec(f.signer(),
        new CodecLimits(1 << 20, 16, 0)).decode(Optional.empty(), f.zmqFrames()));
    assertThrows(ProtocolException.class, () -> new ZmqWireCodec(f.signer(),
        new CodecLimits(100, 16, 16)).decode(Optional.empty(), f.zmqFrames()));
  }

  @Test
  void takesTheFirstDelimiterLikeJupyterClient() {
    Signer s = Signer.of("k");
    Bytes h = Bytes.utf8("{\"msg_id\":\"1\",\"msg_type\":\"t\"}");
    Bytes e = Bytes.utf8("{}");
    ZmqWireCodec codec = new ZmqWireCodec(s, CodecLimits.DEFAULT);
    List<Bytes> frames = List.of(ZmqWireCodec.DELIMITER, s.sign(h, e, e, e), h, e, e, e,
        ZmqWireCodec.DELIMITER);
    JupyterMessage m = codec.decode(Optional.empty(), frames);
    assertEquals(List.of(), m.identities());
    assertEquals(List.of(ZmqWireCodec.DELIMITER), m.buffers());
  }

  private static ZmqWireCodec codec(Fixture f) {
    return new ZmqWireCodec(f.signer(), CodecLimits.DEFAULT);
  }
}
