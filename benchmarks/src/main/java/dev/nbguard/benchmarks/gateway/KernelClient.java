package dev.nbguard.benchmarks.gateway;

import java.util.Map;

/** One kernel, reached one way (a server's WebSocket, or ZeroMQ directly). */
interface KernelClient extends AutoCloseable {

  /** Shown in reports. */
  String name();

  Inbox inbox();

  /** Sends a request on the shell channel; the caller has already {@link Inbox#expect}ed it. */
  void send(String msgId, String msgType, Map<String, Object> content);

  @Override
  void close();
}
