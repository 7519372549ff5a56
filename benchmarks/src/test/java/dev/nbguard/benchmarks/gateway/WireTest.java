package dev.nbguard.benchmarks.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class WireTest {

  @Test
  void v1FrameRoundTripsChannelAndParts() {
    byte[] frame = Wire.encodeV1("shell", List.of(Wire.bytes("{\"msg_type\":\"x\"}"),
        Wire.bytes("{}"), Wire.bytes("{\"a\":1}"), Wire.bytes("{\"code\":\"pass\"}")));
    Slice[] parts = Wire.decodeV1(frame);
    assertEquals(5, parts.length);
    assertEquals("shell", parts[0].toString());
    assertEquals("{\"msg_type\":\"x\"}", parts[1].toString());
    assertEquals("{\"a\":1}", parts[3].toString());
    assertEquals("{\"code\":\"pass\"}", parts[4].toString());
  }

  @Test
  void v1FrameWithAnOffsetPastTheEndIsRefused() {
    byte[] frame = Wire.encodeV1("shell", List.of(Wire.bytes("{}"), Wire.bytes("{}"),
        Wire.bytes("{}"), Wire.bytes("{}")));
    frame[8 * 6] = 127; // the last offset
    assertThrows(IllegalArgumentException.class, () -> Wire.decodeV1(frame));
  }

  @Test
  void findsTopLevelStringFieldsOnly() {
    Slice json = Slice.of(Wire.bytes(
        "{\"header\":{\"msg_id\":\"inner\"},\"n\":3,\"msg_id\":\"outer\"}"));
    assertEquals("outer", Wire.stringField(json, "msg_id").orElseThrow());
    assertEquals(false, Wire.stringField(json, "n").isPresent());
    assertEquals(false, Wire.stringField(Slice.of(Wire.bytes("[1]")), "msg_id").isPresent());
  }
}
