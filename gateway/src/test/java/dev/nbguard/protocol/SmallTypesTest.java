package dev.nbguard.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Channel, WsProtocol, ReplayGuard and Bytes: the small value types. */
class SmallTypesTest {

  @Test
  void channelsParseFromTheirWireNamesOnly() {
    for (Channel c : Channel.values()) {
      assertEquals(c, Channel.fromWireName(c.wireName()));
      assertEquals(c, Channel.fromWireName(Bytes.utf8(c.wireName())));
    }
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> Channel.fromWireName("IOPub\n"));
    assertTrue(e.getMessage().contains("unknown channel \"IOPub?\""), e.getMessage());
    assertEquals(Optional.empty(), Channel.find("shell "));
  }

  @Test
  void negotiationPicksV1OnlyWhenOffered() {
    assertEquals(WsProtocol.V1,
        WsProtocol.negotiate(List.of("other", "v1.kernel.websocket.jupyter.org")));
    assertEquals(WsProtocol.V1,
        WsProtocol.negotiate(Optional.of("x, v1.kernel.websocket.jupyter.org")));
    assertEquals(WsProtocol.LEGACY, WsProtocol.negotiate(List.of()));
    assertEquals(WsProtocol.LEGACY, WsProtocol.negotiate(Optional.empty()));
    assertEquals(WsProtocol.LEGACY,
        WsProtocol.negotiate(List.of("v2.kernel.websocket.jupyter.org")));
    assertEquals(Optional.empty(), WsProtocol.LEGACY.subprotocol());
    assertEquals(WsProtocol.V1, WsProtocol.V1.codec(CodecLimits.DEFAULT).protocol());
    assertEquals(WsProtocol.LEGACY, WsProtocol.LEGACY.codec(CodecLimits.DEFAULT).protocol());
  }

  @Test
  void replayGuardRefusesARepeatAndForgetsTheOldest() {
    ReplayGuard guard = new ReplayGuard(2);
    guard.checkFresh(Bytes.utf8("a"));
    guard.checkFresh(Bytes.utf8("b"));
    assertThrows(ProtocolException.class, () -> guard.checkFresh(Bytes.utf8("b")));
    guard.checkFresh(Bytes.utf8("c")); // forgets "a"
    guard.checkFresh(Bytes.utf8("a"));
    assertEquals(2, guard.size());
    guard.checkFresh(Bytes.EMPTY);
    guard.checkFresh(Bytes.EMPTY); // unsigned sessions are not tracked
  }

  @Test
  void replayGuardSeesAReplayedKernelMessage() {
    Fixture f = Fixture.load("display-data");
    ZmqWireCodec codec = new ZmqWireCodec(f.signer(), CodecLimits.DEFAULT);
    ReplayGuard guard = new ReplayGuard();
    guard.checkFresh(codec.decode(Optional.empty(), f.zmqFrames()));
    JupyterMessage replay = codec.decode(Optional.empty(), f.zmqFrames());
    assertThrows(ProtocolException.class, () -> guard.checkFresh(replay));
  }

  @Test
  void bytesSlicesShareButNeverExposeStorage() {
    byte[] raw = "hello world".getBytes();
    Bytes b = Bytes.copyOf(raw);
    raw[0] = 'J';
    assertEquals("hello world", b.toUtf8String());
    Bytes world = b.slice(6, 11);
    assertEquals(Bytes.utf8("world"), world);
    assertEquals(Bytes.utf8("world").hashCode(), world.hashCode());
    world.toArray()[0] = 'X';
    assertEquals("world", world.toUtf8String());
    assertTrue(world.asReadOnlyByteBuffer().isReadOnly());
    assertEquals(5, world.asReadOnlyByteBuffer().remaining());
    assertNotEquals(b, world);
    assertThrows(IndexOutOfBoundsException.class, () -> b.slice(3, 2));
    assertFalse(b.toString().isEmpty());
  }

  @Test
  void limitsRefuseNonsense() {
    assertThrows(IllegalArgumentException.class, () -> new CodecLimits(10, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new CodecLimits(1024, -1, 1));
  }
}
