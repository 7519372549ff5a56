package dev.nbguard.benchmarks.gateway;

/**
 * Routes received messages to the one {@link Exchange} in flight (messages for any other
 * request, e.g. a server's own kernel_info, are ignored). Called on the client's receiving
 * thread; {@link #expect} on the measuring thread before it sends.
 */
final class Inbox {
  private volatile Exchange current;

  void expect(Exchange exchange) {
    current = exchange;
  }

  void receive(String channel, Slice header, Slice parentHeader, Slice content) {
    long now = System.nanoTime();
    Exchange e = current;
    if (e == null || !Wire.stringField(parentHeader, "msg_id").orElse("").equals(e.msgId)) {
      return;
    }
    String msgType = Wire.stringField(header, "msg_type").orElse("");
    if (channel.equals("iopub")) {
      e.onIopub(msgType, header, content, now);
    } else if ((channel.equals("shell") || channel.equals("control"))
        && msgType.endsWith("_reply")) {
      e.onReply(msgType, content, now);
    }
  }
}
