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

class JupyterMessageTest {

  private final JupyterMessage signed = decodeFixture();

  @Test
  void replacingADictPartDropsTheSignature() {
    assertTrue(signed.signature().isPresent());
    assertFalse(signed.withContent(Bytes.utf8("{}")).signature().isPresent());
    assertFalse(signed.withMetadata(Bytes.utf8("{}")).signature().isPresent());
    assertFalse(signed.withParentHeader(Bytes.utf8("{}")).signature().isPresent());
    assertFalse(signed.withHeader(signed.headerBytes()).signature().isPresent());
  }

  @Test
  void routingChangesKeepTheSignature() {
    assertTrue(signed.withChannel(Channel.SHELL).signature().isPresent());
    assertTrue(signed.withIdentities(List.of()).signature().isPresent());
    assertTrue(signed.withBuffers(List.of(Bytes.utf8("b"))).signature().isPresent());
  }

  @Test
  void withContentCopiesTheCallersArray() {
    byte[] content = "{\"a\":1}".getBytes();
    JupyterMessage m = signed.withContent(content);
    content[2] = 'X';
    assertEquals("{\"a\":1}", m.contentBytes().toUtf8String());
  }

  @Test
  void readsTheHeaderLazilyAndReportsABadOneOnlyWhenAsked() {
    JupyterMessage m = JupyterMessage.of(Channel.SHELL, Bytes.utf8("not json"),
        Bytes.utf8("{}"), Bytes.utf8("{}"), Bytes.utf8("{}"), List.of());
    ProtocolException e = assertThrows(ProtocolException.class, m::msgType);
    assertTrue(e.getMessage().startsWith("header is not valid JSON"), e.getMessage());
    assertFalse(e.getMessage().contains("not json"), "source text must not leak into errors");
  }

  @Test
  void parentHeaderIsEmptyForAnEmptyObject() {
    JupyterMessage m = JupyterMessage.of(Channel.IOPUB,
        Bytes.utf8("{\"msg_id\":\"1\",\"msg_type\":\"status\"}"), Bytes.utf8("{}"),
        Bytes.utf8("{}"), Bytes.utf8("{}"), List.of());
    assertEquals(Optional.empty(), m.parentHeader());
    assertEquals("status", m.msgType());
    assertEquals("", m.header().session());
  }

  @Test
  void exposesNoMutableState() {
    List<Bytes> buffers = new ArrayList<>(List.of(Bytes.utf8("x")));
    JupyterMessage m = signed.withBuffers(buffers);
    buffers.add(Bytes.utf8("y"));
    assertEquals(1, m.buffers().size());
    assertThrows(UnsupportedOperationException.class, () -> m.buffers().add(Bytes.EMPTY));
    assertThrows(UnsupportedOperationException.class, () -> m.identities().add(Bytes.EMPTY));
  }

  @Test
  void equalityIgnoresTheSignatureButNotTheParts() {
    JupyterMessage resigned = signed.withContent(signed.contentBytes());
    assertEquals(signed, resigned);
    assertEquals(signed.hashCode(), resigned.hashCode());
    assertNotEquals(signed, signed.withContent(Bytes.utf8("{}")));
    assertNotEquals(signed, signed.withChannel(Channel.SHELL));
  }

  private static JupyterMessage decodeFixture() {
    Fixture f = Fixture.load("display-data");
    return new ZmqWireCodec(f.signer(), CodecLimits.DEFAULT)
        .decode(Optional.of(Channel.IOPUB), f.zmqFrames());
  }
}
