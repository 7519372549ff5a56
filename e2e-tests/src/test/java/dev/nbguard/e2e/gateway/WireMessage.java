package dev.nbguard.e2e.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One Jupyter message as a WebSocket client sees it. */
record WireMessage(String channel, JsonNode header, JsonNode parentHeader, JsonNode metadata,
    JsonNode content, List<byte[]> buffers) {

  String msgType() {
    return header.path("msg_type").asText("");
  }

  String parentId() {
    return parentHeader.path("msg_id").asText("");
  }

  boolean answers(String msgId) {
    return msgId.equals(parentId());
  }

  boolean is(String channel, String msgType) {
    return this.channel.equals(channel) && msgType().equals(msgType);
  }

  @Override
  public String toString() {
    return channel + "/" + msgType() + " " + content;
  }
}
