package dev.nbguard.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.JupyterMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Collects what listeners receive, for tests; waits are bounded. */
final class Recorder implements KernelMessageListener, KernelLifecycleListener {

  static final ObjectMapper JSON = new ObjectMapper();

  record Received(String kernelId, Channel channel, Optional<String> session,
      JupyterMessage message) {
    String type() {
      return message.msgType();
    }

    JsonNode content() {
      return json(message.contentBytes().toUtf8String());
    }

    String parentId() {
      return message.parentHeader().map(h -> h.msgId()).orElse("");
    }
  }

  record Bad(String kernelId, Channel channel, String reason) {}

  record Life(String kernelId, LifecycleEvent event, Optional<JupyterMessage> status) {}

  final List<Received> messages = new ArrayList<>();
  final List<Bad> bad = new ArrayList<>();
  final List<String> heartbeatFailures = new ArrayList<>();
  final List<Life> lifecycle = new ArrayList<>();

  @Override
  public synchronized void onMessage(String kernelId, Channel channel, Optional<String> session,
      JupyterMessage message) {
    messages.add(new Received(kernelId, channel, session, message));
  }

  @Override
  public synchronized void onBadMessage(String kernelId, Channel channel, String reason) {
    bad.add(new Bad(kernelId, channel, reason));
  }

  @Override
  public synchronized void onHeartbeatFailed(String kernelId) {
    heartbeatFailures.add(kernelId);
  }

  @Override
  public synchronized void onLifecycle(String kernelId, LifecycleEvent event,
      Optional<JupyterMessage> status) {
    lifecycle.add(new Life(kernelId, event, status));
  }

  synchronized List<Received> messages(Predicate<Received> p) {
    return messages.stream().filter(p).toList();
  }

  synchronized List<Life> lifecycle(String kernelId) {
    return lifecycle.stream().filter(l -> l.kernelId().equals(kernelId)).toList();
  }

  synchronized List<Bad> bad() {
    return new ArrayList<>(bad);
  }

  synchronized List<String> heartbeatFailures() {
    return new ArrayList<>(heartbeatFailures);
  }

  /** Waits (bounded) until {@code p} holds, then returns the matching messages. */
  Received await(Predicate<Received> p, Duration timeout) {
    waitUntil(() -> !messages(p).isEmpty(), timeout, "no matching message");
    return messages(p).get(0);
  }

  static void waitUntil(java.util.function.BooleanSupplier condition, Duration timeout,
      String what) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out after " + timeout + ": " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
