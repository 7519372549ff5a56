package dev.nbguard.benchmarks.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One kernel, reached one way (a server's WebSocket, or ZeroMQ directly). */
interface KernelClient extends AutoCloseable {

  /** Shown in reports. */
  String name();

  Inbox inbox();

  /** Sends a request on the shell channel; the caller has already {@link Inbox#expect}ed it. */
  void send(String msgId, String msgType, Map<String, Object> content);

  /**
   * Waits until {@code e} is done (its idle status and its reply have arrived). A client whose
   * replies are read on the calling thread reads them here.
   */
  default Exchange await(Exchange e, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    return e.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  void close();
}
