package dev.nbguard.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessagesTest {

  private final Messages messages = new Messages(
      Clock.fixed(Instant.parse("2026-11-25T21:27:26.419822Z"), ZoneOffset.UTC), "gw", "nbguard");

  @Test
  void writesHeadersInJupyterClientsShape() {
    MessageHeader h = MessageHeader.parse(messages.header("kernel_info_request"));
    assertEquals("kernel_info_request", h.msgType());
    assertEquals("2026-11-25T21:27:26.419822Z", h.date());
    assertEquals("gw", h.session());
    assertEquals("nbguard", h.username());
    assertEquals("5.3", h.version());
    assertEquals(36, h.msgId().length());
    assertNotEquals(h.msgId(), MessageHeader.parse(messages.header("x")).msgId());
  }

  @Test
  void buildsASyntheticStatusThatEveryCodecCanFrame() {
    MessageHeader parent = MessageHeader.parse(messages.header("execute_request"));
    JupyterMessage status = messages.status("restarting", Optional.of(parent));

    assertEquals("status", status.msgType());
    assertEquals(parent, status.parentHeader().orElseThrow());
    assertEquals("{\"execution_state\":\"restarting\"}", status.contentBytes().toUtf8String());
    assertEquals(status, new V1WsCodec(CodecLimits.DEFAULT)
        .decode(new V1WsCodec(CodecLimits.DEFAULT).encode(status)));
    assertEquals(status, new LegacyWsCodec(CodecLimits.DEFAULT)
        .decode(new LegacyWsCodec(CodecLimits.DEFAULT).encode(status)));
  }

  @Test
  void refusesContentThatIsNotOneObject() {
    assertThrows(ProtocolException.class, () -> messages.create(Channel.SHELL,
        "kernel_info_request", Bytes.utf8("{} {}"), Optional.empty()));
  }
}
