package dev.nbguard.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MessageHeaderTest {

  @Test
  void readsTheRoutingFieldsAndKeepsTheRawBytes() {
    Bytes raw = Bytes.utf8("{\"msg_id\":\"1\",\"msg_type\":\"execute_request\",\"username\":\"u\","
        + "\"session\":\"s\",\"date\":\"2026-11-25T21:00:00.000000Z\",\"version\":\"5.3\","
        + "\"nested\":{\"msg_type\":\"decoy\"},\"n\":1}");
    MessageHeader h = MessageHeader.parse(raw);
    assertEquals(new MessageHeader("1", "execute_request", "s", "u",
        "2026-11-25T21:00:00.000000Z", "5.3", raw), h);
  }

  @Test
  void isNotFooledByFieldNamesInsideValues() {
    MessageHeader h = MessageHeader.parse(Bytes.utf8(
        "{\"username\":\"\\\"msg_type\\\":\\\"evil\\\"\","
            + "\"msg_type\":\"stream\",\"msg_id\":\"x\"}"));
    assertEquals("stream", h.msgType());
  }

  @Test
  void refusesDuplicateKeysSoNoTwoParsersCanDisagree() {
    ProtocolException e = assertThrows(ProtocolException.class, () -> MessageHeader.parse(
        Bytes.utf8("{\"msg_id\":\"1\",\"msg_type\":\"a\",\"msg_type\":\"b\"}")));
    assertTrue(e.getMessage().contains("Duplicate"), e.getMessage());
  }

  @Test
  void requiresMsgIdAndMsgType() {
    assertThrows(ProtocolException.class,
        () -> MessageHeader.parse(Bytes.utf8("{\"msg_type\":\"a\"}")));
    assertThrows(ProtocolException.class,
        () -> MessageHeader.parse(Bytes.utf8("{\"msg_id\":\"1\",\"msg_type\":7}")));
    assertThrows(ProtocolException.class, () -> MessageHeader.parse(Bytes.utf8("[]")));
  }

  @Test
  void refusesAbsurdNesting() {
    String deep = "[".repeat(StrictJson.MAX_NESTING_DEPTH + 10);
    assertThrows(ProtocolException.class, () -> MessageHeader.parse(
        Bytes.utf8("{\"msg_id\":\"1\",\"msg_type\":\"a\",\"x\":" + deep)));
  }
}
