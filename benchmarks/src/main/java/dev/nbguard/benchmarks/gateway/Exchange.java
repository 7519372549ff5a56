package dev.nbguard.benchmarks.gateway;

import java.util.concurrent.CompletableFuture;

/**
 * What came back for one request: its IOPub status times, its outputs (counted, checked for
 * order by the index that ends each output's msg_id, and, for HTML, whether a table survived)
 * and its reply. Written by the client's receiving thread(s) (IOPub and replies may come on
 * different threads, hence the locking); read by the measuring thread after {@link #done()}
 * completes (which orders the reads after the writes). Complete once both the idle status and
 * the reply have arrived.
 */
final class Exchange {
  private static final byte[] TABLE = Wire.bytes("<table");

  final String msgId;
  final long sentNanos;
  private final CompletableFuture<Exchange> done = new CompletableFuture<>();
  long busyNanos;
  long idleNanos;
  long replyNanos;
  int outputs;
  int outOfOrder;
  int htmlWithoutTable;
  long outputContentBytes;
  String replyType = "";
  String replyContent = "";

  Exchange(String msgId, long sentNanos) {
    this.msgId = msgId;
    this.sentNanos = sentNanos;
  }

  CompletableFuture<Exchange> done() {
    return done;
  }

  synchronized void onIopub(String msgType, Slice header, Slice content, long now) {
    switch (msgType) {
      case "status" -> {
        String state = Wire.stringField(content, "execution_state").orElse("");
        if (state.equals("busy") && busyNanos == 0) {
          busyNanos = now;
        } else if (state.equals("idle")) {
          idleNanos = now;
          completeIfDone();
        }
      }
      case "stream", "display_data" -> {
        String id = Wire.stringField(header, "msg_id").orElse("");
        if (!id.endsWith("-" + outputs)) {
          outOfOrder++;
        }
        outputs++;
        outputContentBytes += content.length();
        if (msgType.equals("display_data") && !content.contains(TABLE)) {
          htmlWithoutTable++;
        }
      }
      default -> { }
    }
  }

  synchronized void onReply(String msgType, Slice content, long now) {
    replyNanos = now;
    replyType = msgType;
    replyContent = content.length() < 4096 ? content.toString() : "";
    completeIfDone();
  }

  synchronized boolean hasReply() {
    return replyNanos != 0;
  }

  private void completeIfDone() {
    if (idleNanos != 0 && replyNanos != 0) {
      done.complete(this);
    }
  }

  /** busy → idle, in seconds: the time the outputs took to come through. */
  double outputSeconds() {
    return (idleNanos - Math.max(busyNanos, sentNanos)) / 1e9;
  }

  /** request sent → reply received, in milliseconds. */
  double roundTripMillis() {
    return (replyNanos - sentNanos) / 1e6;
  }
}
