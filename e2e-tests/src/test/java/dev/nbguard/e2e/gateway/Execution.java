package dev.nbguard.e2e.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What one client saw of one request: its iopub messages in arrival order and its reply. */
final class Execution {
  private final String msgId;
  private final List<WireMessage> iopub = new ArrayList<>();
  private final List<WireMessage> stdin = new ArrayList<>();
  private WireMessage reply;
  private boolean started;
  private boolean idle;

  Execution(String msgId) {
    this.msgId = msgId;
  }

  String msgId() {
    return msgId;
  }

  /** Takes {@code m} if it belongs to this request; returns whether it did. */
  boolean offer(WireMessage m) {
    if (!m.answers(msgId)) {
      return false;
    }
    switch (m.channel()) {
      case "iopub" -> {
        if (m.msgType().equals("status")) {
          String state = m.content().path("execution_state").asText();
          started |= state.equals("busy");
          idle |= state.equals("idle");
        } else {
          started |= m.msgType().equals("execute_input");
          iopub.add(m);
        }
      }
      case "shell" -> reply = m;
      case "stdin" -> stdin.add(m);
      default -> {
        return false;
      }
    }
    return true;
  }

  boolean started() {
    return started;
  }

  /** The reply arrived and the kernel went idle after this request. */
  boolean done() {
    return reply != null && idle;
  }

  /** iopub went idle after this request (what a client that did not send it waits for). */
  boolean idle() {
    return idle;
  }

  List<WireMessage> iopub() {
    return List.copyOf(iopub);
  }

  List<WireMessage> stdin() {
    return List.copyOf(stdin);
  }

  Optional<WireMessage> reply() {
    return Optional.ofNullable(reply);
  }

  String replyStatus() {
    return reply == null ? "(no reply)" : reply.content().path("status").asText();
  }

  /** The text of every stream message named {@code name} (stdout, stderr), concatenated. */
  String stream(String name) {
    StringBuilder s = new StringBuilder();
    for (WireMessage m : iopub) {
      if (m.msgType().equals("stream") && m.content().path("name").asText().equals(name)) {
        s.append(m.content().path("text").asText());
      }
    }
    return s.toString();
  }

  /** Contents of display_data and execute_result messages, in order. */
  List<JsonNode> displays() {
    List<JsonNode> out = new ArrayList<>();
    for (WireMessage m : iopub) {
      if (m.msgType().equals("display_data") || m.msgType().equals("execute_result")) {
        out.add(m.content());
      }
    }
    return out;
  }

  List<WireMessage> ofType(String msgType) {
    return iopub.stream().filter(m -> m.msgType().equals(msgType)).toList();
  }

  /** The error message's content; fails when there is none. */
  JsonNode error() {
    return ofType("error").stream().findFirst().map(WireMessage::content)
        .orElseThrow(() -> new AssertionError("no error output in " + this));
  }

  @Override
  public String toString() {
    return "execution " + msgId + " (reply " + replyStatus() + ", idle " + idle + "): " + iopub;
  }
}
