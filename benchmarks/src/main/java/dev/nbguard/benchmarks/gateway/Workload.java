package dev.nbguard.benchmarks.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** The measured operations, the same for every {@link KernelClient}. */
final class Workload {

  /** One flood: how many outputs came, in what order, over how long. */
  record Flood(int expected, int received, int outOfOrder, int htmlWithoutTable,
      double seconds) {

    double perSecond() {
      return received / seconds;
    }

    boolean complete() {
      return received == expected && outOfOrder == 0 && htmlWithoutTable == 0;
    }

    String problems() {
      return complete() ? "" : "received " + received + " of " + expected + ", "
          + outOfOrder + " out of order, " + htmlWithoutTable + " displays without their table";
    }
  }

  private Workload() {}

  /** Sends one request and waits for its idle status and its reply. */
  static Exchange exchange(KernelClient client, String msgType, Map<String, Object> content,
      Duration timeout) throws InterruptedException, TimeoutException {
    Exchange e = new Exchange(UUID.randomUUID().toString(), System.nanoTime());
    client.inbox().expect(e);
    client.send(e.msgId, msgType, content);
    try {
      return client.await(e, timeout);
    } catch (ExecutionException ex) {
      throw new IllegalStateException(ex.getCause());
    } catch (TimeoutException ex) {
      throw new TimeoutException(client.name() + ": no idle+reply for " + msgType + " within "
          + timeout.toSeconds() + " s (busy " + (e.busyNanos != 0) + ", " + e.outputs
          + " outputs, idle " + (e.idleNanos != 0) + ", reply " + (e.replyNanos != 0) + ")");
    }
  }

  /** kernel_info until the kernel answers on shell and IOPub (subscriptions take a moment). */
  static void awaitReady(KernelClient client, Duration timeout) throws InterruptedException,
      TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        exchange(client, "kernel_info_request", Map.of(), Duration.ofSeconds(1));
        return;
      } catch (TimeoutException e) {
        if (System.nanoTime() > deadline) {
          throw new TimeoutException(client.name() + ": kernel not ready within "
              + timeout.toSeconds() + " s");
        }
      }
    }
  }

  /** {@code flood KIND BYTES N}: N outputs published back to back. */
  static Flood flood(KernelClient client, String kind, int bytes, int n)
      throws InterruptedException, TimeoutException {
    Exchange e = exchange(client, "execute_request",
        Wire.executeContent("flood " + kind + " " + bytes + " " + n),
        Duration.ofSeconds(60 + n / 500));
    return new Flood(n, e.outputs, e.outOfOrder, e.htmlWithoutTable, e.outputSeconds());
  }

  /** A trivial execution: request sent → execute_reply received, in ms. */
  static double roundTrip(KernelClient client) throws InterruptedException, TimeoutException {
    return exchange(client, "execute_request", Wire.executeContent("pass"),
        Duration.ofSeconds(30)).roundTripMillis();
  }
}
