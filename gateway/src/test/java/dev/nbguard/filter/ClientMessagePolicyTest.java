package dev.nbguard.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nbguard.protocol.Channel;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.Preset;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class ClientMessagePolicyTest {
  private final MessageFilter filter =
      new MessageFilter(OutputPolicy.preset(Preset.DEFAULT), AuditLog.NO_AUDIT);

  private boolean allowed(String type, Channel channel) {
    return filter.allowedFromClient(Captured.message(channel, type, "{}"), channel);
  }

  @Test
  void allowsWhatJupyterLabSendsOnEachChannel() {
    for (String t : new String[] {"execute_request", "inspect_request", "complete_request",
        "history_request", "is_complete_request", "comm_info_request", "kernel_info_request",
        "comm_open", "comm_msg", "comm_close"}) {
      assertTrue(allowed(t, Channel.SHELL), t);
    }
    for (String t : new String[] {"shutdown_request", "interrupt_request", "debug_request",
        "kernel_info_request"}) {
      assertTrue(allowed(t, Channel.CONTROL), t);
    }
    assertTrue(allowed("input_reply", Channel.STDIN));
  }

  @Test
  void refusesEverythingElse() {
    assertFalse(allowed("execute_request", Channel.IOPUB));
    assertFalse(allowed("display_data", Channel.IOPUB));
    assertFalse(allowed("execute_request", Channel.CONTROL));
    assertFalse(allowed("shutdown_request", Channel.SHELL));
    assertFalse(allowed("execute_request", Channel.STDIN));
    assertFalse(allowed("execute_reply", Channel.SHELL));
    assertFalse(allowed("kernel_info_request", Channel.HB));
    assertEquals(7, filter.metrics().clientMessagesRejected());
  }

  @Test
  void aCustomPolicyAllowsWhatItLists() {
    ClientMessagePolicy p = ClientMessagePolicy.DEFAULT.with(Channel.SHELL, "x_custom_request");
    MessageFilter f = new MessageFilter(OutputPolicy.preset(Preset.DEFAULT), AuditLog.NO_AUDIT,
        p, Clock.systemUTC());
    assertTrue(f.allowedFromClient(Captured.message(Channel.SHELL, "x_custom_request", "{}"),
        Channel.SHELL));
    assertFalse(ClientMessagePolicy.DEFAULT.allows(Channel.SHELL, "x_custom_request"));
  }
}
